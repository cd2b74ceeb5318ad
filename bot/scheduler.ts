import { Cron } from 'croner';
import type { Schedule } from '../src/app/feature.js';
import type { Log } from '../src/log.js';
import { soleLeader, type Leadership } from '../src/store/storage.js';
import type { Clock } from '../src/time/clock.js';

/**
 * Runs the features' schedules: each on its cron in its zone, never overlapping itself, and only on
 * the instance that leads (with several instances on one database). Those that ask to run at start
 * also run when this instance becomes the leader, to do what the last leader left undone. A run that
 * fails is logged and tried again at its next time.
 */
export function startSchedules(schedules: readonly Schedule[], clock: Clock, log: Log, leadership: Leadership = soleLeader()): { stop(): void } {
  const run = (schedule: Schedule, why: string) => {
    if (!leadership.isLeader()) return;
    void schedule.run(clock.now()).catch((error: unknown) => log.error({ err: error, schedule: schedule.name, why }, 'a scheduled run failed; tried again at its next time'));
  };
  const jobs = schedules.map((schedule) => {
    const job = new Cron(schedule.cron, { timezone: schedule.zone, protect: true }, () => run(schedule, 'schedule'));
    log.info({ schedule: schedule.name, cron: schedule.cron, zone: schedule.zone, next: job.nextRun()?.toISOString() }, 'scheduled');
    return job;
  });
  const catchUp = (why: string) => {
    for (const schedule of schedules) if (schedule.atStart) run(schedule, why);
  };
  catchUp('start');
  leadership.onElected(() => catchUp('elected'));
  return {
    stop() {
      for (const job of jobs) job.stop();
    },
  };
}
