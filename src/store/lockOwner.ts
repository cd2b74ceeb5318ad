import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Who holds a lock: written by the holder, read by whoever finds the lock taken. */
export interface LockOwner {
  pid: number;
  host: string;
  /** Unique per acquisition: tells this holder's lock from the next one's. */
  token: string;
  startedAt: string;
}

/** How far in the future a lock's date may lie (clocks of one machine agree; a little slack for the file system). */
export const FUTURE_SKEW_MS = 10_000;

export function newOwner(now: Date): LockOwner {
  return { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), startedAt: now.toISOString() };
}

export async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const owner = value as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as LockOwner) : null;
  } catch {
    return null;
  }
}

/** Is a process alive? Injected by tests; the bot asks the kernel (signal 0 checks without sending). */
export type IsAlive = (pid: number) => boolean;

export const processIsAlive: IsAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
};

/**
 * The owner is provably gone: it ran on this machine and its process no longer exists. (A lock from
 * another machine is never provably dead: it is taken over only once stale.) In a container the new
 * process may have the old one's pid: a lock naming this very pid, but not taken by this process, is
 * from a past life.
 */
export function provablyDead(owner: LockOwner | null, isAlive: IsAlive = processIsAlive, heldHere: (token: string) => boolean = () => false): boolean {
  if (owner === null || owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return !heldHere(owner.token);
  return !isAlive(owner.pid);
}

/** The owner is provably running: on this machine, process alive (and not this process from a past life). */
export function provablyAlive(owner: LockOwner | null, isAlive: IsAlive = processIsAlive, heldHere: (token: string) => boolean = () => false): boolean {
  if (owner === null || owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return heldHere(owner.token);
  return isAlive(owner.pid);
}
