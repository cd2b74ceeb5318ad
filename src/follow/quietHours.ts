import { DateTime } from 'luxon';

/** Quiet hours as FOLLOW_QUIET_HOURS gives them: `18-07` (from 18:00 to 07:00, and all weekend); empty: none. */
export interface QuietHours {
  from: number;
  to: number;
}

export const QUIET_HOURS_PATTERN = /^\s*$|^\s*(\d{1,2})-(\d{1,2})\s*$/;

/** The setting read; null when there are none. */
export function parseQuietHours(setting: string): QuietHours | null {
  const match = QUIET_HOURS_PATTERN.exec(setting);
  if (!match || match[1] === undefined || match[2] === undefined) return null;
  return { from: Number(match[1]), to: Number(match[2]) };
}

export function validQuietHours(setting: string): boolean {
  const match = QUIET_HOURS_PATTERN.exec(setting);
  if (!match) return false;
  return match[1] === undefined || (Number(match[1]) <= 23 && Number(match[2]) <= 23);
}

/** Whether `now` falls in the quiet hours or on a Saturday or Sunday, in `zone`. */
export function isQuiet(quiet: QuietHours | null, now: Date, zone: string): boolean {
  if (quiet === null) return false;
  const local = DateTime.fromJSDate(now, { zone });
  if (local.weekday >= 6) return true;
  const { hour } = local;
  // "18-07" wraps past midnight; "12-13" does not.
  return quiet.from > quiet.to ? hour >= quiet.from || hour < quiet.to : hour >= quiet.from && hour < quiet.to;
}
