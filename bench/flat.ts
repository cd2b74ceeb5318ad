import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../bot/app.js';
import { loadConfig } from '../src/config.js';
import { DigestOutbox, type OutboxEvent } from '../src/digest/outbox.js';
import { RateLimiter } from '../src/digest/rateLimiter.js';
import { DigestService } from '../src/digest/service.js';
import { createLog } from '../src/log.js';
import { fileStorage } from '../src/store/fileStorage.js';
import { MemoryRegistryStore } from '../src/store/registryStore.js';
import { fixedClock } from '../src/time/clock.js';
import { personalMessage } from '../test/support/activities.js';
import { StandInConnector } from '../test/support/connector.js';
import { testData } from '../test/support/fixtures.js';

/**
 * (6) Per-user records, in process on files: the cost of the next record as their number grows
 * (conversations, subscriptions, survey requesters), and a digest run to 10,000 personal chats with
 * Teams' pace lifted, to show the bot itself is not what limits it.
 */
const RECORDS = Number(process.env.BENCH_NEW_CHATS ?? 10_000);
const STEP = Number(process.env.BENCH_SCALE_STEP ?? 1000);
const REQUESTERS = Number(process.env.BENCH_REQUESTERS ?? 2000);

const aadOf = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const chat = (serviceUrl: string, n: number) =>
  personalMessage(serviceUrl, 'hej', {
    conversation: { id: `a:bench-chat-${n}`, conversationType: 'personal', tenantId: 'tenant-kombit' },
    from: { id: `29:bench-user-${n}`, name: `User ${n}`, aadObjectId: aadOf(n) },
  });

/** µs per item of each block of `step`, the items of a block started together (as requests arriving together). */
async function curve(total: number, step: number, one: (n: number) => Promise<unknown>): Promise<number[]> {
  const perItem: number[] = [];
  for (let from = 0; from < total; from += step) {
    const count = Math.min(step, total - from);
    const began = performance.now();
    await Promise.all(Array.from({ length: count }, (_, i) => one(from + i)));
    perItem.push(((performance.now() - began) * 1000) / count);
  }
  return perItem;
}

const show = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');

export async function benchFlat(): Promise<void> {
  console.log(`\n(6) Per-user records on files, in process — µs per record for each block of ${STEP} (written together), first block to last`);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fki-bench-flat-'));
  const connector = await new StandInConnector().start();
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', DATA_DIR: dataDir, SURVEY_LINK_SECRET: 'bench-secret-of-at-least-32-characters!' });
    const app = await createApp({
      config,
      log: createLog('silent'),
      clock: fixedClock('2025-02-10T09:00:00+01:00'),
      store: new MemoryRegistryStore(testData()),
      storage: fileStorage(dataDir, undefined, new MemoryRegistryStore(testData())),
      // Teams' pace lifted: what the bot itself can do.
      pacing: { perSecond: 1e6, perConversationPerSecond: 1e6 },
    });
    const now = new Date('2025-02-10T08:00:00Z');
    const conversations = await curve(RECORDS, STEP, (n) => app.conversations.record(chat(connector.url, n), now));
    console.log(`    conversation references:  ${show(conversations)}`);
    const lookups = await curve(RECORDS, STEP, (n) => app.notifier.personalChatOf(aadOf(n)));
    console.log(`    personal chat by user:    ${show(lookups)}`);
    const subscriptions = await curve(RECORDS, STEP, (n) =>
      app.subscriptions.subscribe({ conversationId: `a:bench-chat-${n}`, lang: 'da', subscribedAt: '2025-01-01T00:00:00Z', source: 'command' }),
    );
    console.log(`    digest subscriptions:     ${show(subscriptions)}`);
    // A survey's requesters join one at a time (each is a durable journal event before the answer).
    const requesterStep = Math.max(1, Math.floor(REQUESTERS / 4));
    const requesters: number[] = [];
    for (let from = 0; from < REQUESTERS; from += requesterStep) {
      const began = performance.now();
      for (let n = from; n < from + requesterStep; n += 1) {
        await app.surveys.request('Aula', { userId: `29:bench-user-${n}`, name: null, aadObjectId: aadOf(n), conversationId: `a:bench-chat-${n}`, lang: 'da' });
      }
      requesters.push(((performance.now() - began) * 1000) / requesterStep);
    }
    console.log(`    survey requesters (one survey, ${requesterStep} per block, one at a time): ${show(requesters)}`);

    const digests = new DigestService({
      subscriptions: app.subscriptions,
      outbox: await DigestOutbox.load(app.storage.journal<OutboxEvent>('digest-outbox')),
      sender: app.digestSender,
      compose: async () => ({ text: 'Ugens oversigt' }),
      limiter: new RateLimiter(1e6),
      schedule: { pattern: '0 8 * * 1', zone: 'Europe/Copenhagen' },
    });
    const began = performance.now();
    const summary = await digests.run(new Date('2025-02-10T09:00:00+01:00'), { force: true });
    const seconds = (performance.now() - began) / 1000;
    console.log(
      `    weekly digest to ${summary.sent} personal chats with Teams' pace lifted: ${(summary.sent / seconds).toFixed(0)} /s (${seconds.toFixed(0)} s; failed ${summary.failed}); ` +
        `Teams allows 30/s, so the run takes ${(summary.sent / 30 / 60).toFixed(1)} min at 1.0 × the limit   (goal ≥ 0.9 × 30/s)`,
    );
    await app.storage.close();
    // What start-up pays for them: replaying the records into memory (CPU time of this process).
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const reloaded = await fileStorage(dataDir).keyed('conversations').size();
    const cpu = process.cpuUsage(cpuBefore);
    console.log(
      `    loading ${reloaded} conversation references at start: ${(performance.now() - wallBefore).toFixed(0)} ms, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU ` +
        `(an idle start-up to the first answer takes about 1,000 ms: goal ≤ 10 % of it)`,
    );
  } finally {
    await connector.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await benchFlat();
  process.exit(0);
}
