import { Cron } from 'croner';
import { DateTime } from 'luxon';

/**
 * When this week's digest is due: the first time the cron pattern fires in the ISO week (Monday to
 * Sunday in the zone) that holds `now`; null when it does not fire in that week.
 */
export function dueTimeOfWeek(pattern: string, zone: string, now: Date): Date | null {
  const weekStart = DateTime.fromJSDate(now, { zone }).startOf('week');
  const nextWeek = weekStart.plus({ weeks: 1 });
  const first = new Cron(pattern, { timezone: zone, paused: true }).nextRun(weekStart.minus({ milliseconds: 1 }).toJSDate());
  return first && first.getTime() < nextWeek.toMillis() ? first : null;
}

