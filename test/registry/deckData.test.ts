import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { deadlinesFeed } from '../../src/calendar/feed.js';
import type { Deadline } from '../../src/deadlines/deadline.js';
import { deckFacts } from '../../src/facts/fact.js';
import { deckVisits } from '../../src/facts/visits.js';
import { exportRegistry } from '../../src/registry/exporter.js';
import { readImportText } from '../../src/registry/importFormats.js';
import { applyImport } from '../../src/registry/importer.js';
import { Registry } from '../../src/registry/registry.js';
import { solutionNames } from '../../src/registry/solutionNames.js';
import { emptyRegistryData, normaliseRegistryData, type RegistryData } from '../../src/registry/registryData.js';
import { fold } from '../../src/text/fold.js';
import { splitWords } from '../../src/text/words.js';
import { cliInProcess } from '../support/cli.js';
import { deckDates, type DeckDate } from '../support/deckDates.js';
import { starterData } from '../support/fixtures.js';
import { temporaryFolderPerSuite } from '../support/tempFolder.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** CI has shared/ beside the clone. */
const DECK = path.resolve(REPO, '../shared/seeds/000_f586616d10eefa52.txt');
const OMISSIONS = new URL('../../src/registry/deck-omissions.json', import.meta.url);

interface Omission {
  written: string;
  slide: string;
  context: string;
  reason: string;
}

function readDeck(): string {
  if (!existsSync(DECK)) {
    assert.fail(`KOMBIT's January 2025 deck is not at ${DECK}: the data test reads it from ../shared/seeds/ beside the repository. Put the shared folder there (CI checks it out beside the clone).`);
  }
  return readFileSync(DECK, 'utf8');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every day the data holds: on deadlines (published, from, deadline) and systems (CH2, STS2). */
function daysOf(data: RegistryData): Set<string> {
  const days = new Set<string>();
  for (const d of data.deadlines) for (const day of [d.published, d.from, d.deadline]) if (day) days.add(day);
  for (const s of data.systems) for (const day of [s.ch2Date, s.sts2Date]) if (day) days.add(day);
  return days;
}

/** An item with the same day, or the same period; a single week also by an item dated in it ("Orienteringsmøder uge 10 & 11"). */
function itemFor(date: DeckDate, data: RegistryData, days: Set<string>): boolean {
  if (date.from === null || date.to === null) return false;
  if (date.unit === 'day') return days.has(date.from);
  if (data.deadlines.some((d) => d.from === date.from && d.deadline === date.to)) return true;
  return date.unit === 'week' && [...days].some((day) => day >= (date.from as string) && day <= (date.to as string));
}

/** A visit by KOMBIT of the same day, whose municipality stands just before the date in the deck. */
function visitFor(date: DeckDate, text: string): boolean {
  if (date.unit !== 'day' || date.from === null) return false;
  const before = squash(text.slice(Math.max(0, date.at - 30), date.at));
  return deckVisits().visits.some((visit) => visit.day === date.from && before.includes(visit.municipality));
}

/** An omission of the same text, whose context stands near it in the deck. */
function omissionFor(date: DeckDate, text: string, omissions: Omission[]): Omission | undefined {
  const near = squash(text.slice(Math.max(0, date.at - 150), date.at + 150 + date.written.length));
  return omissions.find((o) => squash(o.written) === squash(date.written) && near.includes(squash(o.context)));
}

describe("the bundled data holds every fact of KOMBIT's January 2025 deck", () => {
  const omissions = (JSON.parse(readFileSync(OMISSIONS, 'utf8')) as { omissions: Omission[] }).omissions;

  it('reads every date form the deck uses', () => {
    const { dates } = deckDates(readDeck());
    const written = new Set(dates.map((date) => squash(date.written)));
    for (const form of [
      '29/11 2024', '13/1-2025', '7/02 2025', '18. december 2024', '3. sep 2024', '16.12.2024', '19-04-2023', '21-08-24', '1/9 ‘25',
      'Uge 6-13', 'Uge 45', 'uge 10 & 11', '16/1', '28/1', '5. februar', '22. januar', '6. , 11. og 13. marts', 'Februar', 'November', 'Q1',
      'januar 2025', '2025-26', 'AUG', '30. oktober 2024',
    ]) {
      assert.ok(written.has(form), `the scan reads "${form}"`);
    }
    const marts = dates.filter((date) => squash(date.written) === '6. , 11. og 13. marts').map((date) => date.from);
    assert.deepEqual([...new Set(marts)], ['2025-03-06', '2025-03-11', '2025-03-13'], 'a list of days is each of its days');
    assert.deepEqual(
      dates.filter((date) => date.written === 'Uge 6-13').map((date) => [date.from, date.to])[0],
      ['2025-02-03', '2025-03-30'],
      'a span of weeks is Monday of the first to Sunday of the last',
    );
  });

  it('has every date of the deck as an item (same day or period), a visit of KOMBIT, or on the list of deliberate omissions', () => {
    const { text, dates } = deckDates(readDeck());
    const data = starterData();
    const days = daysOf(data);
    const missing = dates
      .filter((date) => !itemFor(date, data, days) && !visitFor(date, text) && omissionFor(date, text, omissions) === undefined)
      .map((date) => `"${squash(date.written)}" (${date.from ?? 'no year'}) near "${squash(text.slice(Math.max(0, date.at - 60), date.at + 60))}"`);
    assert.deepEqual(missing, [], `dates of the deck that are neither an item, a visit nor a listed omission:\n${missing.join('\n')}`);
  });

  it('lists only omissions that stand in the deck, each with its slide and reason', () => {
    const { text, dates } = deckDates(readDeck());
    for (const omission of omissions) {
      assert.ok(omission.slide.trim() !== '' && omission.reason.trim().length > 20, `"${omission.written}" says where and why`);
      const stands = dates.some((date) => omissionFor(date, text, [omission]) !== undefined);
      assert.ok(stands, `the omission "${omission.written}" (${omission.context}) matches a date of the deck`);
    }
  });

  it("keeps the deck's own sentence as each item's note, and names the source", () => {
    const deck = squash(readDeck());
    const words = new Set(fold(deck).split(' '));
    const data = starterData();
    for (const item of data.deadlines) {
      const name = `${item.solution} ${item.code ?? item.title}`;
      assert.equal(item.source, 'KOMBIT programledermøde januar 2025', name);
      assert.ok(item.note !== null && item.note.length > 10, `${name} has a note`);
      // The note is the deck's words: none of its words is one the deck does not have.
      const foreign = fold(item.note as string).split(' ').filter((word) => word.length > 3 && !words.has(word));
      assert.deepEqual(foreign, [], `${name}'s note is the deck's own words`);
    }
  });

  it('keeps unknown dates unknown: the vendor spørgetimer and the 22 FK OSS tasks have no day, and no vendor is guessed', () => {
    const data = starterData();
    const vendorHours = data.deadlines.find((d) => d.solution === 'Context Handler 2' && /leverandører/.test(d.title) && /Spørgetimer/.test(d.title));
    assert.equal(vendorHours?.deadline, null);
    assert.equal(vendorHours?.from, null);
    const tasks = data.deadlines.find((d) => d.solution === 'FK OSS' && /22 KLIK-opgaver/.test(d.title));
    assert.equal(tasks?.deadline, null);
    assert.equal(tasks?.klikStatus, 'not-published');
    const vendors = Object.fromEntries(data.systems.filter((s) => s.vendor !== null).map((s) => [s.name, s.vendor]));
    assert.deepEqual(vendors, { FBS: 'Systematic', 'FK Organisation': 'KMD' }, 'only vendors the deck names');
  });
});

describe('periods: an item over weeks is shown as its weeks, never as one invented day', function () {
  this.timeout(30_000);
  const dataFolder = temporaryFolderPerSuite('deck');
  const ask = async (question: string, day: string, lang?: 'en') =>
    (await cliInProcess(['ask', question, '--as-of', day, ...(lang ? ['--lang', lang] : [])], { DATA_DIR: dataFolder.path })).stdout;

  it('answers FK OSS wave 2 with its KLIK tasks in uge 6–13 and 14–21, and the 22 tasks whose day is not known', async () => {
    const da = await ask('FK OSS KLIK-opgaver', '2025-01-20');
    assert.match(da, /Kommunens beslutning om at indgå i Parathedsanalyseforløb \(G1\) · Periode: uge 6–13 2025 \(om 2 uger\)/);
    assert.match(da, /go\/no go til udrulningsforløb \(G2\) · Periode: uge 14–21 2025/);
    assert.match(da, /22 KLIK-opgaver til implementeringsforløbet .*Ikke publiceret i KLIK endnu/);
    assert.doesNotMatch(da, /30\. marts|25\. maj/, 'the last day of a period is not offered as its date');
    const en = await ask('FK OSS KLIK tasks', '2025-02-12', 'en');
    assert.match(en, /Period: weeks 6–13 2025 \(under way\)/);
  });

  it('finds a period in any of its weeks', async () => {
    const week9 = await ask('hvad sker der i uge 9?', '2025-02-20');
    assert.match(week9, /Parathedsanalyseforløb \(G1\) · Periode: uge 6–13 2025 \(i gang nu\)/);
  });

  it('round-trips a period and a note through CSV and JSON export and import, and refuses a period that ends before it starts', () => {
    const data = starterData();
    for (const table of ['deadlines'] as const) {
      const csv = exportRegistry(data, 'csv', table);
      assert.match(csv.split('\n')[0] as string, /;from;deadline;.*;note/);
      const back = applyImport(emptyRegistryData(), readImportText(csv, 'x.csv'), { replace: true, now: new Date(), stamp: false });
      assert.ok(back.ok);
      assert.deepEqual(back.data.deadlines, data.deadlines);
    }
    const json = applyImport(emptyRegistryData(), readImportText(exportRegistry(data, 'json'), 'x.json'), { replace: true, now: new Date(), stamp: false });
    assert.ok(json.ok);
    assert.deepEqual(json.data.deadlines, data.deadlines);
    const reversed = applyImport(
      emptyRegistryData(),
      readImportText('solution;kind;title;from;deadline\nFK OSS;event;Forkert periode;2025-03-30;2025-02-03\nFK OSS;event;Uden slut;2025-03-30;\n', 'x.csv'),
      { replace: false, now: new Date() },
    );
    assert.ok(!reversed.ok);
    assert.deepEqual(reversed.problems.map((p) => [p.row, p.field, p.code]), [[2, 'from', 'PERIOD_REVERSED'], [3, 'from', 'PERIOD_WITHOUT_END']]);
  });

  it('reads a registry written before periods and notes existed, with neither', () => {
    const old = { systems: [], deadlines: [{ solution: 'SAPA', code: 'K53', kind: 'klik', title: 'Opret aftale', published: null, deadline: '2025-02-18', url: null, source: 'X', klikStatus: 'published' }] };
    const [read] = normaliseRegistryData(old as unknown as RegistryData).deadlines;
    assert.equal(read?.from, null);
    assert.equal(read?.note, null);
  });

  it('puts a period in the calendar feed as an all-day event over its days', () => {
    const g1 = starterData().deadlines.find((d) => /\(G1\)/.test(d.title)) as Deadline;
    const feed = new ICAL.Component(ICAL.parse(deadlinesFeed([g1], {}, new Date('2025-01-20T10:00:00Z'))));
    const event = new ICAL.Event(feed.getFirstSubcomponent('vevent') as ICAL.Component);
    assert.equal(event.startDate.toString(), '2025-02-03');
    assert.equal(event.endDate.toString(), '2025-03-31', 'the day after uge 13 ends: all-day ends are exclusive');
  });
});

describe('every solution and system the deck names is known by its name and aliases', function () {
  this.timeout(60_000);
  const dataFolder = temporaryFolderPerSuite('names');

  const SYSTEMS: [string, string][] = [
    ['mitsygefravaer', 'MitSygefravær'], ['mit sygefravaer', 'MitSygefravær'], ['nemrefusion', 'NemRefusion'], ['eessi', 'EESSI/RINA'],
    ['rina', 'EESSI/RINA'], ['byg og miljo', 'Byg og Miljø'], ['fbi', 'FBI'], ['sygesikring', 'Sygesikring'], ['serviceplatformen', 'Serviceplatformen'],
    ['sags- og dokumentindeks', 'Fælleskommunalt Sags- og Dokumentindeks'], ['faelleskommunalt organisationssystem', 'FK Organisation'],
    ['fk org', 'FK Organisation'], ['fk oss', 'FK OSS'], ['koreprovebooking', 'Køreprøvebooking'], ['socialt frikort', 'Socialt Frikort'],
    ['borgerblikket', 'Borgerblikket'], ['valg', 'Valg'], ['flis', 'FLIS'], ['dubu', 'DUBU'], ['fbs 2.0', 'FBS'], ['aula', 'Aula'],
    ['ksd', 'KSD'], ['ky', 'KY'], ['kp', 'KP'], ['yr', 'YR'], ['sapa', 'SAPA'],
  ];

  it('matches each system typed in lower case without æøå', () => {
    const registry = new Registry(starterData());
    for (const [typed, name] of SYSTEMS) {
      const mentions = registry.matcher.findMentions(splitWords(typed)).mentions;
      assert.deepEqual(mentions.map((m) => m.systems.map((s) => s.name)), [[name]], `"${typed}" is ${name}`);
    }
  });

  it('answers a system the deck names, never "did you mean YR?"', async () => {
    for (const typed of ['nemrefusion', 'mitsygefravaer', 'eessi', 'byg og miljo']) {
      const { code, stdout } = await cliInProcess(['ask', `hvornår skifter ${typed} til CH2?`, '--as-of', '2025-01-10'], { DATA_DIR: dataFolder.path });
      assert.equal(code, 0, typed);
      assert.doesNotMatch(stdout, /Mente du|kender ikke|YR/, typed);
      assert.match(stdout, /Der er endnu ingen kendt dato/, `${typed}: no date is known, and none is made up`);
    }
  });

  it('answers a solution that is no system with its items: Begravelseshjælp, SF1590_A, DOS, KMD Indkomst, databehandleraftaler', async () => {
    const cases: [string, RegExp][] = [
      ['begravelseshjaelp', /Frister og møder for UDK Begravelseshjælp/],
      ['kick-off for begravelseshjælp', /UDK Begravelseshjælp/],
      ['sf1590_a', /UDK Begravelseshjælp/],
      ['DOS', /DOS · (Aftale|Agreement): Tilslut dig forlængelsen af DOS-programmet/],
      ['kmd indkomst', /Lukning af KMD Indkomst · Dato: tirsdag den 31\. december 2024/],
      ['databehandleraftaler', /KOMBITs opdaterede databehandleraftaler .* Periode: februar–november 2025/],
    ];
    for (const [typed, expected] of cases) {
      const { code, stdout } = await cliInProcess(['ask', typed, '--as-of', '2025-01-10'], { DATA_DIR: dataFolder.path });
      assert.equal(code, 0, typed);
      assert.match(stdout, expected, typed);
    }
    for (const solution of solutionNames()) {
      assert.ok(starterData().deadlines.some((d) => d.solution === solution.name), `${solution.name} has items`);
    }
  });

  it('has a deck fact for every name the deck uses that has neither a switch nor an item (SOR, DUPLA)', () => {
    const subjects = new Set(deckFacts().map((fact) => fact.subject));
    for (const name of ['SOR', 'DUPLA', 'Buddyordning', 'Kommunebesøg', 'Driftsinformation']) assert.ok(subjects.has(name), name);
  });
});

describe('the deck facts that are not dates', () => {
  const fact = (id: string) => {
    const found = deckFacts().find((f) => f.id === id);
    assert.ok(found, `fact ${id}`);
    return found;
  };

  it('loads them validated, with Danish and English text and the source', () => {
    const facts = deckFacts();
    assert.ok(facts.length >= 40);
    for (const f of facts) {
      assert.equal(f.source, 'KOMBIT programledermøde januar 2025');
      assert.ok(f.keywords.every((k) => k === k.toLocaleLowerCase('da')), f.id);
    }
    assert.equal(deckFacts(), facts, 'read once and kept');
  });

  it('holds what people ask about besides dates, in the deck’s words', () => {
    assert.match(fact('dos-pris').text, /Pris pr borger: 32 ører/);
    assert.match(fact('dos-periode').text, /Dækker 2025-26/);
    assert.match(fact('dos-indsatser').text, /Oprydning i DMI/);
    assert.match(fact('jobcenter-medunderskrivere').text, /16 kommuner har d\. 28\/1/);
    assert.equal(fact('jobcenter-medunderskrivere').day, '2025-01-28');
    assert.match(fact('fk-org-aarsag').text, /netværkselement, som ikke videresender forespørgsler/);
    assert.match(fact('fk-org-aarsag').text, /op til 25 opslag/);
    assert.match(fact('fk-org-aarsag').text, /mellem 2-5 %/);
    assert.match(fact('fk-org-tiltag').text, /Forbedret 24\/7-support.*Bedre information til anvendere.*Eskalering af C- og D-fejl/);
    assert.match(fact('buddyordning').text, /Tilmeld dig buddybanken/);
    assert.match(fact('buddyordning').url ?? '', /^https:\/\/forms\.office\.com\//);
    assert.match(fact('koereproevebooking-udfasning').text, /udfases, når Færdselsstyrelsen har den nye løsning klar/);
    assert.match(fact('fbs-leverandoer').text, /Systematic, der bliver leverandør af FBS 2\.0/);
    assert.match(fact('fk-oss-frivillig').text, /FK OSS er en frivillig løsning/);
    assert.match(fact('fk-oss-boelge-1').text, /består af 7 kommuner/);
    assert.match(fact('fk-oss-parathedsanalyse').text, /FK ORG der er master for data i SOR/);
    assert.match(fact('skat-prioritering').text, /Et formål pr\. dataområde.*Årsopgørelse først.*Volumen og forretningsværdi/);
    assert.match(fact('dba-skabelon').text, /Databehandlersekretariat \(DBS\)/);
    assert.match(fact('klik-2fa-systemspecifikke').text, /to-faktor autentifikation/);
    assert.match(fact('kommunebesoeg-strategi').text, /rykke tættere på kommunerne/);
    assert.match(fact('ch2-oversigt').url ?? '', /^https:\/\/digitaliseringskataloget\.dk\/udfasning-af-context-handler-1/);
    assert.match(fact('udk-serviceaftaler').text, /Fujitsu FilAflever, EG FilHent, EG FilAflever/);
    assert.match(fact('udk-serviceaftaler').text, /viser ikke, hvilken serviceaftale der har hvilken status/, 'says what the text copy does not tell');
    assert.equal(fact('programleder-mail').url, 'mailto:programleder@kombit.dk');
    assert.equal(fact('driftstatus').url, 'https://driftstatus.kombit.dk/');
    assert.match(fact('kommunebesoeg-planlagte').text, /Haderslev \(4\. marts 2025\)/);
  });
});
