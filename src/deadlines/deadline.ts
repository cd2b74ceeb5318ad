import type { IsoDate } from '../time/calendarDate.js';

export const DEADLINE_KINDS = ['klik', 'agreement', 'event'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** A dated item for municipalities: a KLIK task, an agreement to sign, or an event. */
export interface Deadline {
  solution: string;
  /** KLIK task code, unique only within its solution ("K53", "MI 15", "KLIK 01"). */
  code: string | null;
  kind: DeadlineKind;
  title: string;
  published: IsoDate | null;
  /** The last day, Europe/Copenhagen. */
  deadline: IsoDate | null;
  url: string | null;
  source: string | null;
}

/** Identity of a deadline: solution + code, or solution + title + deadline when it has no code. */
export function deadlineKey(item: Pick<Deadline, 'solution' | 'code' | 'title' | 'deadline'>): string {
  const solution = item.solution.trim().toLocaleLowerCase('da');
  if (item.code !== null) return `${solution}|code|${item.code.trim().toLocaleLowerCase('da')}`;
  return `${solution}|title|${item.title.trim().toLocaleLowerCase('da')}|${item.deadline ?? ''}`;
}
