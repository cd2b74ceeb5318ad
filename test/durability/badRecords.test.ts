import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileRegistryStore } from '../../src/store/fileRegistryStore.js';
import { cardAction, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';
import { captureLog } from '../support/logCapture.js';

type Sent = { text?: string; attachments?: { content: { fallbackText?: string } }[] };
const lastText = (bot: BotHarness) => {
  const activity = bot.connector.sentTo('a:personal-chat-alex').at(-1) as Sent | undefined;
  return String(activity?.attachments?.[0]?.content.fallbackText ?? activity?.text ?? '');
};

describe('valid JSON with bad records: set aside and reported, never a crashed start', function () {
  this.timeout(30_000);
  const folder = temporaryFolderPerTest('bad-records');
  const storeLog = captureLog();
  const start = () => BotHarness.start({ dataDir: folder.path, store: new FileRegistryStore(folder.path, storeLog.log) });

  it('starts with a null and a nameless system in registry.json and no good copy, answering from the other records', async () => {
    const data = testData();
    await writeFile(path.join(folder.path, 'registry.json'), JSON.stringify({ ...data, systems: [null, { aliases: [] }, ...data.systems], deadlines: [null, ...data.deadlines] }));
    const bot = await start();
    try {
      await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter Aula til CH2?'));
      assert.match(lastText(bot), /Aula/);
      const health = (await (await fetch(`${bot.server.url}/healthz`)).json()) as { registry: { problem: string | null } };
      assert.match(String(health.registry.problem), /3 record\(s\) in registry\.json are invalid \(system #1: null; system #2: name; deadline #1: null\)/);
      assert.ok(storeLog.entries.some((entry) => entry.level === 50 && /are invalid/.test(String(entry.msg))), 'logged as an error');
    } finally {
      await bot.stop();
    }
  });

  it('answers from the whole last good copy when registry.json holds a bad record', async () => {
    const data = testData();
    await new FileRegistryStore(folder.path).update(() => data); // writes registry.json and its last good copy
    const damaged = { ...data, systems: data.systems.map((system) => (system.name === 'Aula' ? null : system)) };
    await writeFile(path.join(folder.path, 'registry.json'), JSON.stringify(damaged));
    const bot = await start();
    try {
      assert.ok((await bot.app.registry.current()).find('Aula'), 'Aula, whose record was nulled, comes from the copy');
      assert.equal((await bot.app.registry.current()).systems.length, data.systems.length);
    } finally {
      await bot.stop();
    }
  });

  it('starts with a line `null` and an event of the wrong shape in the survey journal, keeping every other answer', async () => {
    const first = await BotHarness.start({ data: testData(), dataDir: folder.path });
    await first.post(cardAction(first.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
    const surveyId = /"surveyId":"([^"]+)"/.exec(JSON.stringify(first.connector.calls.at(-1)?.activity))![1]!;
    await first.post(cardAction(first.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }));
    await first.stop();
    const journal = path.join(folder.path, 'surveys.jsonl');
    const lines = (await readFile(journal, 'utf8')).split('\n').filter(Boolean);
    await writeFile(journal, [lines[0], 'null', '{"type":"answered","surveyId":"x"}', '[1,2]', ...lines.slice(1)].join('\n') + '\n');
    await appendFile(journal, '{"type":"joined","at":"2025-02-10T08:00:00.000Z","surveyId":"' + surveyId + '"}\n'); // no requester

    const bot = await BotHarness.start({ data: testData(), dataDir: folder.path });
    try {
      assert.equal(bot.app.surveys.get(surveyId)?.answers[0]?.ch2Date, '2026-03-03');
      const reports = bot.logged.entries.filter((entry) => entry.level === 50 && /damaged line|wrong shape/.test(String(entry.msg)));
      assert.equal(reports.length, 4, 'each bad line is reported');
    } finally {
      await bot.stop();
    }
  });
});
