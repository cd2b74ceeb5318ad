import { Cron } from 'croner';
import type { Schedule } from '../src/app/feature.js';
import type { Log } from '../src/log.js';
import type { Fence } from '../src/store/fence.js';
import { soleLeader, type Leadership } from '../src/store/storage.js';
import type { Clock } from '../src/time/clock.js';

/** Something that calls `tick` on a cron pattern in a zone (croner in the bot, a test's hand in tests). */
export type CronTimer = (pattern: string, zone: string, tick: () => Promise<void>) => { stop(): void; nextRun(): Date | null };

const croner: CronTimer = (pattern, zone, tick) => new Cron(pattern, { timezone: zone, protect: true }, tick);

/**
 * Runs the features' schedules: each on its cron in its zone, never overlapping itself, and only on
 * the instance that leads (with several instances on one database). Those that ask to run at start
 * also run when this instance becomes the leader, to do what the last leader left undone. A run that
 * fails is logged and tried again at its next time.
 *
 * "Never overlapping" is kept here, not left to croner's `protect`: a catch-up at start or election
 * must not run beside a cron run either. A tick that finds its schedule still running is skipped.
 */
export function startSchedules(
  schedules: readonly Schedule[],
  clock: Clock,
  log: Log,
  leadership: Leadership = soleLeader(),
  timer: CronTimer = croner,
): { stop(): void; idle(): Promise<void> } {
  const running = new Map<Schedule, Promise<void>>();
  const run = (schedule: Schedule, why: string): Promise<void> => {
    if (!leadership.isLeader()) return Promise.resolve();
    const under = running.get(schedule);
    if (under) {
      log.debug({ schedule: schedule.name, why }, 'still running from its last time: this time is skipped');
      return under;
    }
    const current = Promise.resolve()
      .then(() => schedule.run(clock.now()))
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error, schedule: schedule.name, why }, 'a scheduled run failed; tried again at its next time'),
      )
      .finally(() => running.delete(schedule));
    running.set(schedule, current);
    return current;
  };
  const jobs = schedules.map((schedule) => {
    const job = timer(schedule.cron, schedule.zone, () => run(schedule, 'schedule'));
    log.info({ schedule: schedule.name, cron: schedule.cron, zone: schedule.zone, next: job.nextRun()?.toISOString() }, 'scheduled');
    return job;
  });
  const catchUp = (why: string) => {
    for (const schedule of schedules) if (schedule.atStart) void run(schedule, why);
  };
  catchUp('start');
  leadership.onElected(() => catchUp('elected'));
  return {
    stop() {
      for (const job of jobs) job.stop();
    },
    /** Resolves once no run is under way (a graceful stop waits for what a feature's run still writes). */
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

/** Leads only while the fence holds: a bot that lost its data folder lock runs no schedule. */
export function fencedLeadership(leadership: Leadership, fence: Fence): Leadership {
  // Delegated one by one: a leadership may be a class, whose methods a spread would not copy.
  return {
    isLeader: () => fence.holds() && leadership.isLeader(),
    onElected: (listener) => leadership.onElected(listener),
    stop: () => leadership.stop(),
  };
}
