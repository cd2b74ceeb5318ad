import type { SystemRecord } from '../registry/system.js';
import { addDays, asDay, daysBetween, type IsoDate } from '../time/calendarDate.js';
import { isDue } from './category.js';
import type { Deadline } from './deadline.js';

/** The windows of a digest for day D, in days. */
export const DIGEST_WINDOWS = { dueAhead: 14, lookBack: 7, switchingAhead: 30, surveyOpenFor: 7 } as const;

export interface DatedItem {
  deadline: Deadline;
  day: IsoDate;
  /** Days from D: 1 is tomorrow, -2 the day before yesterday. */
  days: number;
}

export interface IsoWeek {
  year: number;
  week: number;
}

export interface SurveySummary {
  system: string;
  createdAt: string;
  requesters: number;
  answers: number;
}

export interface Digest {
  asOf: IsoDate;
  week: IsoWeek;
  /** KLIK tasks and agreements due from D to D+13, by ISO week, earliest first. */
  dueSoon: { week: IsoWeek; items: DatedItem[] }[];
  /** Meetings, go-lives and other events from D to D+13, by ISO week: they happen, they are not due. */
  happeningSoon: { week: IsoWeek; items: DatedItem[] }[];
  /** KLIK tasks published in KLIK in the 7 days before D (only those whose publication day is known). */
  published: DatedItem[];
  /** Agreements, letters and invitations sent (not published in KLIK) in the 7 days before D. */
  sent: DatedItem[];
  /** Deadlines, meetings and other dates that passed in the 7 days before D. */
  passed: DatedItem[];
  /** Systems with a CH2 or STS2 date from D to D+29. */
  switching: { system: SystemRecord; ch2: IsoDate | null; sts2: IsoDate | null; first: IsoDate }[];
  /** Surveys still open after more than 7 days. */
  staleSurveys: SurveySummary[];
}

function byWeek(items: DatedItem[]): { week: IsoWeek; items: DatedItem[] }[] {
  const groups: { week: IsoWeek; items: DatedItem[] }[] = [];
  for (const item of items) {
    const week = isoWeekOf(item.day);
    const group = groups.find((g) => g.week.year === week.year && g.week.week === week.week);
    if (group) group.items.push(item);
    else groups.push({ week, items: [item] });
  }
  return groups;
}

export function isoWeekOf(day: IsoDate): IsoWeek {
  const date = asDay(day);
  return { year: date.weekYear, week: date.weekNumber };
}

/** "2025-W08": the key of a week in the outbox. */
export function weekKey(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

/** True when the digest has nothing to say. */
export function isEmptyDigest(digest: Digest): boolean {
  return [digest.dueSoon, digest.happeningSoon, digest.published, digest.sent, digest.passed, digest.switching, digest.staleSurveys].every(
    (list) => list.length === 0,
  );
}

/** What the weekly digest for day D holds. Pure: the same data and day give the same digest. */
export function buildDigest(input: { deadlines: readonly Deadline[]; systems: readonly SystemRecord[]; surveys: readonly SurveySummary[]; asOf: IsoDate }): Digest {
  const { asOf } = input;
  const between = (day: IsoDate | null, from: IsoDate, to: IsoDate) => day !== null && day >= from && day <= to;
  const dated = (deadline: Deadline, day: IsoDate): DatedItem => ({ deadline, day, days: daysBetween(asOf, day) });
  const byDay = (a: DatedItem, b: DatedItem) => a.day.localeCompare(b.day) || a.deadline.solution.localeCompare(b.deadline.solution, 'da');

  const dueEnd = addDays(asOf, DIGEST_WINDOWS.dueAhead - 1);
  const backStart = addDays(asOf, -DIGEST_WINDOWS.lookBack);
  const yesterday = addDays(asOf, -1);
  const ahead = input.deadlines.filter((d) => between(d.deadline, asOf, dueEnd)).map((d) => dated(d, d.deadline!)).sort(byDay);
  const publishedLately = input.deadlines.filter((d) => between(d.published, backStart, yesterday)).map((d) => dated(d, d.published!)).sort(byDay);
  const switchEnd = addDays(asOf, DIGEST_WINDOWS.switchingAhead - 1);
  const switching = input.systems
    .map((system) => {
      const ch2 = between(system.ch2Date, asOf, switchEnd) ? system.ch2Date : null;
      const sts2 = between(system.sts2Date, asOf, switchEnd) ? system.sts2Date : null;
      return { system, ch2, sts2, first: [ch2, sts2].filter((d): d is IsoDate => d !== null).sort()[0] ?? '' };
    })
    .filter((entry) => entry.first !== '')
    .sort((a, b) => a.first.localeCompare(b.first) || a.system.name.localeCompare(b.system.name, 'da'));
  const openSince = addDays(asOf, -DIGEST_WINDOWS.surveyOpenFor);
  return {
    asOf,
    week: isoWeekOf(asOf),
    dueSoon: byWeek(ahead.filter((item) => isDue(item.deadline))),
    happeningSoon: byWeek(ahead.filter((item) => !isDue(item.deadline))),
    published: publishedLately.filter((item) => item.deadline.kind === 'klik'),
    sent: publishedLately.filter((item) => item.deadline.kind !== 'klik'),
    passed: input.deadlines.filter((d) => between(d.deadline, backStart, yesterday)).map((d) => dated(d, d.deadline!)).sort(byDay),
    switching,
    staleSurveys: input.surveys.filter((s) => s.createdAt.slice(0, 10) < openSince).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}
