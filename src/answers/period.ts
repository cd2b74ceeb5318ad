import { DateTime } from 'luxon';
import { asDay, toIsoDate, type IsoDate } from '../time/calendarDate.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases, type Word } from '../text/words.js';

/** A stretch of calendar days a question asks about, both ends included. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
  label: PeriodLabel;
}

export type PeriodLabel =
  | { unit: 'month'; year: number; month: number }
  | { unit: 'quarter'; year: number; quarter: number }
  | { unit: 'year'; year: number }
  | { unit: 'week'; year: number; week: number };

const MONTHS: Record<string, number> = {};
[
  ['januar january jan'],
  ['februar february feb'],
  ['marts march mar'],
  ['april apr'],
  ['maj may'],
  ['juni june jun'],
  ['juli july jul'],
  ['august aug'],
  ['september sep sept'],
  ['oktober october okt oct'],
  ['november nov'],
  ['december dec'],
].forEach(([names = ''], index) => {
  for (const name of phrases(names)[0] ?? []) MONTHS[name] = index + 1;
});

type Relative = { unit: 'month' | 'quarter' | 'year' | 'week'; offset: number };
const RELATIVE: [string[], Relative][] = [
  [['denne måned', 'this month', 'i måneden'], { unit: 'month', offset: 0 }],
  [['næste måned', 'next month', 'kommende måned'], { unit: 'month', offset: 1 }],
  [['sidste måned', 'forrige måned', 'last month', 'previous month'], { unit: 'month', offset: -1 }],
  [['dette kvartal', 'this quarter'], { unit: 'quarter', offset: 0 }],
  [['næste kvartal', 'next quarter'], { unit: 'quarter', offset: 1 }],
  [['sidste kvartal', 'forrige kvartal', 'last quarter', 'previous quarter'], { unit: 'quarter', offset: -1 }],
  [['i år', 'dette år', 'this year'], { unit: 'year', offset: 0 }],
  [['næste år', 'next year'], { unit: 'year', offset: 1 }],
  [['sidste år', 'i fjor', 'forrige år', 'last year'], { unit: 'year', offset: -1 }],
  [['denne uge', 'this week'], { unit: 'week', offset: 0 }],
  [['næste uge', 'next week'], { unit: 'week', offset: 1 }],
  [['sidste uge', 'forrige uge', 'last week'], { unit: 'week', offset: -1 }],
];
const RELATIVE_PHRASES = new PhraseIndex(RELATIVE.flatMap(([written, relative]) => phrases(...written).map((phrase) => [phrase, relative] as [string[], Relative])));

const QUARTER_WORDS = new Set(phrases('kvartal quarter')[0]);

export interface PeriodMatch {
  period: Period;
  /** Indexes of the words that said the period, so they are not taken for a system's name. */
  words: number[];
}

/**
 * Finds the period a question asks about, against `today` (Europe/Copenhagen). A month without
 * a year is the next such month (this month included), or the last one when the question is in
 * the past tense ("hvilke systemer skiftede i marts?").
 */
export function findPeriod(words: readonly Word[], today: IsoDate, pastTense: boolean): PeriodMatch | null {
  // Built only when a period is found: most questions name none, and luxon is the costly part here.
  let day: DateTime | null = null;
  const now = () => (day ??= asDay(today));
  const relative = RELATIVE_PHRASES.find(words);
  if (relative) return { period: relativePeriod(now(), relative.value), words: range(relative.start, relative.length) };
  for (let index = 0; index < words.length; index += 1) {
    const word = (words[index] as Word).folded;
    const month = MONTHS[word];
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
  for (let index = 0; index < words.length; index += 1) {
    const year = yearAt(words, index);
    if (year !== null) {
      const start = DateTime.utc(year, 1, 1);
      return { period: span(start, start.endOf('year'), { unit: 'year', year }), words: [index] };
    }
  }
  return null;
}

function relativePeriod(now: DateTime, { unit, offset }: Relative): Period {
  const start = now.plus({ [`${unit}s`]: offset }).startOf(unit === 'week' ? 'week' : unit);
  const end = start.endOf(unit === 'week' ? 'week' : unit);
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
