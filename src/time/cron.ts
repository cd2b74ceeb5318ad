import { Cron } from 'croner';
import { z } from 'zod';

/** Throws with a readable reason when a cron pattern or zone is invalid. */
export function checkSchedule(pattern: string, zone: string): void {
  new Cron(pattern, { timezone: zone, paused: true }).nextRun();
}

/** A cron pattern in a feature's settings, refused at start when croner cannot read it. */
export const cronSetting = z.string().refine(
  (pattern) => {
    try {
      checkSchedule(pattern, 'UTC');
      return true;
    } catch {
      return false;
    }
  },
  { error: 'is not a valid cron pattern' },
);
