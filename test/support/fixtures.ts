import { readFileSync } from 'node:fs';
import type { SystemRecord } from '../../src/registry/system.js';
import { normaliseRegistryData, type RegistryData } from '../../src/registry/registryData.js';

/** The data the bot ships with (a fresh copy per call). */
export function starterData(): RegistryData {
  return normaliseRegistryData(JSON.parse(readFileSync(new URL('../../src/registry/starter.json', import.meta.url), 'utf8')) as RegistryData);
}

export function system(fields: Partial<SystemRecord> & { name: string }): SystemRecord {
  return {
    fullName: null, aliases: [], owner: null, vendor: null, ch2Date: null, sts2Date: null, status: null,
    source: 'Test', note: null, updatedAt: '2025-01-30T10:00:00.000Z', ...fields,
  };
}

/**
 * The starter data plus made-up vendor systems with dates around "today" in the tests
 * (Monday 10 February 2025): planned, overdue and two names one typo apart.
 */
export function testData(): RegistryData {
  const data = starterData();
  data.systems = data.systems.map((s) => ({ ...s, updatedAt: s.updatedAt ?? '2025-01-29T12:00:00.000Z' }));
  // Test data of its own, not facts: no source names Aula's vendor, but these tests need a system
  // with a known vendor, and one where the switch does not apply.
  const aula = data.systems.find((s) => s.name === 'Aula');
  if (aula) aula.vendor = 'Eksempel A/S';
  data.systems.push(
    system({ name: 'Nexus', vendor: 'Systematic', ch2Date: '2025-03-03', sts2Date: '2025-06-01', status: 'planned' }),
    system({ name: 'Nexos', vendor: 'Testleverandør', ch2Date: null }),
    system({ name: 'Momentum', vendor: 'Eksempel A/S', ch2Date: '2025-03-27', sts2Date: '2025-02-20' }),
    system({ name: 'Opus', vendor: 'KMD', ch2Date: '2025-01-05', status: 'planned' }),
    system({ name: 'Fjernprint', status: 'not-applicable', note: 'Ingen brugervendt del.' }),
  );
  return data;
}

export const TEST_TODAY = '2025-02-10';

/** KOMBIT's list as SharePoint names its columns: "System" is the renamed Title, "ø" and "-" encoded. */
export const SHAREPOINT_COLUMNS = [
  { name: 'Title', displayName: 'System' },
  { name: 'Leverand_x00f8_r', displayName: 'Leverandør' },
  { name: 'CH2_x002d_dato', displayName: 'CH2-dato' },
  { name: 'STS2_x002d_dato', displayName: 'STS2-dato' },
  { name: 'Status', displayName: 'Status' },
  { name: 'Kilde', displayName: 'Kilde' },
  { name: 'Bem_x00e6_rkning', displayName: 'Bemærkning' },
];
