import { Cron } from 'croner';
import type { Config } from '../src/config.js';
import type { DigestService } from '../src/digest/service.js';
import type { Log } from '../src/log.js';
import type { Clock } from '../src/time/clock.js';

/**
 * The digest's clock: a run at DIGEST_CRON, and one every DIGEST_RETRY_MINUTES that sends what is
 * still due this week (a missed Monday after downtime, channels whose delivery failed). Runs that
 * find nothing to do cost a look at the outbox. Also runs once at start.
 */
export function startDigestSchedule(digests: DigestService, config: Config, clock: Clock, log: Log): { stop(): void } {
  const run = (why: string) => digests.run(clock.now()).catch((error: unknown) => log.error({ err: error, why }, 'weekly digest run failed'));
  const options = { timezone: config.digest.zone, protect: true };
  const weekly = new Cron(config.digest.cron, options, () => void run('schedule'));
  const retries = new Cron(`*/${config.digest.retryMinutes} * * * *`, options, () => void run('catch-up'));
  void run('start');
  log.info({ cron: config.digest.cron, zone: config.digest.zone, next: weekly.nextRun()?.toISOString() }, 'weekly digest scheduled');
  return {
    stop() {
      weekly.stop();
      retries.stop();
    },
  };
}

/** SYNC_CRON (default hourly): keeps the registry in step with KOMBIT's list, when it is configured. */
export function startSyncSchedule(syncNow: (lang: 'da' | 'en') => Promise<string | null>, pattern: string, zone: string, log: Log): { stop(): void } {
  const job = new Cron(pattern, { timezone: zone, protect: true }, () => {
    void syncNow('da').catch((error: unknown) => log.error({ err: error }, 'scheduled sync with the list failed; tried again at the next run'));
  });
  log.info({ cron: pattern, next: job.nextRun()?.toISOString() }, 'sync with KOMBIT\'s list scheduled');
  return { stop: () => job.stop() };
}
