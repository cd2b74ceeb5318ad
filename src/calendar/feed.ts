import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import { deadlineKey, type Deadline, type DeadlineKind } from '../deadlines/deadline.js';
import { categoryOf, isDue } from '../deadlines/category.js';
import { digestMessages } from '../deadlines/texts.js';
import { nameKey } from '../registry/system.js';
import { addDays, type IsoDate } from '../time/calendarDate.js';
import { plainLine, webAddress } from '../text/plainText.js';

/** Caps on what one event carries: a calendar shows a line, not a document. */
const MAX = { name: 60, title: 200, source: 200, note: 500 } as const;

export interface FeedFilter {
  /** Only this solution's items ("SAPA"), any case. */
  solution?: string | null;
  kind?: DeadlineKind | null;
}

/** A stable UID for an item: the same on every fetch, whatever else changes about it. */
function uidOf(deadline: Deadline): string {
  return `${createHash('sha256').update(deadlineKey(deadline)).digest('hex').slice(0, 32)}@fki-bot.kombit.dk`;
}

/** Noon UTC of a calendar day: the same day in every zone a calendar client may be in. */
function dayOf(date: IsoDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/**
 * The dated deadlines, agreements and meetings as an iCalendar feed (RFC 5545, built by ical-generator):
 * one all-day event per item on its day in Europe/Copenhagen, with a stable UID, the solution and code in
 * the summary, and the KLIK link and the source in the description. Items without a day are left out:
 * a calendar cannot hold "no date yet".
 */
export function deadlinesFeed(deadlines: readonly Deadline[], filter: FeedFilter, stamp: Date): string {
  const m = digestMessages('da');
  const solution = filter.solution ? nameKey(filter.solution) : null;
  // The calendar's name is the data's spelling of a known solution, never what the link said.
  const known = solution === null ? null : knownSolution(deadlines, filter.solution ?? '');
  const calendar = ical({
    name: known ? `FKI-frister: ${plainLine(known, MAX.name)}` : 'FKI-frister og møder',
    description: 'Frister, aftaler og møder for Fælleskommunal Infrastruktur, fra FKI Bot',
    timezone: 'Europe/Copenhagen',
    prodId: { company: 'KOMBIT', product: 'FKI Bot', language: 'DA' },
    ttl: 60 * 60 * 6,
  });
  const items = deadlines
    .filter((item) => item.deadline !== null)
    .filter((item) => solution === null || nameKey(item.solution) === solution)
    .filter((item) => !filter.kind || item.kind === filter.kind)
    .sort((a, b) => (a.deadline as string).localeCompare(b.deadline as string));
  for (const item of items) {
    // Every text is one plain line (no CR/LF can start a property of its own), every link a web
    // address taken from the data's url field.
    const name = plainLine(item.solution, MAX.name);
    const title = plainLine(item.title, MAX.title);
    const what = item.code ? `${name} ${plainLine(item.code, 20)}` : `${name} · ${m.category[categoryOf(item)]}`;
    const url = webAddress(item.url);
    const lines = [`${m.dayLabel(isDue(item))}: ${title}`];
    if (item.kind === 'klik' && item.klikStatus === 'not-published') lines.push(m.notPublished);
    if (url) lines.push(url);
    if (item.note) lines.push(plainLine(item.note, MAX.note));
    if (item.source) lines.push(`Kilde: ${plainLine(item.source, MAX.source)}`);
    calendar.createEvent({
      id: uidOf(item),
      // A period ("uge 6–13") spans its days; an all-day event's end is the day after its last.
      start: dayOf(item.from ?? (item.deadline as IsoDate)),
      ...(item.from !== null ? { end: dayOf(addDays(item.deadline as IsoDate, 1)) } : {}),
      allDay: true,
      stamp,
      summary: `${what}: ${title}`,
      description: lines.join('\n'),
      ...(url ? { url } : {}),
    });
  }
  return calendar.toString();
}

/** The data's own spelling of the solution a link asks for; null when no item has that solution. */
export function knownSolution(deadlines: readonly Deadline[], asked: string): string | null {
  const key = nameKey(asked);
  return deadlines.find((item) => nameKey(item.solution) === key)?.solution ?? null;
}
