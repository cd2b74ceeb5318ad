import type { Deadline } from '../deadlines/deadline.js';
import { addDays, type IsoDate } from '../time/calendarDate.js';
import type { RegistryData } from './registryData.js';
import type { SwitchStatus, SystemRecord } from './system.js';

/**
 * The source every example record carries. Example data is made up (names, dates, vendors) so that
 * a first run of the Playground shows what the bot does with dates around today; it is never a fact,
 * so every record says so where the bot shows a source, and the tab and the answers mark it.
 */
export const EXAMPLE_DATA_SOURCE = 'Eksempeldata';

/** Whether a record is example data (the Playground's, see exampleRegistryData). */
export function isExampleData(record: { source: string | null }): boolean {
  return record.source === EXAMPLE_DATA_SOURCE;
}

/**
 * Made-up systems and deadlines dated relative to `today`: one switched, some planned soon and later,
 * one planned whose day passed unconfirmed, one with no date, one not relevant; KLIK tasks, an
 * agreement and a meeting before and after today. Only the Playground loads it (bot/playground.ts);
 * the bot and the CLI never do. No link: an example must not point at a real page.
 */
export function exampleRegistryData(today: IsoDate): RegistryData {
  const day = (days: number) => addDays(today, days);
  const system = (name: string, aliases: string[], vendor: string | null, ch2Date: IsoDate | null, sts2Date: IsoDate | null, status: SwitchStatus | null): SystemRecord => ({
    name, fullName: null, aliases, owner: 'KOMBIT', vendor, ch2Date, sts2Date, status,
    source: EXAMPLE_DATA_SOURCE, note: null, updatedAt: `${today}T08:00:00.000Z`,
  });
  const deadline = (solution: string, code: string | null, kind: Deadline['kind'], title: string, days: number, published: number | null): Deadline => ({
    solution, code, kind, title, published: published === null ? null : day(published), from: null, deadline: day(days), url: null,
    source: EXAMPLE_DATA_SOURCE, klikStatus: kind === 'klik' ? 'published' : null, note: null,
  });
  return {
    systems: [
      system('Eksempel Ydelse', ['Ydelseseksempel'], 'Eksempel Leverandør A/S', day(-21), day(-7), 'switched'),
      system('Eksempel Booking', ['Bookingeksempel'], 'Eksempel Leverandør A/S', day(9), day(30), null),
      system('Eksempel Journal', ['Journaleksempel'], 'Demo Data ApS', day(40), null, null),
      system('Eksempel Arkiv', ['Arkiveksempel'], 'Demo Data ApS', day(-5), null, 'planned'),
      system('Eksempel Portal', ['Portaleksempel'], null, null, null, null),
      system('Eksempel Betaling', ['Betalingseksempel'], null, null, null, 'not-applicable'),
    ],
    deadlines: [
      deadline('Eksempel Booking', 'K01', 'klik', 'Udpeg en ansvarlig for skiftet (eksempel)', 3, -14),
      deadline('Eksempel Booking', 'K02', 'klik', 'Test login med Context Handler 2 (eksempel)', 14, -7),
      deadline('Eksempel Ydelse', 'K03', 'klik', 'Bekræft at skiftet er gennemført (eksempel)', -10, -30),
      deadline('Eksempel Journal', null, 'agreement', 'Underskriv tilslutningsaftale (eksempel)', 21, -2),
      deadline('Eksempel Journal', null, 'event', 'Spørgetime om skiftet (eksempel)', 7, null),
    ],
  };
}
