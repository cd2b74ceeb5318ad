import assert from 'node:assert/strict';
import { mkdir, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import { lockDataFolder, type InstanceLockOptions } from '../../src/store/instanceLock.js';
import { ManualClock } from '../../src/time/clock.js';
import { installation, personalMessage, TEAM_ID } from '../support/activities.js';
import { until } from '../support/until.js';
import { BotHarness } from '../support/botHarness.js';
import { starterData } from '../support/fixtures.js';
import { captureLog } from '../support/logCapture.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const ADMIN_CHAT = { id: 'a:admin-chat', conversationType: 'personal' };
const MONDAY_AFTER = '2025-02-17T07:05:00Z';
type Sent = { summary?: string; text?: string; attachments?: { content: { fallbackText?: string } }[] };
const textOf = (activity: unknown) => String((activity as Sent | undefined)?.attachments?.[0]?.content.fallbackText ?? (activity as Sent | undefined)?.text ?? '');
const isDigest = (activity: unknown) => /Ugens oversigt/.test(String((activity as Sent).summary ?? (activity as Sent).text ?? ''));

/** The lock's refresh timer, fired by the test instead of every 10 s. */
function handTimer(): { every: NonNullable<InstanceLockOptions['every']>; tick(): void } {
  let tick = () => {};
  return { every: (_ms, fire) => ((tick = fire), { stop: () => {} }), tick: () => tick() };
}

describe('one bot per data folder, also after a freeze (fencing)', function () {
  this.timeout(30_000);
  const folder = temporaryFolderPerTest('fencing');

  it('a bot whose lock was taken over while it was frozen sends nothing more, says so, and the new bot is the only one that sends', async () => {
    const timerA = handTimer();
    const logA = captureLog();
    const lockA = await lockDataFolder(folder.path, logA.log, { every: timerA.every });
    const start = (fence: typeof lockA) =>
      BotHarness.start({ data: starterData(), dataDir: folder.path, fence, clock: new ManualClock(MONDAY_AFTER), env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
    const a = await start(lockA);
    let b: BotHarness | null = null;
    try {
      await a.post(installation(a.serviceUrl, 'channel'));
      await a.post(personalMessage(a.serviceUrl, 'hej', { from: ADMIN, conversation: ADMIN_CHAT }));

      // Bot A freezes; its lock goes stale and bot B (in another container: not provably alive) takes it over.
      await rm(path.join(folder.path, 'bot.lock'), { recursive: true });
      const lockB = await lockDataFolder(folder.path, captureLog().log, { every: handTimer().every });
      // Bot A wakes: its next refresh finds the lock is not its own.
      timerA.tick();
      await until(() => !lockA.holds(), 'bot A to find that the lock is not its own');
      assert.equal(lockA.holds(), false);
      assert.ok(logA.entries.some((entry) => entry.level === 50 && /lost the data folder lock/.test(String(entry.msg))), 'said loudly in the log');

      const health = await fetch(`${a.server.url}/healthz`);
      assert.equal(health.status, 503);
      assert.equal(((await health.json()) as { instanceLock: { ok: boolean } }).instanceLock.ok, false);

      await a.post(personalMessage(a.serviceUrl, 'send oversigten nu', { from: ADMIN, conversation: ADMIN_CHAT }));
      assert.match(textOf(a.connector.sentTo(ADMIN_CHAT.id).at(-1)), /kan ikke sende ugens oversigt: en anden FKI Bot har overtaget datamappen/);
      const runA = await a.app.digests.run(new Date(MONDAY_AFTER), { force: true });
      assert.equal(runA.sent, 0, 'the scheduled run of the old bot sends nothing');
      a.app.notifier.toConversation(TEAM_ID, { text: 'a notification from the old bot' });
      await a.settled();

      b = await start(lockB);
      const runB = await b.app.digests.run(new Date(MONDAY_AFTER), { force: true });
      await b.settled();
      assert.equal(runB.sent, 1);
      // Both bots post through the references A recorded: to A's stand-in connector.
      const toChannel = a.connector.sentTo(TEAM_ID);
      assert.equal(toChannel.filter(isDigest).length, 1, 'the channel got the digest once, from the new bot');
      assert.equal(toChannel.filter((activity) => /old bot/.test(textOf(activity))).length, 0, 'no notification from the old bot');
      await lockB.release();
    } finally {
      await a.stop();
      await b?.stop();
      await lockA.release();
    }
  });

  it('takes over at start a data folder lock dated in the future that no live process holds', async () => {
    const lockDir = path.join(folder.path, 'bot.lock');
    await mkdir(lockDir, { recursive: true });
    const inADay = new Date(Date.now() + 86_400_000);
    await utimes(lockDir, inADay, inADay);
    const lock = await lockDataFolder(folder.path, captureLog().log, { every: handTimer().every });
    assert.equal(lock.holds(), true);
    await lock.release();
  });
});
