import { DATA_FILES } from './dataFiles.js';
import { mkdir, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../log.js';
import type { Fence } from './fence.js';
import { takeOverIfAbandoned, tryMake } from './fileLock.js';
import { newOwner, processIsAlive, readOwner, type IsAlive, type LockOwner } from './lockOwner.js';

/** Another bot already runs on the data folder. The message is the one line the operator reads. */
export class InstanceLockedError extends Error {}

/** Not refreshed for this long, a lock from another machine is taken over. */
export const INSTANCE_LOCK_STALE_MS = 30_000;
/** How often the holder refreshes the lock and checks that it is still its own. */
export const INSTANCE_LOCK_REFRESH_MS = 10_000;

/** The data folder lock while this bot holds it: a fence that every send checks. */
export interface InstanceLock extends Fence {
  /** Refreshes the lock, or finds it lost (taken by another bot): the timer's work, callable by tests. */
  check(): Promise<boolean>;
  release(): Promise<void>;
}

export interface InstanceLockOptions {
  now?: () => Date;
  isAlive?: IsAlive;
  /** Starts the refresh timer; a test passes its own and calls `check` by hand. */
  every?: (ms: number, tick: () => void) => { stop(): void };
}

const realTimer = (ms: number, tick: () => void) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};

/**
 * One running bot per data folder: two would both send every digest and overwrite each other's files.
 * The lock is the directory `DATA_DIR/bot.lock` with `owner.json` (host, pid, token) in it, refreshed
 * every 10 s. A lock left by a bot that died on this machine (its process gone) is taken over at once;
 * one from another machine (or container) once not refreshed for 30 s; one dated in the future is not
 * trusted unless its holder is provably alive here.
 *
 * A bot frozen for longer than that may find, when it wakes, that another bot took the lock over. It
 * then holds no more: every send checks `holds()` and sends nothing, the error is logged and /healthz
 * answers 503, so the new bot is the only one that sends.
 */
export async function lockDataFolder(dataDir: string, log: Log, options: InstanceLockOptions = {}): Promise<InstanceLock> {
  const now = options.now ?? (() => new Date());
  const isAlive = options.isAlive ?? processIsAlive;
  const lockDir = path.join(dataDir, DATA_FILES.instanceLock);
  const ownerFile = path.join(lockDir, 'owner.json');
  await mkdir(dataDir, { recursive: true });
  const me = newOwner(now());
  while (!(await tryMake(lockDir, me))) {
    if (await takeOverIfAbandoned(lockDir, now().getTime(), isAlive, log, INSTANCE_LOCK_STALE_MS)) continue;
    const owner = await readOwner(ownerFile);
    const who = owner ? `process ${owner.pid} on ${owner.host}, started ${owner.startedAt}` : 'another process';
    throw new InstanceLockedError(
      `Refusing to start: another FKI Bot (${who}) is running on DATA_DIR ${path.resolve(dataDir)}; stop it, or give this bot a DATA_DIR of its own.`,
    );
  }
  // Older versions kept the owner beside the lock: gone with them.
  await rm(path.join(dataDir, DATA_FILES.instanceLockOwner), { force: true });

  let lost: string | null = null;
  let released = false;
  const loseTo = (holder: LockOwner | null, why: string) => {
    if (lost !== null) return;
    lost = `this bot lost the data folder lock (${why}): it sends nothing more; stop it and leave DATA_DIR to the bot that holds the lock`;
    log.error({ lock: DATA_FILES.instanceLock, holder, me }, lost);
  };
  const check = async (): Promise<boolean> => {
    if (lost !== null || released) return lost === null;
    const holder = await readOwner(ownerFile);
    if (holder?.token !== me.token) {
      loseTo(holder, holder ? `now held by process ${holder.pid} on ${holder.host}` : 'the lock was removed');
      return false;
    }
    try {
      const at = now();
      await utimes(lockDir, at, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') loseTo(null, 'the lock was removed');
      else log.warn({ err: error, lock: DATA_FILES.instanceLock }, 'could not refresh the data folder lock');
    }
    return lost === null;
  };
  const timer = (options.every ?? realTimer)(INSTANCE_LOCK_REFRESH_MS, () => void check());
  return {
    holds: () => lost === null,
    problem: () => lost,
    check,
    async release() {
      timer.stop();
      released = true;
      if (lost !== null) return;
      if ((await readOwner(ownerFile))?.token === me.token) await rm(lockDir, { recursive: true, force: true });
    },
  };
}

