import type { PeriodLabel } from '../time/period.js';
import { dayAsUtcDate, type IsoDate } from '../time/calendarDate.js';
import type { Lang } from './language.js';
import { memoised } from '../memo.js';

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

const dayFormats = {
  da: new Intl.DateTimeFormat(LOCALE.da, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const monthFormats = {
  da: new Intl.DateTimeFormat(LOCALE.da, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const copenhagenDayFormats = {
  da: new Intl.DateTimeFormat(LOCALE.da, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }),
};
const relativeFormats = {
  da: new Intl.RelativeTimeFormat(LOCALE.da, { numeric: 'auto' }),
  en: new Intl.RelativeTimeFormat(LOCALE.en, { numeric: 'auto' }),
};

// The same few hundred days are formatted over and over, and Intl is among the costliest steps of a reply.
const dayTexts = {
  da: memoised((date: IsoDate) => dayFormats.da.format(dayAsUtcDate(date))),
  en: memoised((date: IsoDate) => dayFormats.en.format(dayAsUtcDate(date))),
};
const timestampDayTexts = {
  da: memoised((timestamp: string) => copenhagenDayFormats.da.format(new Date(timestamp))),
  en: memoised((timestamp: string) => copenhagenDayFormats.en.format(new Date(timestamp))),
};

/** "21. januar 2025" in Danish, "21 January 2025" in English. */
export function formatDay(date: IsoDate, lang: Lang): string {
  return dayTexts[lang](date);
}

/** "for 10 dage siden", "om 3 uger", "i morgen" — "10 days ago", "in 3 weeks", "tomorrow". */
export function formatRelative(days: number, lang: Lang): string {
  return relativeTexts[lang](days);
}

function relativeText(days: number, lang: Lang): string {
  const size = Math.abs(days);
  if (size < 14) return relativeFormats[lang].format(days, 'day');
  if (size < 60) return relativeFormats[lang].format(Math.round(days / 7), 'week');
  if (size < 730) return relativeFormats[lang].format(Math.round(days / 30.44), 'month');
  return relativeFormats[lang].format(Math.round(days / 365.25), 'year');
}

const relativeTexts = {
  da: memoised((days: number) => relativeText(days, 'da')),
  en: memoised((days: number) => relativeText(days, 'en')),
};

/** An ISO timestamp as the day it fell on in Copenhagen. */
export function formatTimestampDay(timestamp: string, lang: Lang): string {
  return timestampDayTexts[lang](timestamp);
}

const SEASON_NAMES = {
  da: { spring: 'foråret', summer: 'sommeren', autumn: 'efteråret', winter: 'vinteren' },
  en: { spring: 'spring', summer: 'summer', autumn: 'autumn', winter: 'winter' },
} as const;

/** "uge 8, 2025" — "week 8, 2025": how KOMBIT names a week. */
export function formatWeek(week: number, year: number, lang: Lang): string {
  return lang === 'da' ? `uge ${week}, ${year}` : `week ${week}, ${year}`;
}

/**
 * "marts 2027", "3. kvartal 2026", "uge 49, 2026", "den 28. februar 2025", "efteråret 2025" —
 * "March 2027", "Q3 2026", "week 49, 2026", "28 February 2025", "autumn 2025".
 */
export function formatPeriod(label: PeriodLabel, lang: Lang): string {
  switch (label.unit) {
    case 'day':
      return formatDay(label.date, lang);
    case 'days':
      return lang === 'da' ? `${formatDay(label.from, lang)} til ${formatDay(label.to, lang)}` : `${formatDay(label.from, lang)} to ${formatDay(label.to, lang)}`;
    case 'season':
      return `${SEASON_NAMES[lang][label.season]} ${label.year}`;
    case 'month':
      return monthFormats[lang].format(new Date(Date.UTC(label.year, label.month - 1, 1)));
    case 'quarter':
      return lang === 'da' ? `${label.quarter}. kvartal ${label.year}` : `Q${label.quarter} ${label.year}`;
    case 'year':
      return String(label.year);
    case 'week':
      if (label.toWeek !== undefined) return lang === 'da' ? `uge ${label.week}–${label.toWeek}, ${label.year}` : `weeks ${label.week}–${label.toWeek}, ${label.year}`;
      return formatWeek(label.week, label.year, lang);
  }
}

/** "A, B og C" / "A, B or C". */
export function joinWords(items: string[], lang: Lang, conjunction: 'and' | 'or' = 'and'): string {
  const word = { da: { and: 'og', or: 'eller' }, en: { and: 'and', or: 'or' } }[lang][conjunction];
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** The period with its preposition: "i marts 2025", "den 28. februar 2025", "fra … til …" — "in March 2025", "on …". */
export function formatInPeriod(label: PeriodLabel, lang: Lang): string {
  const period = formatPeriod(label, lang);
  if (label.unit === 'day') return lang === 'da' ? `den ${period}` : `on ${period}`;
  if (label.unit === 'days') return lang === 'da' ? `fra ${period}` : `from ${period}`;
  return lang === 'da' ? `i ${period}` : `in ${period}`;
}
