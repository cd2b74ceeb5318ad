import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TurnContext } from 'botbuilder';
import { fileStorage } from '../../src/store/fileStorage.js';
import { channelMessage } from '../support/activities.js';
import { StandInConnector } from '../support/connector.js';
import { startBotProcess } from '../support/process.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

type Sent = { summary?: string };

const until = async (check: () => boolean, what: string, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('a graceful stop on SIGTERM', function () {
  this.timeout(60_000);
  const folder = temporaryFolderPerTest('shutdown');

  it('starts no new digest delivery, finishes those in flight, records them, and exits 0; the next start sends the rest', async () => {
    const connector = await new StandInConnector().start();
    try {
      const channels = Array.from({ length: 12 }, (_, n) => channelMessage(connector.url, 'hej', { conversation: { id: `19:channel-${n}@thread.tacv2`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-kombit' } }));
      const ids = channels.map((activity) => (activity.conversation as { id: string }).id);
      const storage = fileStorage(folder.path);
      await storage.document('conversations', { conversations: {} as Record<string, unknown> }).change((data) => {
        channels.forEach((activity, n) => {
          data.conversations[ids[n]!] = { reference: TurnContext.getConversationReference(activity as never), kind: 'channel', aadObjectId: null, updatedAt: '2020-01-01T00:00:00Z' };
        });
        return true;
      });
      await storage.document('subscriptions', { subscriptions: {} as Record<string, unknown> }).change((data) => {
        for (const id of ids) data.subscriptions[id] = { conversationId: id, lang: 'da', subscribedAt: '2020-01-01T00:00:00Z', source: 'command' };
        return true;
      });
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
