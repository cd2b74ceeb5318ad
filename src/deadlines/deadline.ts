import type { IsoDate } from '../time/calendarDate.js';

export const DEADLINE_KINDS = ['klik', 'agreement', 'event'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** A KLIK task's status in KLIK: "Publiceret i KLIK" or "Ikke publiceret". */
export const KLIK_STATUSES = ['published', 'not-published'] as const;
export type KlikStatus = (typeof KLIK_STATUSES)[number];

/** A dated item for municipalities: a KLIK task, an agreement to sign, or an event. */
export interface Deadline {
  solution: string;
  /** KLIK task code, unique only within its solution ("K53", "MI 15", "KLIK 01"). */
  code: string | null;
  kind: DeadlineKind;
  title: string;
  /**
   * When it reached the municipalities: published in KLIK (a KLIK task), or sent by mail or in the room
   * (an agreement or a letter). Null when no source gives it: never guessed.
   */
  published: IsoDate | null;
  /**
   * The first day when the item is a period ("uge 6–13 2025"), else null. A period is shown as a
   * period, never as one of its days; `deadline` is then its last day.
   */
  from: IsoDate | null;
  /** The last day (KLIK's "Slutdato"), or the day of a meeting or go-live; Europe/Copenhagen. */
  deadline: IsoDate | null;
  url: string | null;
  source: string | null;
  /** KLIK tasks only: published in KLIK or not yet; null when unknown or not a KLIK task. */
  klikStatus: KlikStatus | null;
  /** The source's own sentence about the item, in its language (the deck's is Danish). */
  note: string | null;
}

/** Identity of a deadline: solution + code, or solution + title + deadline when it has no code. */
export function deadlineKey(item: Pick<Deadline, 'solution' | 'code' | 'title' | 'deadline'>): string {
  const solution = item.solution.trim().toLocaleLowerCase('da');
  if (item.code !== null) return `${solution}|code|${item.code.trim().toLocaleLowerCase('da')}`;
  return `${solution}|title|${item.title.trim().toLocaleLowerCase('da')}|${item.deadline ?? ''}`;
}
