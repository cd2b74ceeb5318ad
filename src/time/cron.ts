import { Cron } from 'croner';

/** Throws with a readable reason when a cron pattern or zone is invalid. */
export function checkSchedule(pattern: string, zone: string): void {
  new Cron(pattern, { timezone: zone, paused: true }).nextRun();
}
