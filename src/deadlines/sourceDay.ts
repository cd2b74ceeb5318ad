import type { Deadline } from './deadline.js';
import type { IsoDate } from '../time/calendarDate.js';

const MONTHS: Record<string, number> = {
  januar: 1, january: 1, februar: 2, february: 2, marts: 3, march: 3, april: 4, maj: 5, may: 5, juni: 6, june: 6,
  juli: 7, july: 7, august: 8, september: 9, oktober: 10, october: 10, november: 11, december: 12,
};

/**
 * The last day a source can speak of as done: its named month's last day ("KOMBIT programledermøde
 * januar 2025" → 31 January 2025), or null when the source names no month. What it dates later is a plan.
 */
export function sourceWrittenBy(source: string | null): IsoDate | null {
  const found = /\b([a-zæøå]+)\s+(\d{4})\b/iu.exec(source ?? '');
  const month = found ? MONTHS[(found[1] as string).toLowerCase()] : undefined;
  if (!found || month === undefined) return null;
  const year = Number(found[2]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * An event (a go-live, a meeting, a release) whose day has passed but came after its source was
 * written: the source planned it and nothing confirms it happened, as with a switch's passed date.
 * What is due (a KLIK task, an agreement) just passed its deadline; no confirmation applies.
 */
export function isPassedUnconfirmed(deadline: Deadline, today: IsoDate): boolean {
  if (deadline.kind !== 'event' || deadline.deadline === null || deadline.deadline >= today) return false;
  const written = sourceWrittenBy(deadline.source);
  return written !== null && deadline.deadline > written;
}
