import { stringify } from 'csv-stringify/sync';
import { formatTimestampDay } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import { surveyMessages } from './texts.js';
import { surveyCliTexts as cliTexts } from './cliTexts.js';
import { CliUsageError, EXIT, type CliCommand, type CliIo } from '../app/contributions.js';
import { createLog } from '../log.js';
import { neutraliseCsvCell } from '../text/csvCell.js';
import { RegistryService } from '../registry/service.js';
import { SurveyService } from './service.js';
import type { Clock } from '../time/clock.js';
import type { Log } from '../log.js';
import type { Storage } from '../store/storage.js';
import { AdminDirectory, isObjectId } from './admins.js';
import { statusLine } from './present.js';
import { applyEvent, type Survey, type SurveyEvent } from './survey.js';

/**
 * The surveys as their journal records them, read without taking its lock (a reader never waits for
 * the bot): whole events only; damaged ones are reported through the storage's log.
 */
export async function readSurveys(storage: Storage): Promise<Survey[]> {
  const surveys = new Map<string, Survey>();
  for (const event of await storage.journal<SurveyEvent>('surveys').readNew()) applyEvent(surveys, event);
  return [...surveys.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** One line per survey: system, state, who asked, the latest answer. */
export function surveysAsText(surveys: Survey[], lang: Lang): string {
  const m = surveyMessages(lang);
  if (surveys.length === 0) return m.openNone;
  return surveys
    .map((survey) => {
      const state = survey.review
        ? `${{ approved: m.approvedState, rejected: m.rejectedState, closed: m.closedState }[survey.review.decision]} (${survey.review.by.name ?? survey.review.by.aadObjectId}, ${formatTimestampDay(survey.review.at, lang)})`
        : survey.answers.length === 0
          ? m.awaitingAnswer
          : m.awaitingReview;
      const latest = survey.answers.at(-1);
      const answer = latest ? ` — ${statusLine(survey.system, latest, lang)}` : '';
      return `${survey.id}  ${survey.system}: ${state}; ${survey.requesters.length} ${cliTexts(lang).asked}, ${survey.answers.length} ${cliTexts(lang).answers}${answer}`;
    })
    .join('\n');
}

const EXPORT_COLUMNS = [
  'surveyId', 'system', 'systemKnown', 'createdAt', 'requesters', 'answerId', 'submittedAt', 'submittedBy', 'channel', 'activityId',
  'status', 'ch2Date', 'sts2Date', 'vendor', 'contactName', 'contactEmail', 'comment', 'review', 'reviewedBy', 'reviewedAt', 'reviewReason',
] as const;

/** The full history: as JSON the surveys with every answer; as CSV one row per answer (or per unanswered survey). */
export function exportSurveys(surveys: Survey[], format: 'json' | 'csv'): string {
  if (format === 'json') return JSON.stringify({ surveys }, null, 2);
  const rows = surveys.flatMap((survey) => {
    const common = {
      surveyId: survey.id,
      system: survey.system,
      systemKnown: String(survey.systemKnown),
      createdAt: survey.createdAt,
      requesters: survey.requesters.map((r) => r.name ?? r.userId).join('|'),
    };
    const reviewOf = (answerId: string) =>
      survey.review?.answerId === answerId
        ? { review: survey.review.decision, reviewedBy: survey.review.by.name ?? survey.review.by.aadObjectId, reviewedAt: survey.review.at, reviewReason: survey.review.reason ?? '' }
        : {};
    const closed =
      survey.review?.decision === 'closed'
        ? { review: 'closed', reviewedBy: survey.review.by.name ?? survey.review.by.aadObjectId, reviewedAt: survey.review.at, reviewReason: survey.review.reason ?? '' }
        : {};
    if (survey.answers.length === 0) return [{ ...common, ...closed }];
    return survey.answers.map((answer) => ({
      ...common,
      answerId: answer.id,
      submittedAt: answer.submittedAt,
      submittedBy: answer.submittedBy.name ?? answer.submittedBy.userId ?? '',
      channel: answer.source.channel,
      activityId: answer.source.channel === 'teams' ? (answer.source.activityId ?? '') : '',
      status: answer.status,
      ch2Date: answer.ch2Date ?? '',
      sts2Date: answer.sts2Date ?? '',
      vendor: answer.vendor ?? '',
      contactName: answer.contactName ?? '',
      contactEmail: answer.contactEmail ?? '',
      comment: answer.comment ?? '',
      ...reviewOf(answer.id),
    }));
  });
  // Vendors typed these cells: none may reach KOMBIT's spreadsheet as a formula.
  const safeRows = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, neutraliseCsvCell(String(value))])));
  return stringify(safeRows, { header: true, columns: [...EXPORT_COLUMNS], delimiter: ';' }).replace(/\n$/, '');
}

export type AdminResult = { ok: true; text: string } | { ok: false; text: string };

/** `admins add|remove|list`. */
export async function adminsCommand(storage: Storage, fromEnvironment: string[], action: string | undefined, id: string | undefined, now: Date, lang: Lang): Promise<AdminResult> {
  const admins = new AdminDirectory(storage, fromEnvironment);
  const t = cliTexts(lang);
  if (action === 'list') {
    const list = await admins.list();
    if (list.length === 0) return { ok: true, text: t.noAdmins };
    return { ok: true, text: list.map((admin) => `${admin.aadObjectId}  (${admin.source === 'environment' ? 'ADMIN_AAD_OBJECT_IDS' : 'cli'})`).join('\n') };
  }
  if (!id || !isObjectId(id)) return { ok: false, text: t.notAnObjectId(id ?? '') };
  if (action === 'add') {
    const added = await admins.add(id, now);
    return { ok: true, text: added ? t.added(id) : t.alreadyAdmin(id) };
  }
  if (await admins.remove(id)) return { ok: true, text: t.removed(id) };
  const fromEnv = fromEnvironment.some((admin) => admin.toLowerCase() === id.toLowerCase());
  return { ok: false, text: fromEnv ? t.setInEnvironment(id) : t.notAdmin(id) };
}

/** `surveys close ID`: closes a survey without an answer, through the same service as the bot. */
export async function closeSurveyFromCli(
  surveyId: string,
  reason: string | null,
  lang: Lang,
  io: { storage: Storage; clock: Clock; adminIds: string[]; log: Log },
): Promise<AdminResult> {
  const m = surveyMessages(lang);
  const surveys = await SurveyService.load({
    journal: io.storage.journal<SurveyEvent>('surveys'),
    registry: RegistryService.of(io.storage, io.clock, io.log),
    admins: new AdminDirectory(io.storage, io.adminIds),
    clock: io.clock,
    log: io.log,
  });
  const outcome = await surveys.close(surveyId, 'cli', reason?.trim().slice(0, 500) || null);
  switch (outcome.kind) {
    case 'done':
      return { ok: true, text: m.closedByAdmin(outcome.survey.system, formatTimestampDay(outcome.survey.review?.at ?? '', lang)) };
    case 'already-reviewed':
      return { ok: false, text: m.alreadyReviewed(outcome.survey.system) };
    case 'not-found':
    case 'not-admin':
      return { ok: false, text: m.unknownId(surveyId) };
  }
}

const LANG = '[--lang da|en]';

/** `surveys list|export|close` and `admins add|remove|list`: the surveys feature's part of `npm run cli`. */
export const surveyCommands: CliCommand[] = [
  {
    name: 'surveys list',
    args: LANG,
    summary: 'Every survey: its state, who asked, the latest answer.',
    async run({ lang }, io) {
      io.out(surveysAsText(await readSurveys(io.storage), lang ?? 'da'));
      return EXIT.ok;
    },
  },
  {
    name: 'surveys export',
    args: '[--format json|csv]',
    summary: 'The full history of surveys and answers (CSV: one row per answer).',
    options: { format: { type: 'string' } },
    async run({ values }, io) {
      const format = values.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new CliUsageError(`--format must be json or csv, not "${String(format)}"`);
      io.out(exportSurveys(await readSurveys(io.storage), format));
      return EXIT.ok;
    },
  },
  {
    name: 'surveys close',
    args: `SURVEY_ID [--reason TEXT] ${LANG}`,
    summary: 'Closes a survey without an answer.',
    options: { reason: { type: 'string' } },
    async run({ positionals, values, lang }, io) {
      const [surveyId] = positionals;
      if (!surveyId || positionals.length !== 1) throw new CliUsageError('surveys close takes exactly one SURVEY_ID');
      const reason = typeof values.reason === 'string' ? values.reason : null;
      return printed(await closeSurveyFromCli(surveyId, reason, lang ?? 'da', { ...io, log: logOf(io) }), io);
    },
  },
  ...(['add', 'remove'] as const).map((action): CliCommand => ({
    name: `admins ${action}`,
    args: 'AAD_OBJECT_ID',
    summary: action === 'add' ? 'Makes someone an administrator (their Entra ID object id).' : 'Removes an administrator added here.',
    run: async ({ positionals, lang }, io) => printed(await adminsCommand(io.storage, io.adminIds, action, positionals[0], io.clock.now(), lang ?? 'da'), io),
  })),
  {
    name: 'admins list',
    args: '',
    summary: 'The administrators, and where each is set.',
    run: async ({ lang }, io) => printed(await adminsCommand(io.storage, io.adminIds, 'list', undefined, io.clock.now(), lang ?? 'da'), io),
  },
];

function printed(result: AdminResult, io: CliIo): number {
  (result.ok ? io.out : io.err)(result.text);
  return result.ok ? EXIT.ok : EXIT.badInput;
}

function logOf(io: CliIo): Log {
  return io.log ?? createLog('warn', process.stderr);
}
