import { DateTime } from 'luxon';

/**
 * Every date the January 2025 deck writes, in every form it uses: days (29/11 2024, 13/1-2025,
 * 7/02 2025, 18. december 2024, 3. sep 2024, 16.12.2024, 19-04-2023, 21-08-24, 1/9 '25, 16/1,
 * "6. , 11. og 13. marts"), weeks (Uge 45, uge 6-13, uge 10 & 11), months (januar 2025, the DBA
 * table's Februar … November, the timeline's AUG SEP …), quarters (Q1) and years (i 2023, 2025-26).
 * Each is resolved to the days it spans, so the test can look for an item with those days.
 */
export interface DeckDate {
  /** As the deck writes it. */
  written: string;
  unit: 'day' | 'week' | 'weeks' | 'month' | 'quarter' | 'year' | 'years';
  /** The first and last day it names; null when the deck gives no year to place it (a quarter). */
  from: string | null;
  to: string | null;
  /** Where in the text it stands. */
  at: number;
}

const MONTHS: Record<string, number> = {
  januar: 1, februar: 2, marts: 3, april: 4, maj: 5, juni: 6, juli: 7, august: 8, september: 9, oktober: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, okt: 10, nov: 11, dec: 12,
};
const FULL = 'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december';
const ANY_MONTH = `${FULL}|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec`;

/** The deck is of January 2025: a date it writes without a year is in 2025. */
const DECK_YEAR = 2025;

const iso = (year: number, month: number, day: number): string => {
  const value = DateTime.utc(year, month, day);
  if (!value.isValid || value.day !== day) throw new Error(`The deck's date ${day}/${month} ${year} is not a day`);
  return value.toISODate() as string;
};
const fullYear = (text: string | undefined): number => (text === undefined ? DECK_YEAR : text.length === 2 ? 2000 + Number(text) : Number(text));
/** Weeks 45–52 stand only on the UDK timeline, which runs from uge 45 2024 to uge 10 2025. */
const weekYear = (week: number): number => (week >= 45 ? DECK_YEAR - 1 : DECK_YEAR);
const weekDays = (week: number): [string, string] => {
  const start = DateTime.fromObject({ weekYear: weekYear(week), weekNumber: week, weekday: 1 }, { zone: 'UTC' });
  return [start.toISODate() as string, start.plus({ days: 6 }).toISODate() as string];
};
const monthDays = (year: number, month: number): [string, string] => {
  const start = DateTime.utc(year, month, 1);
  return [start.toISODate() as string, start.endOf('month').toISODate() as string];
};

type Reader = (match: RegExpExecArray) => Omit<DeckDate, 'at'>[];
const day = (written: string, year: number, month: number, date: number): Omit<DeckDate, 'at'> => {
  const value = iso(year, month, date);
  return { written, unit: 'day', from: value, to: value };
};
const monthOf = (name: string): number => {
  const month = MONTHS[name.toLowerCase()];
  if (month === undefined) throw new Error(`Not a month: ${name}`);
  return month;
};

/** The forms in the order they are tried: a longer form claims its text before a shorter one could. */
const FORMS: [RegExp, Reader][] = [
  [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, (m) => [day(m[0], Number(m[3]), Number(m[2]), Number(m[1]))]],
  [/\b(\d{2})-(\d{2})-(\d{4}|\d{2})\b/g, (m) => [day(m[0], fullYear(m[3]), Number(m[2]), Number(m[1]))]],
  [/\b(\d{1,2})\/(\d{1,2})-(\d{4}|\d{2})\b/g, (m) => [day(m[0], fullYear(m[3]), Number(m[2]), Number(m[1]))]],
  [/\b(\d{1,2})\/(\d{1,2}) (\d{4})\b/g, (m) => [day(m[0], Number(m[3]), Number(m[2]), Number(m[1]))]],
  [/\b(\d{1,2})\/(\d{1,2})\s*[‘’'](\d{2})\b/g, (m) => [day(m[0], fullYear(m[3]), Number(m[2]), Number(m[1]))]],
  [/\b(\d{1,2})\/(\d{1,2})\b/g, (m) => [day(m[0], DECK_YEAR, Number(m[2]), Number(m[1]))]],
  [
    new RegExp(`\\b(\\d{1,2})\\.\\s*,\\s*(\\d{1,2})\\.\\s+og\\s+(\\d{1,2})\\.\\s+(${FULL})\\b`, 'gi'),
    (m) => [m[1], m[2], m[3]].map((date) => day(m[0], DECK_YEAR, monthOf(m[4] as string), Number(date))),
  ],
  [
    new RegExp(`\\b(\\d{1,2})\\.\\s+(${ANY_MONTH})\\b(?:\\s+(\\d{4})\\b)?`, 'gi'),
    (m) => [day(m[0], fullYear(m[3]), monthOf(m[2] as string), Number(m[1]))],
  ],
  [
    new RegExp(`\\b(${FULL})\\s+(\\d{4})\\b`, 'gi'),
    (m) => {
      const [from, to] = monthDays(Number(m[2]), monthOf(m[1] as string));
      return [{ written: m[0], unit: 'month', from, to }];
    },
  ],
  [
    /\b[Uu]ge\s+(\d{1,2})\s*[-–]\s*(\d{1,2})\b/g,
    (m) => [{ written: m[0], unit: 'weeks', from: weekDays(Number(m[1]))[0], to: weekDays(Number(m[2]))[1] }],
  ],
  [
    /\b[Uu]ge\s+(\d{1,2})\s*&\s*(\d{1,2})\b/g,
    (m) => [m[1], m[2]].map((week) => ({ written: m[0], unit: 'week' as const, from: weekDays(Number(week))[0], to: weekDays(Number(week))[1] })),
  ],
  [/\b[Uu]ge\s+(\d{1,2})\b/g, (m) => [{ written: m[0], unit: 'week', from: weekDays(Number(m[1]))[0], to: weekDays(Number(m[1]))[1] }]],
  [/\bQ([1-4])\b/g, (m) => [{ written: m[0], unit: 'quarter', from: null, to: null }]],
  [
    /(?<![\d/.-])(20\d{2})-(20\d{2}|\d{2})(?!\d)/g,
    (m) => [{ written: m[0], unit: 'years', from: `${m[1]}-01-01`, to: `${fullYear(m[2])}-12-31` }],
  ],
  [/(?:\b(?:[Ii]|[Hh]enover|løbet af)\s+|\()(20\d{2})\b/g, (m) => [{ written: m[0], unit: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31` }]],
  [
    new RegExp(`\\b(${FULL})\\b`, 'gi'),
    (m) => {
      const [from, to] = monthDays(DECK_YEAR, monthOf(m[1] as string));
      return [{ written: m[0], unit: 'month', from, to }];
    },
  ],
  // The SKAT timeline's axis writes months in capitals: AUG SEP OKT …
  [/\b(JAN|FEB|MAR|APR|MAJ|JUN|JUL|AUG|SEP|OKT|NOV|DEC)\b/g, (m) => [{ written: m[0], unit: 'month', from: null, to: null }]],
];

/** Links are read as text: the overview of purposes names its day in its file name (%2030.%20oktober%202024). */
function decodeLinks(text: string): string {
  return text.replace(/https?:\/\/\S+/g, (link) => {
    try {
      return decodeURIComponent(link);
    } catch {
      return link;
    }
  });
}

/** Every date in the deck's text, in the order the forms find them. */
export function deckDates(deck: string): { text: string; dates: DeckDate[] } {
  const text = decodeLinks(deck);
  const taken = new Array<boolean>(text.length).fill(false);
  const dates: DeckDate[] = [];
  for (const [pattern, read] of FORMS) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index;
      const end = at + match[0].length;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let index = at; index < end; index += 1) taken[index] = true;
      for (const found of read(match as RegExpExecArray)) dates.push({ ...found, at });
    }
  }
  return { text, dates: dates.sort((a, b) => a.at - b.at) };
}
