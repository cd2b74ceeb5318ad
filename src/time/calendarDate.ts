import { DateTime } from 'luxon';

/** A calendar day, "YYYY-MM-DD". Dates in this bot are days in Europe/Copenhagen, never instants. */
export type IsoDate = string;

export const DANISH_ZONE = 'Europe/Copenhagen';

// The orders people in Denmark write days in; luxon rejects impossible days such as 31.02.2025.
const INPUT_FORMATS = ['yyyy-MM-dd', 'd-M-yyyy', 'd.M.yyyy', 'd/M/yyyy'];

/** Reads "2025-01-21", "21-01-2025", "21.01.2025" or "21/01/2025"; null when it is no real day. */
export function parseCalendarDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  for (const format of INPUT_FORMATS) {
    const parsed = DateTime.fromFormat(trimmed, format, { zone: 'UTC' });
    if (parsed.isValid) return parsed.toISODate();
  }
  return null;
}

/** The calendar day it is at `now` in `zone`. */
export function calendarDayAt(now: Date, zone: string = DANISH_ZONE): IsoDate {
  const day = DateTime.fromJSDate(now, { zone }).toISODate();
  if (day === null) throw new Error(`Invalid time zone: ${zone}`);
  return day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(asDay(to).diff(asDay(from), 'days').days);
}

/** Luxon day at midnight UTC; only for calendar arithmetic, never shown. */
export function asDay(date: IsoDate): DateTime<true> {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  if (!day.isValid) throw new Error(`Not a calendar day: ${date}`);
  return day;
}

export function toIsoDate(day: DateTime): IsoDate {
  const iso = day.toISODate();
  if (iso === null) throw new Error('Invalid calendar day');
  return iso;
}
