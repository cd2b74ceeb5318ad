import assert from 'node:assert/strict';
import { fileStorage } from '../../src/store/fileStorage.js';
import { installation } from '../support/activities.js';
import { StandInConnector } from '../support/connector.js';
import { startBotProcess } from '../support/process.js';
import { until } from '../support/until.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

/** The install of the app in user n's personal chat, as Teams posts it in an org-wide install. */
function installFor(serviceUrl: string, n: number) {
  return {
    ...installation(serviceUrl, 'personal'),
    conversation: { id: `a:personal-chat-${n}`, conversationType: 'personal', tenantId: 'tenant-kombit' },
    from: { id: `29:user-${n}`, name: `User ${n}`, aadObjectId: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}` },
  };
}

describe('an org-wide install: a burst of installs, a crash in the middle of it', function () {
  this.timeout(120_000);
  const folder = temporaryFolderPerTest('burst');

  it('answers each install without waiting for its welcome, keeps every chat it answered through a SIGKILL, and sends the queued welcomes after the restart', async () => {
    const connector = await new StandInConnector().start();
    const env = { DATA_DIR: folder.path, SURVEY_LINK_SECRET: 'test-secret-of-at-least-32-characters!' };
    try {
      // Teams is slow to take messages: a welcome sent from the install's request would hold it that long.
      connector.delayMs = 10_000;
      const bot = await startBotProcess(env);
      const answered: number[] = [];
      let next = 0;
      let killed = false;
      const sender = async () => {
        while (!killed && next < 1_000) {
          const n = next++;
          try {
            const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(installFor(connector.url, n)) });
            await response.arrayBuffer();
            if (response.status === 200) answered.push(n);
          } catch {
            // Killed while this request was under way: it was never answered.
          }
        }
      };
      const started = Date.now();
      const senders = Promise.all(Array.from({ length: 16 }, sender));
      await until(() => answered.length >= 300, '300 installs answered', 30_000);
      assert.ok(Date.now() - started < 10_000, 'the installs were answered before any welcome could have been taken');
      killed = true;
      bot.child.kill('SIGKILL');
      await bot.exited;
      await senders;

      const recorded = new Map(await fileStorage(folder.path).keyed<{ reference: { conversation?: { id?: string } } }>('conversations', { readOnly: true }).entries());
      const lost = answered.filter((n) => !recorded.has(`a:personal-chat-${n}`));
      assert.deepEqual(lost, [], 'every chat whose install was answered is recorded');

      connector.delayMs = 0;
      const again = await startBotProcess(env);
      try {
        // Paced at 30 a second: 300 welcomes take about 10 s.
        await until(() => answered.every((n) => connector.sentTo(`a:personal-chat-${n}`).length >= 1), 'a welcome in every chat whose install was answered', 60_000);
      } finally {
        again.child.kill('SIGTERM');
        await again.exited;
      }
    } finally {
      await connector.stop();
    }
  });
});
