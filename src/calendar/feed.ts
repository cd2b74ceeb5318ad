import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import { deadlineKey, type Deadline, type DeadlineKind } from '../deadlines/deadline.js';
import { categoryOf, isDue } from '../deadlines/category.js';
import { digestMessages } from '../deadlines/texts.js';
import { answerTexts } from '../answers/texts.js';
import { effectiveStatus, nameKey, type SwitchTopic, type SystemRecord } from '../registry/system.js';
import { addDays, type IsoDate } from '../time/calendarDate.js';
import { plainLine, webAddress } from '../text/plainText.js';
import { DEADLINES_FEED_NAME, SWITCHES_FEED_NAME } from './link.js';

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
  const calendar = feedCalendar(known ? `FKI-frister: ${plainLine(known, MAX.name)}` : DEADLINES_FEED_NAME, 'Frister, aftaler og møder for Fælleskommunal Infrastruktur, fra FKI Bot');
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

/**
 * A calendar of the bot's. Its timestamps (DTSTAMP, CREATED, LAST-MODIFIED) are written in UTC with a
 * `Z`, as RFC 5545 requires: ical-generator writes them as local time without one when the calendar
 * has a `timezone`, so the zone is only named (X-WR-TIMEZONE) for the clients that show it; every
 * event is an all-day one, whose day needs no zone.
 */
function feedCalendar(name: string, description: string) {
  return ical({
    name,
    description,
    prodId: { company: 'KOMBIT', product: 'FKI Bot', language: 'DA' },
    ttl: 60 * 60 * 6,
    x: [['X-WR-TIMEZONE', 'Europe/Copenhagen']],
  });
}

/**
 * The CH2 and STS 2 switches as an iCalendar feed: one all-day event per system and switch with a
 * known date ("SAPA: skift til Context Handler 2"), its status on that day and the source in the
 * description. A system without a date is left out: a calendar cannot hold "no date yet".
 */
export function switchesFeed(systems: readonly SystemRecord[], stamp: Date, today: IsoDate): string {
  const t = answerTexts('da');
  const calendar = feedCalendar(SWITCHES_FEED_NAME, 'Datoer for kommunernes og KOMBITs systemers skift til Context Handler 2 og STS 2, fra FKI Bot');
  const switches = systems.flatMap((system) =>
    SWITCHES.flatMap(({ topic, name }) => {
      const day = topic === 'ch2' ? system.ch2Date : system.sts2Date;
      return day === null ? [] : [{ system, topic, name, day }];
    }),
  );
  switches.sort((a, b) => a.day.localeCompare(b.day) || a.system.name.localeCompare(b.system.name, 'da'));
  for (const { system, topic, name, day } of switches) {
    const systemName = plainLine(system.name, MAX.name);
    const lines = [`Status: ${t.status[effectiveStatus(system, today, topic)]}`];
    if (system.fullName) lines.push(plainLine(system.fullName, MAX.title));
    if (system.vendor) lines.push(`Leverandør: ${plainLine(system.vendor, MAX.name)}`);
    if (system.source) lines.push(`Kilde: ${plainLine(system.source, MAX.source)}`);
    calendar.createEvent({
      id: `${createHash('sha256').update(`${topic}:${nameKey(system.name)}`).digest('hex').slice(0, 32)}@fki-bot.kombit.dk`,
      start: dayOf(day),
      allDay: true,
      stamp,
      ...(system.updatedAt && !Number.isNaN(Date.parse(system.updatedAt)) ? { lastModified: new Date(system.updatedAt) } : {}),
      summary: `${systemName}: skift til ${name}`,
      description: lines.join('\n'),
    });
  }
  return calendar.toString();
}

const SWITCHES = [
  { topic: 'ch2', name: 'Context Handler 2' },
  { topic: 'sts2', name: 'STS 2' },
] as const satisfies readonly { topic: SwitchTopic; name: string }[];

/** The data's own spelling of the solution a link asks for; null when no item has that solution. */
export function knownSolution(deadlines: readonly Deadline[], asked: string): string | null {
  const key = nameKey(asked);
  return deadlines.find((item) => nameKey(item.solution) === key)?.solution ?? null;
}
