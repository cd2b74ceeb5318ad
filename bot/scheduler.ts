import { Cron } from 'croner';
import type { Schedule } from '../src/app/feature.js';
import type { Log } from '../src/log.js';
import type { Clock } from '../src/time/clock.js';

/**
 * Runs the features' schedules: each on its cron in its zone, never overlapping itself, and once at
 * start when it asks to. A run that fails is logged and tried again at its next time.
 */
export function startSchedules(schedules: readonly Schedule[], clock: Clock, log: Log): { stop(): void } {
  const jobs = schedules.map((schedule) => {
    const run = (why: string) =>
      schedule.run(clock.now()).catch((error: unknown) => log.error({ err: error, schedule: schedule.name, why }, 'a scheduled run failed; tried again at its next time'));
    const job = new Cron(schedule.cron, { timezone: schedule.zone, protect: true }, () => void run('schedule'));
    if (schedule.atStart) void run('start');
    log.info({ schedule: schedule.name, cron: schedule.cron, zone: schedule.zone, next: job.nextRun()?.toISOString() }, 'scheduled');
    return job;
  });
  return {
    stop() {
      for (const job of jobs) job.stop();
    },
  };
}
