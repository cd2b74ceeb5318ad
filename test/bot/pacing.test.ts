import assert from 'node:assert/strict';
import { SendPacer } from '../../bot/pacing.js';
import { DigestOutbox, type OutboxEvent } from '../../src/digest/outbox.js';
import { RateLimiter } from '../../src/digest/rateLimiter.js';
import { DigestService } from '../../src/digest/service.js';
import { SubscriptionStore } from '../../src/digest/subscriptions.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';

/**
 * A clock that moves only when everyone waits: then the earliest wait ends, at the time it was due
 * (one wait per turn of the event loop, so what it sets off runs before the next).
 */
function virtualTime() {
  const time = { now: 0 };
  const waits: { due: number; wake: () => void }[] = [];
  let ticking = false;
  const tick = () => {
    const next = waits.sort((a, b) => a.due - b.due).shift();
    if (!next) {
      ticking = false;
      return;
    }
    time.now = Math.max(time.now, next.due);
    next.wake();
    setImmediate(tick);
  };
  return {
    time,
    now: () => time.now,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        waits.push({ due: time.now + ms, wake });
        if (!ticking) {
          ticking = true;
          setImmediate(tick);
        }
      }),
  };
}

/** The most starts in any window of `ms` (half-open), from start times in order. */
function mostInAnyWindow(starts: number[], ms: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < starts.length; last += 1) {
    while (starts[last]! - starts[first]! >= ms - 1e-6) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe("proactive sends within Teams' limits", () => {
  it('starts at most 30 sends in any second for the app and 7 into one conversation, and no slower than that', async () => {
    const clock = virtualTime();
    const pacer = new SendPacer({ now: clock.now, sleep: clock.sleep });
    const all: number[] = [];
    const intoOne: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let n = 0; n < 50; n += 1) {
          const conversationId = worker === 0 ? 'busy-chat' : `chat-${worker}-${n}`;
          await pacer.take(conversationId);
          all.push(clock.now());
          if (worker === 0) intoOne.push(clock.now());
        }
      }),
    );
    all.sort((a, b) => a - b);
    assert.ok(mostInAnyWindow(all, 1000) <= 30, `app: ${mostInAnyWindow(all, 1000)} in one second`);
    assert.ok(mostInAnyWindow(intoOne, 1000) <= 7, `one conversation: ${mostInAnyWindow(intoOne, 1000)} in one second`);
    assert.ok(all.at(-1)! <= (400 / 30) * 1000 * 1.05, `400 sends took ${all.at(-1)} ms`);
  });

  it('sends a weekly digest to 10,000 personal chats at no less than 0.9 × 30 a second', async function () {
    this.timeout(60_000);
    const clock = virtualTime();
    const storage = memoryStorage();
    const subscriptions = new SubscriptionStore(storage);
    for (let n = 0; n < 10_000; n += 1) {
      await subscriptions.subscribe({ conversationId: `a:personal-chat-${n}`, lang: n % 5 ? 'da' : 'en', subscribedAt: '2025-01-01T00:00:00Z', source: 'command' });
    }
    const pacer = new SendPacer({ now: clock.now, sleep: clock.sleep });
    const sentAt: number[] = [];
    const digests = new DigestService({
      subscriptions,
      outbox: await DigestOutbox.load(storage.journal<OutboxEvent>('digest-outbox')),
      // As the bot's sender: each try paced by the app's pacer, then posted.
      sender: {
        send: async (conversationId) => {
          await pacer.take(conversationId);
          sentAt.push(clock.now());
          return { outcome: 'sent' };
        },
      },
      compose: async (_asOf, lang) => ({ text: `digest ${lang}` }),
      limiter: new RateLimiter(30, clock.now, clock.sleep),
      schedule: { pattern: '0 8 * * 1', zone: 'Europe/Copenhagen' },
    });
    const summary = await digests.run(new Date('2025-02-10T09:00:00+01:00'));
    assert.equal(summary.sent, 10_000, JSON.stringify(summary));
    const seconds = (Math.max(...sentAt) - Math.min(...sentAt)) / 1000;
    const rate = (sentAt.length - 1) / seconds;
    assert.ok(rate >= 0.9 * 30, `${rate.toFixed(1)} digests a second`);
    assert.ok(mostInAnyWindow(sentAt.sort((a, b) => a - b), 1000) <= 30);
  });
});
