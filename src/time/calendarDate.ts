import { DateTime } from 'luxon';
import { memoised } from '../memo.js';

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

const dayFormats = new Map<string, { format: Intl.DateTimeFormat; minute: number; day: IsoDate }>();

/** The calendar day it is at `now` in `zone`. */
export function calendarDayAt(now: Date, zone: string = DANISH_ZONE): IsoDate {
  let cached = dayFormats.get(zone);
  if (!cached) {
    // en-CA writes days as YYYY-MM-DD.
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    cached = { format, minute: NaN, day: '' };
    dayFormats.set(zone, cached);
  }
  // Days change on minute boundaries in every zone with whole-minute offsets, so the day of a minute is
  // computed once: this runs on every turn and Intl with a time zone is not cheap.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== cached.minute) {
    cached.minute = minute;
    cached.day = cached.format.format(now);
  }
  return cached.day;
}

/** The day `days` days after `date` (before, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(dayNumber(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The day as a Date at midnight UTC, for formatting with Intl in time zone UTC. */
export function dayAsUtcDate(date: IsoDate): Date {
  return new Date(dayNumber(date));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  // Plain arithmetic on UTC midnights: calendar days have no time zone, and this runs for every listed system.
  return (dayNumber(to) - dayNumber(from)) / 86_400_000;
}

/** A day as UTC milliseconds; a list of 5,000 systems asks for the same few hundred days again and again. */
const dayNumber = memoised(parseDay, 10_000);

function parseDay(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!Number.isInteger(year + month + day) || date.length !== 10) throw new Error(`Not a calendar day: ${date}`);
  return Date.UTC(year, month - 1, day);
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
