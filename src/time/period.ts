import { DateTime } from 'luxon';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases, type Word } from '../text/words.js';
import { addDays, asDay, toIsoDate, type IsoDate } from './calendarDate.js';

/** A stretch of calendar days a question asks about, both ends included. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
  label: PeriodLabel;
}

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

export type PeriodLabel =
  | { unit: 'day'; date: IsoDate }
  | { unit: 'days'; from: IsoDate; to: IsoDate }
  | { unit: 'month'; year: number; month: number }
  | { unit: 'quarter'; year: number; quarter: number }
  | { unit: 'season'; year: number; season: Season }
  | { unit: 'year'; year: number }
  /** One week, or weeks `week` to `toWeek` of one week-year ("uge 6–13"). */
  | { unit: 'week'; year: number; week: number; toWeek?: number };

const wordTable = <T>(rows: [string, T][]): Map<string, T> => {
  const table = new Map<string, T>();
  for (const [names, value] of rows) for (const name of phrases(names)[0] ?? []) table.set(name, value);
  return table;
};

const MONTHS = wordTable<number>([
  ['januar january jan', 1],
  ['februar february feb', 2],
  ['marts march mar', 3],
  ['april apr', 4],
  ['maj may', 5],
  ['juni june jun', 6],
  ['juli july jul', 7],
  ['august aug', 8],
  ['september sep sept', 9],
  ['oktober october okt oct', 10],
  ['november nov', 11],
  ['december dec', 12],
]);

/** Luxon's weekday numbers: Monday 1 … Sunday 7. */
const WEEKDAYS = wordTable<number>([
  ['mandag monday', 1],
  ['tirsdag tuesday', 2],
  ['onsdag wednesday', 3],
  ['torsdag thursday', 4],
  ['fredag friday', 5],
  ['lørdag saturday', 6],
  ['søndag sunday', 7],
]);

/** First month of each season, as Danish municipalities speak of them. */
const SEASONS = wordTable<{ season: Season; month: number }>([
  ['forår foråret spring', { season: 'spring', month: 3 }],
  ['sommer sommeren summer', { season: 'summer', month: 6 }],
  ['efterår efteråret autumn fall', { season: 'autumn', month: 9 }],
  ['vinter vinteren winter', { season: 'winter', month: 12 }],
]);

type Relative = { unit: 'day' | 'month' | 'quarter' | 'year' | 'week'; offset: number };
const RELATIVE: [string[], Relative][] = [
  [['i dag', 'today'], { unit: 'day', offset: 0 }],
  [['i morgen', 'tomorrow', 'imorgen'], { unit: 'day', offset: 1 }],
  [['i overmorgen', 'overmorgen', 'day after tomorrow'], { unit: 'day', offset: 2 }],
  [['i går', 'igår', 'yesterday'], { unit: 'day', offset: -1 }],
  [['denne måned', 'this month', 'i måneden'], { unit: 'month', offset: 0 }],
  [['næste måned', 'next month', 'kommende måned'], { unit: 'month', offset: 1 }],
  [['sidste måned', 'forrige måned', 'last month', 'previous month'], { unit: 'month', offset: -1 }],
  [['dette kvartal', 'this quarter'], { unit: 'quarter', offset: 0 }],
  [['næste kvartal', 'next quarter'], { unit: 'quarter', offset: 1 }],
  [['sidste kvartal', 'forrige kvartal', 'last quarter', 'previous quarter'], { unit: 'quarter', offset: -1 }],
  [['i år', 'dette år', 'this year'], { unit: 'year', offset: 0 }],
  [['næste år', 'next year'], { unit: 'year', offset: 1 }],
  [['sidste år', 'i fjor', 'forrige år', 'last year'], { unit: 'year', offset: -1 }],
  [['denne uge', 'this week', 'i denne uge', 'ugen'], { unit: 'week', offset: 0 }],
  [['næste uge', 'next week', 'kommende uge', 'coming week'], { unit: 'week', offset: 1 }],
  [['sidste uge', 'forrige uge', 'last week', 'previous week'], { unit: 'week', offset: -1 }],
];
const RELATIVE_PHRASES = new PhraseIndex(RELATIVE.flatMap(([written, relative]) => phrases(...written).map((phrase) => [phrase, relative] as [string[], Relative])));

const AHEAD = new Set(phrases('næste kommende next coming')[0]);
const BEHIND = new Set(phrases('seneste sidste forrige past last previous')[0]);
const SPAN_UNITS = wordTable<number>([['dag dage days day', 1], ['uge uger weeks week', 7]]);
const WEEK_WORDS = new Set(phrases('uge uger ugerne week weeks')[0]);
/** Between the two ends of a range of weeks ("uge 6-13" is split into "6" "13"; "uge 6 til 13", "weeks 6 to 13"). */
const WEEK_RANGE_JOINERS = new Set(phrases('til to og and')[0]);
/** "uge 10 og 11" is both weeks; "og" between weeks further apart names two weeks, not those between. */
const WEEK_LIST_JOINERS = new Set(phrases('og and')[0]);
const QUARTER_WORDS = new Set(phrases('kvartal quarter')[0]);
/** Words before a day written with dots ("den 28.2."), which alone could be a version ("v. 3.5"). */
const DAY_CUES = /(?:^|\s)(?:den|d\.|the|on|per|pr\.|til|fra|from|by|inden|før|efter|until)\s*$/iu;

export interface PeriodMatch {
  period: Period;
  /** Indexes of the words that said the period, so they are not taken for a system's name. */
  words: number[];
}

/**
 * Finds the period a question asks about, against `today` (Europe/Copenhagen): a day ("i morgen",
 * "den 28/2", "21 February", "fredag"), a span ("de næste 14 dage"), a week ("næste uge", "uge 9"),
 * a month, a quarter, a season ("efteråret") or a year. Without a year, a day, week, month or season
 * is the next such one (today's included), or the last one when the question is in the past tense.
 * `text` is the question as typed, for days written with digits ("28/2"), whose separators words lose.
 */
export function findPeriod(words: readonly Word[], today: IsoDate, pastTense: boolean, text = ''): PeriodMatch | null {
  // Several features read the same turn's words: its period is found once.
  const known = foundPeriods.get(words);
  if (known && known.today === today && known.pastTense === pastTense && known.text === text) return known.found;
  const found = readPeriod(words, today, pastTense, text);
  foundPeriods.set(words, { today, pastTense, text, found });
  return found;
}

const foundPeriods = new WeakMap<readonly Word[], { today: IsoDate; pastTense: boolean; text: string; found: PeriodMatch | null }>();

function readPeriod(words: readonly Word[], today: IsoDate, pastTense: boolean, text: string): PeriodMatch | null {
  // Built only when a period is found: most questions name none, and luxon is the costly part here.
  let day: DateTime | null = null;
  const now = () => (day ??= asDay(today));
  const relative = RELATIVE_PHRASES.find(words);
  if (relative) return { period: relativePeriod(now(), relative.value), words: range(relative.start, relative.length) };
  const written = text === '' ? null : writtenDay(text, now, pastTense);
  if (written) return { period: dayPeriod(written), words: [] };
  return (
    spanAt(words, today) ??
    namedDay(words, now, pastTense) ??
    weekNumber(words, now, pastTense) ??
    monthOrQuarter(words, now, pastTense) ??
    season(words, now, pastTense) ??
    weekday(words, now, pastTense) ??
    year(words)
  );
}

/** "de næste 14 dage", "next 2 weeks", "de seneste 7 dage". */
function spanAt(words: readonly Word[], today: IsoDate): PeriodMatch | null {
  for (let index = 0; index + 2 < words.length; index += 1) {
    const direction = AHEAD.has((words[index] as Word).folded) ? 1 : BEHIND.has((words[index] as Word).folded) ? -1 : 0;
    const count = Number((words[index + 1] as Word).folded);
    const unit = SPAN_UNITS.get((words[index + 2] as Word).folded);
    if (direction === 0 || !Number.isInteger(count) || count < 1 || count > 366 || unit === undefined) continue;
    const length = count * unit;
    const [from, to] = direction > 0 ? [today, addDays(today, length - 1)] : [addDays(today, -length), addDays(today, -1)];
    return { period: { from, to, label: { unit: 'days', from, to } }, words: range(index, 3) };
  }
  return null;
}

/** "28. februar", "21 February", "February 21st", "28 feb 2025". */
function namedDay(words: readonly Word[], now: () => DateTime, pastTense: boolean): PeriodMatch | null {
  for (let index = 0; index < words.length; index += 1) {
    const month = MONTHS.get((words[index] as Word).folded);
    if (month === undefined) continue;
    for (const [at, dayIndex] of [[index - 1, index - 1], [index + 1, index + 1]] as const) {
      const dayOfMonth = ordinal(words[at]?.folded);
      if (dayOfMonth === null) continue;
      const yearIndex = at === index - 1 ? index + 1 : index + 2;
      const year = yearAt(words, yearIndex);
      const date = year === null ? nextOrLast(now(), month, dayOfMonth, pastTense) : DateTime.utc(year, month, dayOfMonth);
      if (!date.isValid) continue;
      const used = [Math.min(index, dayIndex), Math.max(index, dayIndex)];
      return { period: dayPeriod(date), words: range(used[0] as number, (used[1] as number) - (used[0] as number) + 1 + (year === null ? 0 : 1)) };
    }
  }
  return null;
}

/** "21", "21st", "1st", "3rd": a day of the month. */
function ordinal(word: string | undefined): number | null {
  const match = word === undefined ? null : /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  if (!match) return null;
  const value = Number(match[1]);
  return value >= 1 && value <= 31 ? value : null;
}

/** "28/2", "28/2-2025", "den 28.2.", "2025-02-28", "28-02-2025". */
function writtenDay(text: string, now: () => DateTime, pastTense: boolean): DateTime | null {
  // Most questions have no digits at all.
  if (!/\d/.test(text)) return null;
  const iso = /(?<![\p{L}\p{N}])(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/u.exec(text);
  if (iso) {
    const date = DateTime.utc(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date.isValid) return date;
  }
  const pattern = /(?<![\p{L}\p{N}.,])(\d{1,2})\s?([./-])\s?(\d{1,2})\.?(?:[./-](\d{4}|\d{2}))?(?![\p{N}])/gu;
  for (const match of text.matchAll(pattern)) {
    const [, dayText, separator, monthText, yearText] = match;
    // "28.2" could be a version number and "8-9" a range: they count as days only after "den", "on" …
    const cued = DAY_CUES.test(text.slice(0, match.index));
    if (separator !== '/' && !cued && !(separator === '-' && yearText !== undefined)) continue;
    const month = Number(monthText);
    const dayOfMonth = Number(dayText);
    let year = yearText === undefined ? null : Number(yearText);
    if (year !== null && year < 100) year += 2000;
    const date = year === null ? nextOrLast(now(), month, dayOfMonth, pastTense) : DateTime.utc(year, month, dayOfMonth);
    if (date.isValid) return date;
  }
  return null;
}

/** "uge 9", "week 9", "uge 9 2025", "week 9 of 2025". */
function weekNumber(words: readonly Word[], now: () => DateTime, pastTense: boolean): PeriodMatch | null {
  for (let index = 0; index + 1 < words.length; index += 1) {
    if (!WEEK_WORDS.has((words[index] as Word).folded)) continue;
    const week = Number((words[index + 1] as Word).folded);
    if (!/^\d{1,2}$/.test((words[index + 1] as Word).folded) || week < 1 || week > 53) continue;
    const ofWord = words[index + 2]?.folded === 'of' ? 1 : 0;
    const year = yearAt(words, index + 2 + ofWord);
    let weekYear = year ?? now().weekYear;
    if (year === null) {
      const thisWeek = now().weekNumber;
      if (!pastTense && week < thisWeek) weekYear += 1;
      if (pastTense && week > thisWeek) weekYear -= 1;
    }
    const start = DateTime.fromObject({ weekYear, weekNumber: week, weekday: 1 }, { zone: 'UTC' });
    if (!start.isValid || start.weekNumber !== week) continue;
    // "uge 6-13", "uge 6 til 13", "weeks 6 to 13": the weeks from the first to the last, as one period.
    const last = year === null ? weekRangeEnd(words, index + 2, week) : null;
    if (last !== null) {
      const lastYear = yearAt(words, index + 2 + last.length);
      const endYear = lastYear ?? weekYear;
      const end = DateTime.fromObject({ weekYear: endYear, weekNumber: last.week, weekday: 1 }, { zone: 'UTC' });
      if (end.isValid && end.weekNumber === last.week && lastYear === null) {
        return {
          period: span(start, end.endOf('week'), { unit: 'week', year: weekYear, week, toWeek: last.week }),
          words: range(index, 2 + last.length),
        };
      }
    }
    return {
      period: span(start, start.endOf('week'), { unit: 'week', year: weekYear, week }),
      words: range(index, 2 + (year === null ? 0 : 1 + ofWord)),
    };
  }
  return null;
}

/** The last week of a range that starts at `at` ("13" of "uge 6 13", "til 13" of "uge 6 til 13"), later than `first`. */
function weekRangeEnd(words: readonly Word[], at: number, first: number): { week: number; length: number } | null {
  const joined = WEEK_RANGE_JOINERS.has(words[at]?.folded ?? '') ? 1 : 0;
  const written = words[at + joined]?.folded ?? '';
  if (!/^\d{1,2}$/.test(written)) return null;
  const week = Number(written);
  if (joined === 1 && WEEK_LIST_JOINERS.has(words[at]?.folded ?? '') && week !== first + 1) return null;
  return week > first && week <= 53 ? { week, length: joined + 1 } : null;
}

function monthOrQuarter(words: readonly Word[], now: () => DateTime, pastTense: boolean): PeriodMatch | null {
  for (let index = 0; index < words.length; index += 1) {
    const word = (words[index] as Word).folded;
    const month = MONTHS.get(word);
    const year = yearAt(words, index + 1);
    if (month !== undefined && (word !== 'may' || year !== null || words[index - 1]?.folded === 'in')) {
      const resolvedYear = year ?? yearOfBareMonth(now(), month, pastTense);
      const start = DateTime.utc(resolvedYear, month, 1);
      return {
        period: span(start, start.endOf('month'), { unit: 'month', year: resolvedYear, month }),
        words: range(index, year === null ? 1 : 2),
      };
    }
    const quarter = quarterAt(words, index);
    if (quarter !== null) {
      const quarterYear = yearAt(words, index + quarter.length) ?? now().year;
      const start = DateTime.utc(quarterYear, (quarter.quarter - 1) * 3 + 1, 1);
      return {
        period: span(start, start.endOf('quarter'), { unit: 'quarter', year: quarterYear, quarter: quarter.quarter }),
        words: range(index, quarter.length + (yearAt(words, index + quarter.length) === null ? 0 : 1)),
      };
    }
  }
  return null;
}

/** "efteråret", "i foråret 2026": three months; winter runs from December into the next year. */
function season(words: readonly Word[], now: () => DateTime, pastTense: boolean): PeriodMatch | null {
  for (let index = 0; index < words.length; index += 1) {
    const found = SEASONS.get((words[index] as Word).folded);
    if (found === undefined) continue;
    const year = yearAt(words, index + 1);
    let startYear = year ?? now().year;
    if (year === null) {
      const start = DateTime.utc(startYear, found.month, 1);
      const end = start.plus({ months: 3 }).minus({ days: 1 });
      if (!pastTense && end < now()) startYear += 1;
      if (pastTense && start > now()) startYear -= 1;
      // January and February belong to the winter that began the December before.
      if (found.season === 'winter' && now().month <= 2 && !pastTense) startYear = now().year - 1;
    }
    const start = DateTime.utc(startYear, found.month, 1);
    return {
      period: span(start, start.plus({ months: 3 }).minus({ days: 1 }), { unit: 'season', year: startYear, season: found.season }),
      words: range(index, year === null ? 1 : 2),
    };
  }
  return null;
}

/** "fredag", "on Friday": the next such day, today included (the last one in the past tense). */
function weekday(words: readonly Word[], now: () => DateTime, pastTense: boolean): PeriodMatch | null {
  for (let index = 0; index < words.length; index += 1) {
    const target = WEEKDAYS.get((words[index] as Word).folded);
    if (target === undefined) continue;
    const shift = pastTense ? -((now().weekday - target + 7) % 7) : (target - now().weekday + 7) % 7;
    return { period: dayPeriod(now().plus({ days: shift })), words: [index] };
  }
  return null;
}

function year(words: readonly Word[]): PeriodMatch | null {
  for (let index = 0; index < words.length; index += 1) {
    const found = yearAt(words, index);
    if (found !== null) {
      const start = DateTime.utc(found, 1, 1);
      return { period: span(start, start.endOf('year'), { unit: 'year', year: found }), words: [index] };
    }
  }
  return null;
}

function relativePeriod(now: DateTime, { unit, offset }: Relative): Period {
  if (unit === 'day') return dayPeriod(now.plus({ days: offset }));
  const start = now.plus({ [`${unit}s`]: offset }).startOf(unit);
  const end = start.endOf(unit);
  const label: PeriodLabel =
    unit === 'month'
      ? { unit, year: start.year, month: start.month }
      : unit === 'quarter'
        ? { unit, year: start.year, quarter: start.quarter }
        : unit === 'year'
          ? { unit, year: start.year }
          : { unit, year: start.weekYear, week: start.weekNumber };
  return span(start, end, label);
}

function dayPeriod(day: DateTime): Period {
  const date = toIsoDate(day);
  return { from: date, to: date, label: { unit: 'day', date } };
}

/** The day `month`/`day` this year, or the year that makes it the next (or, past tense, the last) one. */
function nextOrLast(now: DateTime, month: number, day: number, pastTense: boolean): DateTime {
  const thisYear = DateTime.utc(now.year, month, day);
  if (!thisYear.isValid) return thisYear;
  if (!pastTense && thisYear < now.startOf('day')) return DateTime.utc(now.year + 1, month, day);
  if (pastTense && thisYear > now.startOf('day')) return DateTime.utc(now.year - 1, month, day);
  return thisYear;
}

function yearOfBareMonth(now: DateTime, month: number, pastTense: boolean): number {
  if (pastTense) return month <= now.month ? now.year : now.year - 1;
  return month >= now.month ? now.year : now.year + 1;
}

function yearAt(words: readonly Word[], index: number): number | null {
  const word = words[index]?.folded;
  if (word === undefined || !/^20\d\d$/.test(word)) return null;
  return Number(word);
}

/** "Q1", "1. kvartal", "1 quarter". */
function quarterAt(words: readonly Word[], index: number): { quarter: number; length: number } | null {
  const word = (words[index] as Word).folded;
  const short = /^q([1-4])$/.exec(word);
  if (short) return { quarter: Number(short[1]), length: 1 };
  if (/^[1-4]$/.test(word) && QUARTER_WORDS.has(words[index + 1]?.folded ?? '')) return { quarter: Number(word), length: 2 };
  return null;
}

function span(start: DateTime, end: DateTime, label: PeriodLabel): Period {
  return { from: toIsoDate(start), to: toIsoDate(end), label };
}

function range(start: number, length: number): number[] {
  return Array.from({ length }, (_, offset) => start + offset);
}

const PAST_TENSE = new Set(
  phrases('skiftede skiftet switched did was were moved flyttede flyttet blev skete happened passerede udløb udløbet expired var kom came modtog received sendte startede started began begyndte')[0],
);

/** True when the question speaks of the past ("hvad skete der i januar?"), which turns a bare month back. */
export function isPastTense(words: readonly Word[]): boolean {
  return words.some((word) => PAST_TENSE.has(word.folded));
}
