import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileStorage } from '../../src/store/fileStorage.js';
import { StandInConnector } from '../support/connector.js';
import { startBotProcess } from '../support/process.js';
import { subscribeChannels } from '../support/subscribedChannels.js';
import { until } from '../support/until.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

type Sent = { summary?: string };

describe('a graceful stop on SIGTERM', function () {
  this.timeout(60_000);
  const folder = temporaryFolderPerTest('shutdown');

  it('starts no new digest delivery, finishes those in flight, records them, and exits 0; the next start sends the rest', async () => {
    const connector = await new StandInConnector().start();
    try {
      const ids = await subscribeChannels(fileStorage(folder.path), connector.url, 12);
      const env = { DATA_DIR: folder.path, DIGEST_CRON: '* * * * 1', SURVEY_LINK_SECRET: 'test-secret-of-at-least-32-characters!' };
      const digests = () => connector.calls.filter((call) => /Ugens oversigt/.test(String((call.activity as Sent).summary ?? '')));

      connector.delayMs = 1500;
      const bot = await startBotProcess(env);
      await until(() => connector.arrived >= 8, 'the first deliveries in flight');
      const arrived = connector.arrived;
      bot.child.kill('SIGTERM');
      assert.equal(await bot.exited, 0);
      assert.equal(connector.arrived, arrived, 'no delivery started after the stop');
      assert.equal(digests().length, arrived, 'every delivery in flight was finished');
      const outbox = (await readFile(path.join(folder.path, 'digest-outbox.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { type: string });
      assert.equal(outbox.filter((event) => event.type === 'sent').length, arrived, 'and recorded');
      await assert.rejects(fetch(`${bot.url}/healthz`), 'it no longer takes requests');

      connector.delayMs = 0;
      const again = await startBotProcess(env);
      await until(() => digests().length >= ids.length, 'the rest of the digest');
      again.child.kill('SIGTERM');
      assert.equal(await again.exited, 0);
      assert.deepEqual(ids.filter((id) => digests().filter((call) => call.conversationId === id).length !== 1), [], 'each channel got it once');
    } finally {
      await connector.stop();
    }
  });
});
