import assert from 'node:assert/strict';
import { DigestOutbox, type OutboxEvent } from '../../src/digest/outbox.js';
import { RateLimiter } from '../../src/digest/rateLimiter.js';
import { DigestService, type DigestSender } from '../../src/digest/service.js';
import { SubscriptionStore } from '../../src/digest/subscriptions.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';
import { captureLog } from '../support/logCapture.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Monday 17 February 2025 (week 8); the digest is due at 08:00 Copenhagen time, 07:00 UTC.
const MONDAY_W08 = Date.parse('2025-02-17T07:05:00Z');

/** A wall clock and a steady (monotonic) clock the test moves apart, a channel, and what it got. */
async function digestWithFakeClocks() {
  const storage = memoryStorage();
  const subscriptions = new SubscriptionStore(storage);
  await subscriptions.subscribe({ conversationId: '19:channel', lang: 'da', subscribedAt: '2025-01-01T00:00:00Z', source: 'command' });
  const got: string[] = [];
  const sender: DigestSender = {
    send: async (_conversationId, reply) => {
      got.push(String(reply.text));
      return { outcome: 'sent' };
    },
  };
  const steady = { ms: 0 };
  const log = captureLog();
  let week = '';
  const build = async () =>
    new DigestService({
      subscriptions,
      outbox: await DigestOutbox.load(storage.journal<OutboxEvent>('digest-outbox')),
      sender,
      compose: async () => ({ text: `digest of ${week}` }),
      limiter: new RateLimiter(1000),
      schedule: { pattern: '0 8 * * 1', zone: 'Europe/Copenhagen' },
      elapsed: () => steady.ms,
      log: log.log,
    });
  let service = await build();
  const run = async (wall: number) => {
    const summary = await service.run(new Date(wall));
    week = summary.week;
    return summary;
  };
  /** The bot restarts: a new process trusts the wall clock it starts with. */
  const restart = async () => {
    service = await build();
  };
  return { run, restart, got, steady, log };
}

describe('the weekly digest when the system clock jumps', () => {
  it('does not send next week\'s digest when the clock jumps 7 days ahead, and sends it on the real Monday', async () => {
    const { run, got, steady, log } = await digestWithFakeClocks();
    assert.equal((await run(MONDAY_W08)).sent, 1, 'week 8, on time');

    // Tuesday 10:00 really; the wall clock jumps a week ahead (Tuesday of week 9).
    steady.ms += DAY + 3 * HOUR;
    const jumped = await run(MONDAY_W08 + 8 * DAY + 3 * HOUR);
    assert.equal(jumped.sent, 0, 'nothing early');
    assert.equal(got.length, 1);
    assert.ok(log.entries.some((entry) => entry.level === 50 && /jumped away/.test(String(entry.msg))), 'the jump is logged as an error');

    // The catch-up runs go on through the week; the wall clock stays a week ahead.
    for (let day = 2; day < 7; day += 1) {
      steady.ms = day * DAY;
      assert.equal((await run(MONDAY_W08 + (day + 7) * DAY)).sent, 0);
    }
    // The real Monday of week 9, 08:05: week 9's digest, once.
    steady.ms = 7 * DAY;
    assert.equal((await run(MONDAY_W08 + 14 * DAY)).sent, 1);
    steady.ms = 7 * DAY + HOUR;
    assert.equal((await run(MONDAY_W08 + 14 * DAY + HOUR)).sent, 0, 'not twice');
    assert.equal(got.length, 2);
  });

  it('does not send last week\'s digest again when the clock jumps 7 days back, nor after a restart on that clock', async () => {
    const { run, restart, got, steady } = await digestWithFakeClocks();
    assert.equal((await run(MONDAY_W08)).sent, 1);
    steady.ms += HOUR;
    const back = await run(MONDAY_W08 - 7 * DAY + HOUR);
    assert.equal(back.week, '2025-W08', 'the week of the time that really passed');
    assert.equal(back.sent, 0);

    await restart();
    const afterRestart = await run(MONDAY_W08 - 7 * DAY + 2 * HOUR);
    assert.equal(afterRestart.week, '2025-W07');
    assert.equal(afterRestart.sent, 0, 'week 7 is over: week 8 was sent already');
    assert.equal(got.length, 1);
  });

  it('follows the wall clock when it only drifts', async () => {
    const { run, steady } = await digestWithFakeClocks();
    steady.ms = 0;
    assert.equal((await run(MONDAY_W08 - 2 * HOUR)).sent, 0, '06:05 on Monday: not due yet');
    // The wall clock ran a minute fast meanwhile: within the tolerance, believed.
    steady.ms = 2 * HOUR - 60_000;
    assert.equal((await run(MONDAY_W08)).sent, 1);
  });
});
