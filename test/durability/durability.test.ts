import assert from 'node:assert/strict';
import { fileStorage } from '../../src/store/fileStorage.js';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { FileRegistryStore } from '../../src/store/fileRegistryStore.js';
import { systemClock } from '../../src/time/clock.js';
import { cardAction, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { SHAREPOINT_COLUMNS, testData } from '../support/fixtures.js';
import { runNode, startBotProcess } from '../support/process.js';
import { startBot } from '../../bot/start.js';
import { StartError } from '../../bot/startFailure.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';
import { StandInGraph } from '../support/standInGraph.js';

const ADMIN = { id: '29:admin-kirsten', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };

const surveyIdIn = (activity: unknown) => /"surveyId":"([^"]+)"/.exec(JSON.stringify(activity))?.[1] ?? '';

describe('nothing lost: journals, the registry and the data folder under crashes and concurrent writers', function () {
  this.timeout(90_000);
  const folder = temporaryFolderPerTest('durable');

  it('keeps a vendor answer acknowledged after a crash cut the survey journal short, through a restart', async () => {
    const bot = await BotHarness.start({ data: testData(), dataDir: folder.path });
    await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
    const surveyId = surveyIdIn(bot.connector.sentTo('a:personal-chat-alex').at(-1));
    await bot.stop();
    // The crash: half an event at the end of the journal, never acknowledged.
    await appendFile(path.join(folder.path, 'surveys.jsonl'), '{"type":"joined","at":"2025-02-10T08:00:00.000Z","surveyId":"');

    const afterCrash = await BotHarness.start({ data: testData(), dataDir: folder.path });
    const { body } = await afterCrash.post(cardAction(afterCrash.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }));
    assert.match(JSON.stringify(body), /Tak — registreret/);
    assert.ok(afterCrash.logged.messages().some((message) => /cut short by a crash/.test(message)), 'the repair is logged');
    await afterCrash.stop();

    const restarted = await BotHarness.start({ data: testData(), dataDir: folder.path });
    try {
      assert.equal(restarted.app.surveys.get(surveyId)?.answers[0]?.ch2Date, '2026-03-03');
      assert.ok((await readdir(folder.path)).some((name) => name.startsWith('surveys.jsonl.torn-')), 'the cut bytes are kept aside');
    } finally {
      await restarted.stop();
    }
  });

  it('keeps every change when three imports and the running bot write the registry at once', async () => {
    await writeFile(path.join(folder.path, 'registry.json'), JSON.stringify(testData()));
    const bot = await BotHarness.start({
      dataDir: folder.path,
      store: new FileRegistryStore(folder.path),
      env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId },
    });
    try {
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const surveyId = surveyIdIn(bot.connector.sentTo('a:personal-chat-alex').at(-1));
      await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }));
      const answerId = bot.app.surveys.get(surveyId)!.answers[0]!.id;
      const files = await Promise.all(
        [1, 2, 3].map(async (n) => {
          const file = path.join(folder.path, `import-${n}.json`);
          await writeFile(file, JSON.stringify({ systems: [{ name: `Importeret ${n}`, vendor: `Leverandør ${n}` }] }));
          return file;
        }),
      );
      const [imports, approval] = await Promise.all([
        Promise.all(files.map((file) => runNode('src/cli/main.ts', ['import', file], { DATA_DIR: folder.path }))),
        bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }, { from: ADMIN })),
      ]);
      assert.deepEqual(imports.map((run) => [run.code, run.stderr]), [[0, ''], [0, ''], [0, '']]);
      assert.match(JSON.stringify(approval.body), /Godkendt/);
      const stored = JSON.parse(await readFile(path.join(folder.path, 'registry.json'), 'utf8')) as { systems: { name: string; ch2Date: string | null }[] };
      const names = stored.systems.map((system) => system.name);
      for (const n of [1, 2, 3]) assert.ok(names.includes(`Importeret ${n}`), `import ${n} is kept`);
      assert.equal(stored.systems.find((system) => system.name === 'Aula')?.ch2Date, '2026-03-03', 'the approval is kept');
      assert.deepEqual((await readdir(folder.path)).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left behind');
    } finally {
      await bot.stop();
    }
  });

  it('answers from the last good copy, loudly, when registry.json is damaged, and keeps the damaged file', async () => {
    // A registry the bot wrote (with its last good copy), then cut short.
    await new FileRegistryStore(folder.path).update(() => testData());
    const good = await readFile(path.join(folder.path, 'registry.json'), 'utf8');
    await writeFile(path.join(folder.path, 'registry.json'), good.slice(0, good.length / 2));

    const bot = await BotHarness.start({ dataDir: folder.path, store: new FileRegistryStore(folder.path) });
    try {
      const { status } = await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter Aula?'));
      assert.equal(status, 200);
      // Eksempel A/S is in the copy, not in the starter data: the bot did not start afresh.
      assert.match(JSON.stringify(bot.connector.sentTo('a:personal-chat-alex').at(-1)), /Leverandør: .*Eksempel A\/S/);
      const health = (await (await fetch(`${bot.server.url}/healthz`)).json()) as { ok: boolean; registry: { problem: string | null } };
      assert.equal(health.ok, true, 'it answers, from the copy');
      assert.match(String(health.registry.problem), /registry\.json cannot be read .*last good copy/);
      // The next change replaces the damaged file, after setting it aside.
      await bot.app.registry.update((data) => ({ ...data, systems: [...data.systems, { ...data.systems[0]!, name: 'Nyt system', aliases: [] }] }));
      const names = (await readdir(folder.path)).filter((name) => name.startsWith('registry.json.damaged-'));
      assert.equal(names.length, 1);
      assert.ok(JSON.parse(await readFile(path.join(folder.path, 'registry.json'), 'utf8')));
    } finally {
      await bot.stop();
    }
  });

  it('does not let a sync overwrite an answer approved while it was reading the list', async () => {
    const graph = await new StandInGraph().start();
    graph.columns = SHAREPOINT_COLUMNS;
    // The list still has the old date, last changed before the vendor answered.
    graph.items = [{ id: '41', lastModifiedDateTime: '2025-02-01T08:00:00Z', fields: { Title: 'Aula', CH2_x002d_dato: '2025-12-31T23:00:00Z' } }];
    const bot = await BotHarness.start({
      data: testData(),
      env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, GRAPH_BASE_URL: `${graph.url}/`, GRAPH_ACCESS_TOKEN: 't', GRAPH_SITE_ID: graph.siteId, GRAPH_LIST_ID: graph.listId },
    });
    try {
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const surveyId = surveyIdIn(bot.connector.sentTo('a:personal-chat-alex').at(-1));
      await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }));
      const answerId = bot.app.surveys.get(surveyId)!.answers[0]!.id;
      graph.whileServingItems = async () => {
        await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }, { from: ADMIN }));
      };
      await bot.app.syncNow('da');
      assert.equal(bot.app.surveys.get(surveyId)?.review?.decision, 'approved', 'the approval landed during the sync');
      assert.equal((await bot.app.registry.current()).find('Aula')?.ch2Date, '2026-03-03');
    } finally {
      await bot.stop();
      await graph.stop();
    }
  });

  it('refuses a second bot on the same data folder in one line, and takes over the lock of one that died', async () => {
    // A data folder that does not exist yet: the first bot makes it.
    const env = { DATA_DIR: path.join(folder.path, 'new', 'data'), SURVEY_LINK_SECRET: 'test-secret-of-at-least-32-characters!' };
    // The first bot in a process of its own, so that it can crash; the others in this one.
    const inProcess = { ...env, PORT: '0', LOG_LEVEL: 'silent' };
    const first = await startBotProcess(env);
    try {
      const second = await startBot({ env: inProcess }).then(
        async (bot) => {
          await bot.stop();
          return null;
        },
        (error: unknown) => error,
      );
      assert.ok(second instanceof StartError, 'the second bot did not start');
      assert.equal(second.code, 'STORE_LOCKED');
      assert.doesNotMatch(second.message, /\n/, 'one line');
      assert.match(second.message, /^Refusing to start: another FKI Bot \(process \d+ on .+\) is running on DATA_DIR .+; stop it, or give this bot a DATA_DIR of its own\.$/);
    } finally {
      first.child.kill('SIGKILL'); // a crash: the lock stays behind
      await first.exited;
    }
    const next = await startBot({ env: inProcess });
    await next.stop();
  });

  it('stops at start in one line when registry.json cannot be read and there is no good copy', async () => {
    await writeFile(path.join(folder.path, 'registry.json'), '{"systems": [');
    const failure = await startBot({ env: { DATA_DIR: folder.path, PORT: '0', LOG_LEVEL: 'silent', SURVEY_LINK_SECRET: 'test-secret-of-at-least-32-characters!' } }).then(
      () => assert.fail('the bot started'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof StartError);
    assert.equal(failure.code, 'REGISTRY_UNREADABLE');
    assert.doesNotMatch(failure.message, /\n/, 'one line');
    assert.match(failure.message, /registry\.json cannot be read .* no good copy .* Restore it from a backup/);
    const err: string[] = [];
    const io = { out: () => {}, err: (text: string) => err.push(text), storage: fileStorage(folder.path), clock: systemClock, adminIds: [], env: {} };
    assert.equal(await runCli(['export'], io), 1);
    assert.match(err.join('\n'), /cannot be read/);
  });
});
