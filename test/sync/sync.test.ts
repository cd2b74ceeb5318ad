import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliInProcess } from '../support/cli.js';
import { StandInGraph } from '../support/standInGraph.js';
import { SHAREPOINT_COLUMNS as COLUMNS } from '../support/fixtures.js';


describe('cli sync: the registry in step with KOMBIT\'s SharePoint list', function () {
  this.timeout(60_000);
  let graph: StandInGraph;
  let dataDir: string;
  const sync = (...args: string[]) =>
    cliInProcess(['sync', ...args], {
      DATA_DIR: dataDir,
      GRAPH_BASE_URL: `${graph.url}/`,
      GRAPH_ACCESS_TOKEN: 'token-minted-elsewhere',
      GRAPH_SITE_ID: graph.siteId,
      GRAPH_LIST_ID: graph.listId,
    });
  const registry = async () => JSON.parse(await readFile(path.join(dataDir, 'registry.json'), 'utf8')) as { systems: Record<string, unknown>[] };

  beforeEach(async () => {
    graph = await new StandInGraph().start();
    graph.columns = COLUMNS;
    dataDir = await mkdtemp(path.join(tmpdir(), 'fki-sync-'));
  });
  afterEach(async () => {
    await graph.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows what a dry run would change and changes nothing', async () => {
    graph.items = [{ id: '1', lastModifiedDateTime: '2026-11-01T08:00:00Z', fields: { Title: 'Aula', CH2_x002d_dato: '2026-03-02T23:00:00Z', Status: 'planned' } }];
    await cliInProcess(['export'], { DATA_DIR: dataDir });
    const before = await readFile(path.join(dataDir, 'registry.json'), 'utf8');
    const { code, stdout } = await sync('--dry-run');
    assert.equal(code, 0);
    assert.match(stdout, /prøvekørsel: intet er gemt.*0 nye, 1 ændrede/);
    assert.match(stdout, /~ Aula: ch2Date, status/);
    assert.equal(await readFile(path.join(dataDir, 'registry.json'), 'utf8'), before);
  });

  it('adds and updates from a list of many pages through throttling, then only what changed', async () => {
    graph.items = Array.from({ length: 250 }, (_, n) => ({
      id: String(n + 1),
      lastModifiedDateTime: '2026-11-01T08:00:00Z',
      fields: { Title: `Fagsystem ${n}`, Leverand_x00f8_r: 'KMD', Status: 'unknown' },
    }));
    graph.items.push({ id: '300', lastModifiedDateTime: '2026-11-01T08:00:00Z', fields: { Title: 'KY', STS2_x002d_dato: '15.05.2026', Status: 'planned' } });
    graph.throttleNext = 2;
    const first = await sync();
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /250 nye, 1 ændrede/);
    assert.equal(graph.requests.filter((r) => r.path.endsWith('/items')).length, 3, 'three pages of 100, 100 and 51');
    assert.equal(graph.requests.length, 1 + 3 + 2, 'the columns, three pages, and the two throttled calls tried again');
    const ky = (await registry()).systems.find((s) => s.name === 'KY');
    assert.deepEqual([ky?.sts2Date, ky?.status, ky?.source], ['2026-05-15', 'planned', 'KOMBITs liste']);

    graph.items[0]!.fields.Leverand_x00f8_r = 'Eksempel A/S';
    const second = await sync();
    assert.match(second.stdout, /0 nye, 1 ændrede, 250 uændrede/);
    assert.match(second.stdout, /~ Fagsystem 0: vendor/);
  });

  it('reports invalid rows and skips them, applying the rest', async () => {
    graph.items = [
      { id: '7', lastModifiedDateTime: '2026-11-01T08:00:00Z', fields: { Title: 'Aula', Status: 'done', CH2_x002d_dato: '31.02.2026' } },
      { id: '8', lastModifiedDateTime: '2026-11-01T08:00:00Z', fields: { Title: 'FBS', CH2_x002d_dato: '2026-08-01', Status: 'planned' } },
    ];
    const { code, stdout } = await sync('--lang', 'en');
    assert.equal(code, 0);
    assert.match(stdout, /0 added, 1 changed/);
    assert.match(stdout, /! item 7: ch2Date INVALID_DATE \("31\.02\.2026"\); status INVALID_STATUS \("done"\)/);
    const systems = (await registry()).systems;
    assert.equal(systems.find((s) => s.name === 'Aula')?.status, 'unknown');
    assert.equal(systems.find((s) => s.name === 'FBS')?.ch2Date, '2026-08-01');
  });

  it('keeps a vendor date KOMBIT approved after the row last changed, and says so', async () => {
    await cliInProcess(['export'], { DATA_DIR: dataDir });
    const data = await registry();
    Object.assign(data.systems.find((s) => s.name === 'Aula')!, { ch2Date: '2026-04-01', status: 'planned' });
    await writeFile(path.join(dataDir, 'registry.json'), JSON.stringify(data));
    const review = { decision: 'approved', answerId: 'a1', by: { aadObjectId: 'x', name: 'Kirsten' }, at: '2026-11-21T09:00:00Z', reason: null };
    const events = [
      { type: 'requested', at: '2026-11-20T08:00:00Z', surveyId: 's1', system: 'Aula', systemKnown: true, requester: { userId: 'u', name: null, aadObjectId: null, conversationId: 'c', lang: 'da' } },
      { type: 'reviewed', at: review.at, surveyId: 's1', review },
    ];
    await writeFile(path.join(dataDir, 'surveys.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    graph.items = [{ id: '1', lastModifiedDateTime: '2026-11-01T08:00:00Z', fields: { Title: 'Aula', Status: 'unknown' } }];
    const { stdout } = await sync();
    assert.match(stdout, /Beholdt fordi KOMBIT har godkendt et nyere svar fra leverandøren:\n  = Aula: status \(godkendt 2026-11-21, rækken ændret 2026-11-01\)/);
    assert.equal((await registry()).systems.find((s) => s.name === 'Aula')?.ch2Date, '2026-04-01');
  });

  it('says which settings are missing, and which columns the list lacks', async () => {
    const bare = await cliInProcess(['sync'], { DATA_DIR: dataDir, GRAPH_SITE_ID: '', GRAPH_LIST_ID: '' });
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /Sæt GRAPH_SITE_ID og|Sæt GRAPH_SITE_ID and/);
    graph.columns = COLUMNS.filter((c) => c.displayName !== 'CH2-dato');
    const lacking = await sync();
    assert.equal(lacking.code, 1);
    assert.match(lacking.stderr, /Listen mangler kolonnerne: CH2-dato/);
  });
});
