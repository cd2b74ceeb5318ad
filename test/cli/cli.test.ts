import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliInProcess } from '../support/cli.js';
import { runNpm } from '../support/run.js';

describe('the command line', function () {
  this.timeout(60_000);
  let dataDir: string;
  // In this process: the door is the same `runCli` that `npm run cli` calls (the first test goes through npm).
  const cli = (...args: string[]) => cliInProcess(args, { DATA_DIR: dataDir });

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fki-cli-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers a question from the starter data on a fresh data folder, through npm as a user runs it', async () => {
    const { code, stdout } = await runNpm(['cli', '--', 'ask', 'hvornår skifter SAPA til CH2?'], { DATA_DIR: dataDir });
    assert.equal(code, 0);
    assert.match(stdout, /SAPA skiftede til Context Handler 2 den 21\. januar 2025/);
    assert.match(stdout, /Kilde: KOMBIT programledermøde januar 2025/);
  });

  it('answers in the language asked for with --lang', async () => {
    const { code, stdout } = await cli('ask', 'hvornår skifter SAPA til CH2?', '--lang', 'en');
    assert.equal(code, 0);
    assert.match(stdout, /SAPA switched to Context Handler 2 on 21 January 2025/);
  });

  it('exits 1 with examples for a question it does not understand, and 2 for bad usage', async () => {
    const unclear = await cli('ask', 'hvad synes du om vejret');
    assert.equal(unclear.code, 1);
    assert.match(unclear.stderr, /Det forstod jeg ikke helt/);
    assert.equal((await cli('frobnicate')).code, 2);
    assert.equal((await cli('ask', 'x', '--lang', 'fr')).code, 2);
    assert.equal((await cli('export', '--format', 'xml')).code, 2);
  });

  it('imports a CSV, the answer follows, and export → import round-trips', async () => {
    const csv = path.join(dataDir, 'dates.csv');
    await writeFile(csv, 'name;vendor;ch2Date;status\nNexus;Systematic;03.03.2027;planned\nAula;Eksempel A/S;01/09/2027;planned\n');
    const imported = await cli('import', csv);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /systems: 1 nye, 1 ændrede/);
    const answer = await cli('ask', 'when does Nexus switch to CH2?');
    assert.match(answer.stdout, /Nexus switches to Context Handler 2 on 3 March 2027/);

    const exported = await cli('export', '--format', 'csv');
    assert.equal(exported.code, 0);
    const file = path.join(dataDir, 'export.csv');
    await writeFile(file, exported.stdout);
    const before = await readFile(path.join(dataDir, 'registry.json'), 'utf8');
    const again = await cli('import', file);
    assert.equal(again.code, 0, again.stderr);
    const rows = exported.stdout.trim().split('\n').length - 1;
    assert.match(again.stdout, new RegExp(`0 nye, 0 ændrede, ${rows} uændrede`));
    assert.equal(await readFile(path.join(dataDir, 'registry.json'), 'utf8'), before);
  });

  it('reports every bad row with line, field and reason, exits 1, and writes nothing', async () => {
    await cli('export');
    const before = await readFile(path.join(dataDir, 'registry.json'), 'utf8');
    const csv = path.join(dataDir, 'bad.csv');
    await writeFile(csv, 'name;ch2Date;status\nAula;31.02.2026;planned\nNexus;01/03/2026;done\nnexus;;\n;2026-01-01;\n');
    const { code, stderr } = await cli('import', csv, '--lang', 'en');
    assert.equal(code, 1);
    assert.match(stderr, /Nothing was imported/);
    assert.match(stderr, /line 2, field ch2Date \("31\.02\.2026"\): is not a valid date/);
    assert.match(stderr, /line 3, field status \("done"\): must be switched, planned, unknown or not-applicable/);
    assert.match(stderr, /line 4, field name \("nexus"\): the name is already in line 3/);
    assert.match(stderr, /line 5, field name: is required/);
    assert.equal(await readFile(path.join(dataDir, 'registry.json'), 'utf8'), before);
  });

  it('says so when the file is missing or malformed', async () => {
    const missing = await cli('import', path.join(dataDir, 'nope.json'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Filen findes ikke/);
    const broken = path.join(dataDir, 'broken.json');
    await writeFile(broken, '{"systems": [');
    const malformed = await cli('import', broken);
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, /Filen er ikke gyldig JSON/);
  });
});

describe('starting the bot', function () {
  this.timeout(30_000);
  it('refuses to start in production without an app id, and says why', async () => {
    const { code, stderr } = await runNpm(['start'], { NODE_ENV: 'production', MicrosoftAppId: '', PORT: '0' });
    assert.equal(code, 1);
    assert.match(stderr, /NODE_ENV=production needs MicrosoftAppId/);
  });
});
