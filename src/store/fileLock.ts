import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { Log } from '../log.js';
import { SerialQueue } from './serial.js';

/**
 * A lock that every process on the data folder respects (the bot, `cli import`, a second bot):
 * proper-lockfile's lock directory beside the file, kept fresh while held and taken over once stale
 * (a holder that crashed). Short work only: others wait for it.
 */
const SHORT_LOCK = {
  stale: 10_000,
  realpath: false,
  // Up to about 15 s of waiting, which outlasts a stale lock left by a crashed holder.
  retries: { retries: 60, factor: 1.3, minTimeout: 10, maxTimeout: 500 },
} as const;

/** One queue per file in this process: proper-lockfile refuses a second lock on a file it holds. */
const queues = new Map<string, SerialQueue>();

/** Runs `work` while holding the lock on `file`: one at a time in this process, and across processes. */
export function withFileLock<T>(file: string, work: () => Promise<T>, log?: Log): Promise<T> {
  let queue = queues.get(file);
  if (!queue) {
    queue = new SerialQueue();
    queues.set(file, queue);
  }
  return queue.run(async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const release = await lockfile.lock(file, {
      ...SHORT_LOCK,
      onCompromised: (error) => log?.error({ err: error, file }, 'lost the lock on a data file while holding it'),
    });
    try {
      return await work();
    } finally {
      await release().catch((error: unknown) => log?.warn({ err: error, file }, 'could not release the lock on a data file'));
    }
  });
}
