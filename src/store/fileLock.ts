import { mkdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../log.js';
import { FUTURE_SKEW_MS, newOwner, processIsAlive, provablyAlive, provablyDead, readOwner, type IsAlive, type LockOwner } from './lockOwner.js';
import { SerialQueue } from './serial.js';

/**
 * A lock that every process on the data folder respects (the bot, `cli import`, a second bot): a
 * directory `<file>.lock` made with mkdir (atomic), holding `owner.json` (host, pid, a token), its
 * date refreshed while held. Short work only: others wait for it.
 *
 * A lock whose holder is provably dead (same machine, process gone: a SIGKILL, a killed `cli import`)
 * is taken over at once. A lock dated in the future is not trusted (unless its holder is provably
 * alive here); one not refreshed for `staleMs` is taken over (a holder on another machine that died).
 */
export const SHORT_LOCK = {
  staleMs: 10_000,
  refreshMs: 2_000,
  /** How long to wait for a live holder before giving up. */
  waitMs: 15_000,
  minRetryMs: 5,
  maxRetryMs: 250,
} as const;

export interface FileLockOptions {
  log?: Log | undefined;
  isAlive?: IsAlive;
  now?: () => number;
}

/** One queue per file in this process: a process takes its own lock once at a time. */
const queues = new Map<string, SerialQueue>();
/** Tokens of locks this process holds now (to tell its own from one left by a past life with the same pid). */
const heldTokens = new Set<string>();
const heldHere = (token: string) => heldTokens.has(token);

/** The lock is held by someone else, and stayed so for as long as we waited. */
export class FileLockTimeoutError extends Error {
  readonly code = 'ELOCKED';
}

/** Runs `work` while holding the lock on `file`: one at a time in this process, and across processes. */
export function withFileLock<T>(file: string, work: () => Promise<T>, log?: Log, options: Omit<FileLockOptions, 'log'> = {}): Promise<T> {
  let queue = queues.get(file);
  if (!queue) {
    queue = new SerialQueue();
    queues.set(file, queue);
  }
  return queue.run(async () => {
    const release = await acquireFileLock(file, { ...options, log });
    try {
      return await work();
    } finally {
      await release();
    }
  });
}

/** Takes the lock on `file` (waiting for a live holder, taking over from a dead one); returns its release. */
export async function acquireFileLock(file: string, options: FileLockOptions = {}): Promise<() => Promise<void>> {
  const lockDir = `${file}.lock`;
  const now = options.now ?? Date.now;
  const isAlive = options.isAlive ?? processIsAlive;
  await mkdir(path.dirname(file), { recursive: true });
  const started = now();
  let delay: number = SHORT_LOCK.minRetryMs;
  for (;;) {
    const owner = newOwner(new Date(now()));
    if (await tryMake(lockDir, owner)) return holding(lockDir, owner, options.log);
    if (await takeOverIfAbandoned(lockDir, now(), isAlive, options.log)) continue;
    if (now() - started > SHORT_LOCK.waitMs) {
      throw new FileLockTimeoutError(`${path.basename(file)} stayed locked by another process for ${SHORT_LOCK.waitMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(SHORT_LOCK.maxRetryMs, delay * 2);
  }
}

/** Makes the lock directory with the owner file in it; false when it exists already. */
export async function tryMake(lockDir: string, owner: LockOwner): Promise<boolean> {
  try {
    await mkdir(lockDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  heldTokens.add(owner.token);
  await writeFile(path.join(lockDir, 'owner.json'), `${JSON.stringify(owner)}\n`);
  return true;
}

/** Keeps the lock's date fresh while held; the release removes it, if it is still ours. */
function holding(lockDir: string, owner: LockOwner, log?: Log): () => Promise<void> {
  const timer = setInterval(() => {
    const at = new Date();
    void utimes(lockDir, at, at).catch((error: unknown) => log?.warn({ err: error, lock: lockDir }, 'could not refresh a data file lock'));
  }, SHORT_LOCK.refreshMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    heldTokens.delete(owner.token);
    const current = await readOwner(path.join(lockDir, 'owner.json'));
    if (current?.token !== owner.token) {
      log?.error({ lock: lockDir, holder: current }, 'lost the lock on a data file while holding it');
      return;
    }
    await rm(lockDir, { recursive: true, force: true }).catch((error: unknown) => log?.warn({ err: error, lock: lockDir }, 'could not release the lock on a data file'));
  };
}

/**
 * Removes a lock left behind: its holder provably dead, or dated beyond now (not trusted) or stale,
 * with no holder provably alive. The lock is first renamed aside, so that of two processes taking
 * over at once only one removes it; a live lock renamed by mistake (taken anew in between) is put back.
 */
export async function takeOverIfAbandoned(lockDir: string, now: number, isAlive: IsAlive, log?: Log, staleMs: number = SHORT_LOCK.staleMs): Promise<boolean> {
  let mtime: number;
  try {
    mtime = (await stat(lockDir)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true; // released meanwhile: try again at once
    throw error;
  }
  const owner = await readOwner(path.join(lockDir, 'owner.json'));
  const dead = provablyDead(owner, isAlive, heldHere);
  const alive = provablyAlive(owner, isAlive, heldHere);
  const future = mtime > now + FUTURE_SKEW_MS;
  const stale = mtime < now - staleMs;
  // A lock just made has no owner file yet for a moment: only its age says it was abandoned.
  if (!dead && (alive || (!future && !stale))) return false;
  const aside = `${lockDir}.abandoned-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    await rename(lockDir, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const taken = await readOwner(path.join(aside, 'owner.json'));
  if (owner !== null && taken?.token !== owner.token) {
    // Between the look and the rename, another process took the lock anew: give it back.
    await rename(aside, lockDir).catch(() => undefined);
    return false;
  }
  await rm(aside, { recursive: true, force: true });
  const why = dead ? 'its holder is no longer running' : future ? 'it was dated in the future' : 'it was not refreshed';
  log?.warn({ lock: path.basename(lockDir), owner, why }, `took over a data file lock: ${why}`);
  return true;
}
