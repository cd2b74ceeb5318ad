import { nameKey, type SwitchStatus, type SystemRecord } from '../registry/system.js';
import { formatTimestampDay } from '../i18n/format.js';
import type { RegistryData } from '../store/registryStore.js';
import type { AnswerStatus, ApprovedValues, Review, Survey, SurveyAnswer } from './survey.js';

const STATUS_OF: Record<AnswerStatus, SwitchStatus> = {
  planned: 'planned',
  switched: 'switched',
  'not-applicable': 'not-applicable',
  undecided: 'unknown',
};

/** "Leverandørens svar, godkendt af KOMBIT 3. marts 2026": the provenance of an approved answer. */
export function approvedSource(approvedAt: string): string {
  return `Leverandørens svar, godkendt af KOMBIT ${formatTimestampDay(approvedAt, 'da')}`;
}

/**
 * The registry after KOMBIT approved an answer: the system gets the vendor's dates and status (a
 * system the registry lacked is added), and its source says whose answer it is and who approved it.
 */
export function applyApprovedAnswer(data: RegistryData, survey: Survey, answer: SurveyAnswer, review: Review): RegistryData {
  const key = nameKey(survey.system);
  const existing = data.systems.find((system) => nameKey(system.name) === key);
  const updated = approvedRecord(existing, survey, answer, review.at);
  const systems = existing ? data.systems.map((system) => (system === existing ? updated : system)) : [...data.systems, updated];
  return { ...data, systems };
}

/**
 * The system as approving the answer leaves it (`existing`: as the registry has it now, if at all);
 * what the review card shows as "nyt" before anyone approves.
 */
export function approvedRecord(existing: SystemRecord | undefined, survey: Survey, answer: SurveyAnswer, approvedAt: string): SystemRecord {
  const base: SystemRecord = existing ?? {
    name: survey.system,
    fullName: null,
    aliases: [],
    owner: null,
    vendor: null,
    ch2Date: null,
    sts2Date: null,
    status: null,
    source: null,
    note: null,
    updatedAt: null,
  };
  const updated: SystemRecord = {
    ...base,
    vendor: answer.vendor ?? base.vendor,
    // A date the vendor left empty keeps what the registry had: the answer may be about one switch only.
    ch2Date: answer.ch2Date ?? base.ch2Date,
    sts2Date: answer.sts2Date ?? base.sts2Date,
    status: STATUS_OF[answer.status],
    // Shown to everyone: organisations only. Who answered and who approved stays in the survey history.
    source: approvedSource(approvedAt),
    updatedAt: approvedAt,
  };
  // A status that needs a date keeps the registry valid: without one, the status is derived instead.
  if ((updated.status === 'planned' || updated.status === 'switched') && !updated.ch2Date && !updated.sts2Date) updated.status = null;
  return updated;
}

/** The values an approval writes back to KOMBIT's list: the system as the approval left it. */
export function approvedValues(data: RegistryData, system: string): ApprovedValues {
  const key = nameKey(system);
  const record = data.systems.find((candidate) => nameKey(candidate.name) === key);
  return {
    system: record?.name ?? system,
    fields: { ch2Date: record?.ch2Date ?? null, sts2Date: record?.sts2Date ?? null, status: record?.status ?? null, vendor: record?.vendor ?? null },
  };
}
