import { formatDay } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import { asDay, type IsoDate } from '../time/calendarDate.js';
import type { Deadline } from './deadline.js';

const monthNames = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }),
};

/** Whether an item is a period ("uge 6–13 2025") rather than one day. */
export function isPeriod(item: Pick<Deadline, 'from' | 'deadline'>): item is { from: IsoDate; deadline: IsoDate } {
  return item.from !== null && item.deadline !== null && item.from !== item.deadline;
}

/**
 * A period as its source names it, so that no single day is made of it: whole ISO weeks as weeks
 * ("uge 6–13 2025"), whole months as months ("februar–november 2025"), anything else day to day.
 */
export function formatItemPeriod(from: IsoDate, to: IsoDate, lang: Lang): string {
  const start = asDay(from);
  const end = asDay(to);
  const week = lang === 'da' ? 'uge' : 'week';
  const weeks = lang === 'da' ? 'uge' : 'weeks';
  if (start.weekday === 1 && end.weekday === 7) {
    if (start.weekNumber === end.weekNumber && start.weekYear === end.weekYear) return `${week} ${start.weekNumber} ${start.weekYear}`;
    if (start.weekYear === end.weekYear) return `${weeks} ${start.weekNumber}–${end.weekNumber} ${end.weekYear}`;
    return `${week} ${start.weekNumber} ${start.weekYear} – ${week} ${end.weekNumber} ${end.weekYear}`;
  }
  if (start.day === 1 && end.plus({ days: 1 }).day === 1) {
    const name = (day: typeof start) => monthNames[lang].format(day.toJSDate());
    if (start.year === end.year) {
      return start.month === end.month ? `${name(start)} ${start.year}` : `${name(start)}–${name(end)} ${end.year}`;
    }
    return `${name(start)} ${start.year} – ${name(end)} ${end.year}`;
  }
  if (start.year === end.year && start.month === end.month) {
    // "6.–9. januar 2025", "6–9 January 2025": the month and year once.
    return lang === 'da' ? `${start.day}.–${formatDay(to, lang)}` : `${start.day}–${formatDay(to, lang)}`;
  }
  return `${formatDay(from, lang)} – ${formatDay(to, lang)}`;
}

/** Whether an item (a day or a period) touches the days from `from` to `to`, both included. */
export function itemWithin(item: Pick<Deadline, 'from' | 'deadline'>, from: IsoDate, to: IsoDate): boolean {
  if (item.deadline === null) return false;
  return (item.from ?? item.deadline) <= to && item.deadline >= from;
}
