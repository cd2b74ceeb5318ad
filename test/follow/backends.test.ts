import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSchedules, type CronTimer } from '../../bot/scheduler.js';
import { createLog } from '../../src/log.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import type { Storage } from '../../src/store/storage.js';
import { ManualClock } from '../../src/time/clock.js';
import { personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cliInProcess } from '../support/cli.js';
import { starterData } from '../support/fixtures.js';
import { freshDatabase } from '../support/postgres.js';
import { until } from '../support/until.js';
import { ALEX_CHAT, ask, BO_CHAT, boMessage, followMessages, importChanges, moveSapa, runSchedule } from './support.js';

interface Backend {
  name: string;
  open(): Promise<{ env: Record<string, string>; storage?: Storage; restarts: boolean; done(): Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'files in DATA_DIR',
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'fki-follow-files-'));
      return { env: { DATA_DIR: dir }, restarts: true, done: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      return { env: { DATABASE_URL: await freshDatabase() }, restarts: true, done: async () => {} };
    },
  },
  {
    name: 'memory',
    async open() {
      return { env: {}, storage: memoryStorage(new MemoryRegistryStore(starterData())), restarts: false, done: async () => {} };
    },
  },
];

for (const backend of BACKENDS) {
  describe(`Følg on ${backend.name}`, function () {
    this.timeout(60_000);

    it('keeps follows and deliveries in the journal: one message per person and run, none again after a restart, counts for the CLI', async () => {
      const clock = new ManualClock('2025-02-10T09:00:00+01:00');
      const { env, storage, restarts, done } = await backend.open();
      const start = () => BotHarness.start({ data: starterData(), clock, env, ...(env.DATA_DIR ? { dataDir: env.DATA_DIR } : {}), ...(storage ? { storage } : {}) });
      let bot = await start();
      try {
        await ask(bot, 'følg SAPA');
        await ask(bot, 'follow K53', 'bo', 'en-GB');
        await importChanges(bot, (data) => moveSapa(data, '2025-03-04', '2025-02-25'));
        await runSchedule(bot, 'follow: changes to followers', clock.now());
        await runSchedule(bot, 'follow: changes to followers', clock.now());
        assert.equal(followMessages(bot, ALEX_CHAT).length, 1);
        assert.deepEqual(followMessages(bot, BO_CHAT), ['A change in something you follow\n• SAPA K53: deadline 18 February 2025 → 25 February 2025 (source: import)']);

        const cliEnv = { DATA_DIR: bot.dataDir, ...env };
        const stats = await cliInProcess(['follows', 'stats'], cliEnv, clock, storage ? { storage } : {});
        assert.equal(stats.stdout, '2 people follow 2 items\n1\tsystem\tSAPA\n1\ttask\tSAPA K53\n');

        if (restarts) {
          await bot.stop();
          bot = await start();
          // Both write first: the restarted bot's stand-in Teams is a new one.
          assert.match(await ask(bot, 'hvad følger jeg?'), /^Du følger 1 ting:\n• SAPA \(system\)/);
          await ask(bot, 'what do I follow?', 'bo', 'en-GB');
          await runSchedule(bot, 'follow: changes to followers', clock.now());
          await runSchedule(bot, 'follow: morning run', clock.now());
          assert.deepEqual(followMessages(bot, ALEX_CHAT), [], 'nothing is sent twice after a restart');
          assert.deepEqual(followMessages(bot, BO_CHAT), []);
        }
      } finally {
        await bot.stop();
        await done();
      }
    });
  });
}

describe('Følg with two instances on one PostgreSQL database', function () {
  this.timeout(90_000);

  it('queues each change once, the leader alone sends, and the next leader sends only what is new', async () => {
    const clock = new ManualClock('2025-02-10T09:00:00+01:00');
    const url = await freshDatabase();
    const env = { DATABASE_URL: url, LEADER_POLL_SECONDS: '0.2' };
    const dataDir = await mkdtemp(path.join(tmpdir(), 'fki-follow-two-'));
    const a = await BotHarness.start({ data: starterData(), clock, env });
    const b = await BotHarness.start({ data: starterData(), clock, env });
    // The scheduler as bot/start.ts runs it, with a hand on each cron instead of the clock.
    const ticks = new Map<BotHarness, Map<string, () => Promise<void>>>();
    const timerOf = (bot: BotHarness): CronTimer => (pattern, _zone, tick) => {
      const mine = ticks.get(bot) ?? new Map<string, () => Promise<void>>();
      mine.set(pattern, tick);
      ticks.set(bot, mine);
      return { stop: () => {}, nextRun: () => null };
    };
    const log = createLog('silent');
    const followSchedules = (bot: BotHarness) => bot.app.schedules.filter((schedule) => schedule.name.startsWith('follow:'));
    const leaderA = await a.app.storage.leadership();
    const leaderB = await b.app.storage.leadership();
    assert.deepEqual([leaderA.isLeader(), leaderB.isLeader()], [true, false]);
    const running = [startSchedules(followSchedules(a), clock, log, leaderA, timerOf(a)), startSchedules(followSchedules(b), clock, log, leaderB, timerOf(b))];
    const everyMinute = async (...bots: BotHarness[]) => {
      for (const bot of bots) await ticks.get(bot)?.get('* * * * *')?.();
      for (const bot of bots) await bot.settled();
    };
    /** An import by `cli import`, another process: each instance hears of it when it next reads the registry. */
    const importFromCli = async (csv: string, ...bots: BotHarness[]) => {
      const file = path.join(dataDir, 'import.csv');
      await writeFile(file, csv);
      const imported = await cliInProcess(['import', file], { DATA_DIR: dataDir, DATABASE_URL: url }, clock);
      assert.equal(imported.code, 0, imported.stderr);
      for (const bot of bots) {
        bot.app.registry.invalidate();
        await bot.app.registry.current();
        await bot.app.registry.delivered();
      }
    };
    const allTo = (conversationId: string) => [...followMessages(a, conversationId), ...followMessages(b, conversationId)];
    let stopped = false;
    try {
      // Alex talks to one instance, Bo to the other: one bot to both of them.
      await ask(a, 'følg SAPA');
      await b.post(boMessage(b.serviceUrl, 'følg SAPA'));

      await importFromCli('name;ch2Date;status\nSAPA;2025-03-04;planned\n', a, b);
      await everyMinute(a, b);
      assert.deepEqual(allTo(ALEX_CHAT), ['2 ændringer i det du følger\n• SAPA: status skiftet → planlagt (kilde: import)\n• SAPA: CH2-dato 21. januar 2025 → 4. marts 2025 (kilde: import)']);
      assert.equal(allTo(BO_CHAT).length, 1, 'Bo is told once, by the leader');
      await everyMinute(a, b);
      assert.equal(allTo(ALEX_CHAT).length + allTo(BO_CHAT).length, 2, 'nothing twice');

      // The leader goes; the other takes over and sends what is new, nothing of before.
      await a.stop();
      stopped = true;
      await until(() => leaderB.isLeader(), 'the second instance leads', 10_000);
      clock.set('2025-02-10T10:00:00+01:00');
      await b.post(personalMessage(b.serviceUrl, 'hvad følger jeg?'));
      await importFromCli('name;ch2Date;status\nSAPA;2025-03-11;planned\n', b);
      await everyMinute(b);
      assert.deepEqual(followMessages(b, ALEX_CHAT), ['Ændring i noget du følger\n• SAPA: CH2-dato 4. marts 2025 → 11. marts 2025 (kilde: import)']);
      assert.equal(followMessages(b, BO_CHAT).length, 2, "Bo's: the first change (sent by the first leader, to her chat with this instance) and this one");
    } finally {
      for (const schedules of running) schedules.stop();
      if (!stopped) await a.stop();
      await b.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
