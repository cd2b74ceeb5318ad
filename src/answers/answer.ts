import type { Registry } from '../registry/registry.js';
import { datesOf, effectiveStatus, nameKey, visibleNote, type SwitchStatus, type SwitchTopic, type SystemRecord } from '../registry/system.js';
import type { Lang } from '../i18n/language.js';
import type { Word } from '../text/words.js';
import { daysBetween, type IsoDate } from '../time/calendarDate.js';
import type { Period } from '../time/period.js';
import { readQuestion, type ListKind, type Question } from './question.js';

/** A date and how far it is from today (negative: in the past). */
export interface DayFact {
  date: IsoDate;
  days: number;
}

/** A vendor's answer that KOMBIT has not reviewed yet: shown, never as a confirmed date. */
export interface PendingReport {
  status: 'planned' | 'switched' | 'not-applicable' | 'undecided';
  ch2Date: IsoDate | null;
  sts2Date: IsoDate | null;
  submittedAt: string;
}

/** What the registry says about one system, as of today. */
export interface SystemFact {
  system: SystemRecord;
  status: SwitchStatus;
  ch2: DayFact | null;
  sts2: DayFact | null;
  /** Planned, but the date asked about has passed without the switch being confirmed. */
  overdue: boolean;
  /** The vendor's latest unreviewed answer about this system, if any. */
  reported: PendingReport | null;
  /** The record's note as it may be shown today (a remark written after the switch is not shown before it). */
  note: string | null;
}

export type Answer =
  | { kind: 'found'; topic: SwitchTopic; facts: SystemFact[] }
  | { kind: 'ambiguous'; topic: SwitchTopic; query: string; candidates: SystemRecord[] }
  | { kind: 'unknown'; topic: SwitchTopic; query: string; suggestions: SystemRecord[] }
  | { kind: 'list'; topic: SwitchTopic; list: ListKind | 'period'; period: Period | null; facts: SystemFact[] }
  | { kind: 'overview'; topic: SwitchTopic; counts: Record<SwitchStatus, number>; total: number }
  /** About the closing of Context Handler 1 / STS 1, whose date no source gives. */
  | { kind: 'retirement'; topic: SwitchTopic };

export interface Answered {
  lang: Lang;
  today: IsoDate;
  answer: Answer;
}

export interface AnswerContext {
  registry: Registry;
  today: IsoDate;
  locale?: string | null;
  /** Answer in this language whatever the question's words are (the CLI's --lang). */
  lang?: Lang;
  /** The question already split into words, when the caller has them. */
  words?: readonly Word[];
  /** Unreviewed vendor answers by system name key (see nameKey). */
  pending?: ReadonlyMap<string, PendingReport>;
}

/**
 * Answers a question about the switch to CH2/STS2, or returns null when the text is not such a
 * question. Every date in an answer comes from the registry: none is ever made up.
 */
export function answerQuestion(text: string, context: AnswerContext): Answered | null {
  const question = readQuestion(text, context.registry, context.today, context.locale, context.words);
  const answer = decide(question, context);
  return answer === null ? null : { lang: context.lang ?? question.lang, today: context.today, answer };
}

/** The answer about named systems, for a button that already knows which one was meant. */
export function answerAbout(
  systems: SystemRecord[],
  topic: SwitchTopic,
  today: IsoDate,
  pending?: ReadonlyMap<string, PendingReport>,
): Answer {
  return { kind: 'found', topic, facts: systems.map((system) => factOf(system, topic, today, pending)) };
}

function decide(question: Question, { registry, today, pending }: AnswerContext): Answer | null {
  const { topic, mentions } = question;
  const unique = mentions.filter((mention) => mention.systems.length === 1).map((mention) => mention.systems[0] as SystemRecord);
  if (unique.length > 0) return answerAbout(unique, topic, today, pending);
  const ambiguous = mentions.find((mention) => mention.systems.length > 1);
  if (ambiguous) return { kind: 'ambiguous', topic, query: ambiguous.text, candidates: ambiguous.systems };

  // Filter on the records first: a list question may run over thousands of systems.
  const listOf = (kind: ListKind | 'period', keep: (system: SystemRecord) => boolean) =>
    list(question, kind, registry.systems.filter(keep).map((system) => factOf(system, topic, today)), registry);
  if (question.list === 'missing') {
    return listOf('missing', (s) => datesOf(s, topic).length === 0 && effectiveStatus(s, today) !== 'not-applicable');
  }
  if (question.period !== null) {
    const { from, to } = question.period;
    return list(question, 'period', registry.datedBetween(topic, from, to).map((system) => factOf(system, topic, today)), registry);
  }
  if (question.list === 'switched') return listOf('switched', (s) => effectiveStatus(s, today, topic) === 'switched');
  if (question.list === 'planned') return listOf('planned', (s) => effectiveStatus(s, today, topic) === 'planned' && datesOf(s, topic).some((date) => date >= today));
  if (question.list === 'all') return listOf('all', () => true);
  if (question.aboutRetirement) return { kind: 'retirement', topic };
  const unknown = question.unknownName;
  if (unknown !== null && (question.namesSwitchStrongly || unknown.looksLikeName)) {
    return { kind: 'unknown', topic, query: unknown.text, suggestions: registry.matcher.closest(unknown.text) };
  }
  if (question.namesSwitch) return overview(topic, registry, today);
  return null;
}

function list(question: Question, kind: ListKind | 'period', facts: SystemFact[], registry: Registry): Answer {
  const firstDate = (fact: SystemFact) => relevantDays(fact, question.topic)[0]?.date ?? '9999';
  const sorted = facts
    .map((fact) => ({ fact, date: firstDate(fact) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : registry.compareNames(a.fact.system, b.fact.system)))
    .map(({ fact }) => fact);
  return { kind: 'list', topic: question.topic, list: kind, period: question.period, facts: sorted };
}

function overview(topic: SwitchTopic, registry: Registry, today: IsoDate): Answer {
  const counts: Record<SwitchStatus, number> = { switched: 0, planned: 0, unknown: 0, 'not-applicable': 0 };
  for (const system of registry.systems) counts[effectiveStatus(system, today, topic)] += 1;
  return { kind: 'overview', topic, counts, total: registry.systems.length };
}

export function factOf(system: SystemRecord, topic: SwitchTopic, today: IsoDate, pending?: ReadonlyMap<string, PendingReport>): SystemFact {
  const day = (date: IsoDate | null): DayFact | null => (date === null ? null : { date, days: daysBetween(today, date) });
  const status = effectiveStatus(system, today, topic);
  const reported = pending?.get(nameKey(system.name)) ?? null;
  const note = visibleNote(system, today, topic);
  const fact: SystemFact = { system, status, ch2: day(system.ch2Date), sts2: day(system.sts2Date), overdue: false, reported, note };
  fact.overdue = status === 'planned' && relevantDays(fact, topic).some((day) => day.days < 0);
  return fact;
}

/** The dates of a fact that matter for its topic, earliest first. */
export function relevantDays(fact: SystemFact, topic: SwitchTopic): DayFact[] {
  const { ch2, sts2 } = fact;
  if (topic === 'ch2') return ch2 ? [ch2] : [];
  if (topic === 'sts2') return sts2 ? [sts2] : [];
  if (ch2 && sts2) return ch2.date <= sts2.date ? [ch2, sts2] : [sts2, ch2];
  return ch2 ? [ch2] : sts2 ? [sts2] : [];
}
