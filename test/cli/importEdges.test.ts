import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliInProcess } from '../support/cli.js';

/** Windows-1252, as Excel on a Danish Windows writes "CSV (semikolonsepareret)": æ ø å Æ Ø Å and €. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, '€': 0x80, é: 0xe9 };
  return Buffer.from([...text].map((char) => special[char] ?? char.charCodeAt(0)));
}

describe('cli import at the edges: encodings, codes, years, invisible characters, --replace', function () {
  this.timeout(60_000);
  let dataDir: string;
  const cli = (...args: string[]) => cliInProcess(args, { DATA_DIR: dataDir });
  const file = async (name: string, content: string | Buffer) => {
    const at = path.join(dataDir, name);
    await writeFile(at, content);
    return at;
  };
  const systems = async () => (JSON.parse((await cli('export')).stdout) as { systems: { name: string; vendor: string | null; note: string | null }[] }).systems;
  const deadlines = async () => (JSON.parse((await cli('export')).stdout) as { deadlines: { solution: string; code: string | null; title: string }[] }).deadlines;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fki-import-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads a Windows-1252 CSV from Excel, and UTF-16 with a BOM, with æøå intact', async () => {
    const csv = 'name;vendor;note\r\nBørneportal;Leverandør Æble A/S;Pris 5 € pr. år\r\n';
    const latin = await cli('import', await file('excel.csv', windows1252(csv)));
    assert.equal(latin.code, 0, latin.stderr);
    const utf16 = await cli('import', await file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name;vendor\r\nÅbent Søsystem;Østjysk Data\r\n', 'utf16le')])));
    assert.equal(utf16.code, 0, utf16.stderr);
    const byName = new Map((await systems()).map((s) => [s.name, s]));
    assert.equal(byName.get('Børneportal')?.vendor, 'Leverandør Æble A/S');
    assert.equal(byName.get('Børneportal')?.note, 'Pris 5 € pr. år');
    assert.equal(byName.get('Åbent Søsystem')?.vendor, 'Østjysk Data');
    assert.ok(!JSON.stringify([...byName.keys()]).includes('\uFFFD'));
  });

  it('refuses UTF-16 that lost its BOM, clearly, and changes nothing', async () => {
    const before = await systems();
    const run = await cli('import', await file('nobom.csv', Buffer.from('name;vendor\r\nX;Y\r\n', 'utf16le')));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /tegnsæt kan ikke læses sikkert.*CSV UTF-8/);
    assert.deepEqual(await systems(), before);
  });

  it('stores K53, k-53 and "K 53" as one deadline, written K53', async () => {
    const csv = 'solution;code;kind;title;deadline\nSAPA;k-53;klik;Ny titel;2025-03-01\n';
    const run = await cli('import', await file('codes.csv', csv));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /0 nye, 1 ændrede/);
    const k53 = (await deadlines()).filter((d) => d.code?.replace(/\W/g, '').toUpperCase() === 'K53');
    assert.deepEqual(k53.map((d) => [d.code, d.title]), [['K53', 'Ny titel']]);
    const twice = await cli('import', await file('twice.csv', 'solution;code;kind;title;deadline\nX;K 60;klik;A;2025-03-01\nX;k60;klik;B;2025-03-02\n'));
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /fristen står allerede i linje 2/);
  });

  it('refuses dates outside 2000–2100', async () => {
    for (const date of ['0001-01-01', '9999-12-31', '1999-12-31', '2101-01-01']) {
      const run = await cli('import', await file('years.csv', `name;ch2Date\nÅrstal;${date}\n`));
      assert.equal(run.code, 1, date);
      assert.match(run.stderr, /ligger ikke mellem år 2000 og 2100/, date);
    }
    assert.equal((await cli('import', await file('ok.csv', 'name;ch2Date\nÅrstal;2100-12-31\n'))).code, 0);
  });

  it('refuses control, direction and zero-width characters in every text field, so SA(zero-width space)PA is no second SAPA', async () => {
    const bad = ['SA\u200BPA', 'Navn\u001b[2J', 'NUL\u0000', 'Omvendt\u202Etxt', 'Skjult\u2066x'];
    for (const name of bad) {
      const run = await cli('import', await file('bad.json', JSON.stringify({ systems: [{ name }] })));
      assert.equal(run.code, 1, JSON.stringify(name));
      assert.match(run.stderr, /usynligt tegn/, JSON.stringify(name));
    }
    for (const field of ['vendor', 'fullName', 'owner', 'note', 'source']) {
      const run = await cli('import', await file('field.json', JSON.stringify({ systems: [{ name: 'Felt', [field]: 'a\u001bb' }] })));
      assert.equal(run.code, 1, field);
    }
    assert.equal((await cli('import', await file('alias.json', JSON.stringify({ systems: [{ name: 'Alias', aliases: ['A\u200Cb'] }] })))).code, 1);
    assert.equal((await cli('import', await file('title.json', JSON.stringify({ deadlines: [{ solution: 'X', kind: 'klik', title: 'T\u0007' }] })))).code, 1);
    // A note may run over lines, as a cell in Excel does.
    assert.equal((await cli('import', await file('note.json', JSON.stringify({ systems: [{ name: 'Note', note: 'Linje 1\nLinje 2' }] })))).code, 0);
  });

  it('never writes ESC or a direction mark to the terminal through `cli export`', async () => {
    // Data from before these checks (or written by hand) may hold them.
    const registry = JSON.parse((await cli('export')).stdout) as { systems: Record<string, unknown>[]; deadlines: unknown[] };
    registry.systems.push({ ...registry.systems[0], name: 'Gammel', aliases: [], vendor: 'Ond\u001b]0;titel\u0007 \u009b31m \u202Eadrev' });
    await writeFile(path.join(dataDir, 'registry.json'), JSON.stringify(registry));
    for (const format of ['json', 'csv']) {
      const { stdout } = await cli('export', '--format', format);
      assert.doesNotMatch(stdout, /[\u001b\u0007\u009b\u202e]/, format);
      assert.match(stdout, /Gammel/);
    }
  });

  it('asks for --yes before an import --replace removes more than half of the registry, and says what', async () => {
    const before = await systems();
    const headerOnly = await cli('import', '--replace', await file('header.csv', 'name;vendor\n'));
    assert.equal(headerOnly.code, 1);
    assert.match(headerOnly.stderr, new RegExp(`import --replace ville fjerne ${before.length} af ${before.length} i systems: ${before[0]!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, .* og \\d+ til\\. Intet er ændret\\. Kør igen med --yes`));
    assert.deepEqual(await systems(), before);
    const confirmed = await cli('import', '--replace', '--yes', await file('one.csv', 'name\nKun dette\n'));
    assert.equal(confirmed.code, 0, confirmed.stderr);
    assert.deepEqual((await systems()).map((s) => s.name), ['Kun dette']);
  });
});
