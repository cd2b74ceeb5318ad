import type { IsoDate } from '../time/calendarDate.js';

export const SWITCH_STATUSES = ['switched', 'planned', 'unknown', 'not-applicable'] as const;
export type SwitchStatus = (typeof SWITCH_STATUSES)[number];

/** A user-facing system and what is known about its move to Context Handler 2 and STS 2. */
export interface SystemRecord {
  name: string;
  fullName: string | null;
  aliases: string[];
  /** The organisation that owns the system: KOMBIT or another. */
  owner: string | null;
  vendor: string | null;
  ch2Date: IsoDate | null;
  sts2Date: IsoDate | null;
  /** Null when the data gave none: then it is derived from the dates. */
  status: SwitchStatus | null;
  source: string | null;
  note: string | null;
  /** When this record last changed in the registry (ISO timestamp). */
  updatedAt: string | null;
}

/** Which switch a question is about. */
export type SwitchTopic = 'ch2' | 'sts2' | 'both';

export function datesOf(system: SystemRecord, topic: SwitchTopic): IsoDate[] {
  const dates: (IsoDate | null)[] =
    topic === 'ch2' ? [system.ch2Date] : topic === 'sts2' ? [system.sts2Date] : [system.ch2Date, system.sts2Date];
  return dates.filter((date): date is IsoDate => date !== null);
}

/**
 * The status to show: the recorded one, or, when none was recorded, derived from the dates
 * (all known dates passed → switched, any still ahead → planned, none → unknown).
 */
export function effectiveStatus(system: SystemRecord, today: IsoDate): SwitchStatus {
  if (system.status !== null) return system.status;
  const dates = datesOf(system, 'both');
  if (dates.length === 0) return 'unknown';
  // ISO days compare as strings.
  return dates.every((date) => date <= today) ? 'switched' : 'planned';
}

/** Case-insensitive key under which a system's name is unique. */
export function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('da');
}
