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
 * The status on a given day. A switch is switched only from its day: a record marked switched whose
 * date (for the switch asked about) is still ahead is planned until then. Without a recorded status a
 * date is a plan; once it has passed it stays planned, unconfirmed (see `isOverdue`), because only a
 * recorded "switched" confirms a switch.
 */
export function effectiveStatus(system: SystemRecord, today: IsoDate, topic: SwitchTopic = 'both'): SwitchStatus {
  const dates = datesOf(system, topic);
  // ISO days compare as strings.
  if (system.status === 'switched') return dates.some((date) => date > today) ? 'planned' : 'switched';
  if (system.status !== null) return system.status;
  return datesOf(system, 'both').length === 0 ? 'unknown' : 'planned';
}

/** Planned, but a date for the switch asked about has passed without the switch being confirmed. */
export function isOverdue(system: SystemRecord, today: IsoDate, topic: SwitchTopic = 'both'): boolean {
  return effectiveStatus(system, today, topic) === 'planned' && datesOf(system, topic).some((date) => date < today);
}

/**
 * The note as it may be shown on a day. A note on a record marked switched was written after the
 * switch ("Skiftet gik godt"): before the switch's day it is not shown.
 */
export function visibleNote(system: SystemRecord, today: IsoDate, topic: SwitchTopic = 'both'): string | null {
  if (system.status === 'switched' && effectiveStatus(system, today, topic) !== 'switched') return null;
  return system.note;
}

/** Case-insensitive key under which a system's name is unique. */
export function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('da');
}
