import { DATA_FILES } from './dataFiles.js';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { Log } from '../log.js';

/** Another bot already runs on the data folder. The message is the one line the operator reads. */
export class InstanceLockedError extends Error {}

interface Owner {
  pid: number;
  host: string;
  startedAt: string;
}

/**
 * One running bot per data folder: two would both send every digest and overwrite each other's files.
 * The lock is proper-lockfile's directory `DATA_DIR/bot.lock`, refreshed while the bot runs; a lock
 * left by a bot that died is taken over at once when it was on this machine (its process is gone), or
 * once it is stale (not refreshed for 30 s) when it was elsewhere.
 */
export async function lockDataFolder(dataDir: string, log: Log, now: () => Date = () => new Date()): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, DATA_FILES.instanceLock);
  const ownerFile = path.join(dataDir, DATA_FILES.instanceLockOwner);
  await mkdir(dataDir, { recursive: true });
  const attempt = () =>
    lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      stale: 30_000,
      update: 10_000,
      retries: 0,
      realpath: false,
      onCompromised: (error) => log.error({ err: error, lock: lockPath }, 'the data folder lock was taken away: another bot may be running on DATA_DIR'),
    });
  let release: () => Promise<void>;
  try {
    release = await attempt();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = await readOwner(ownerFile);
    if (owner === null || !leftByDeadProcess(owner)) {
      const who = owner ? `process ${owner.pid} on ${owner.host}, started ${owner.startedAt}` : 'another process';
      throw new InstanceLockedError(
        `Refusing to start: another FKI Bot (${who}) is running on DATA_DIR ${path.resolve(dataDir)}; stop it, or give this bot a DATA_DIR of its own.`,
      );
    }
    log.warn({ lock: lockPath, owner }, 'took over the data folder lock left by a bot that is no longer running');
    await rm(lockPath, { recursive: true, force: true });
    release = await attempt();
  }
  const me: Owner = { pid: process.pid, host: hostname(), startedAt: now().toISOString() };
  await writeFile(ownerFile, `${JSON.stringify(me)}\n`);
  return async () => {
    await rm(ownerFile, { force: true });
    await release();
  };
}

async function readOwner(file: string): Promise<Owner | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Owner;
  } catch {
    return null;
  }
}

function leftByDeadProcess(owner: Owner): boolean {
  if (owner.host !== hostname()) return false;
  // In a container the new bot may have the old one's pid (1): then the lock is its own from a past life.
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
