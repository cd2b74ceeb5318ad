import { ConfigError, type Config } from '../src/config.js';
import { RegistryUnreadableError } from '../src/store/fileRegistryStore.js';
import { InstanceLockedError } from '../src/store/instanceLock.js';

/** What the operator can do about it, per Node error code of the start's failure. */
const BY_CODE: Record<string, (config: Config) => string> = {
  EADDRINUSE: (c) => `Port ${c.port} on ${c.host} is already in use: stop what uses it, or set PORT to a free port.`,
  EADDRNOTAVAIL: (c) => `This machine has no address ${c.host}: set HOST to one of its addresses (or leave it empty).`,
  EACCES: (c) => `Permission denied (port ${c.port}, or DATA_DIR "${c.dataDir}"): use a port above 1023, or give the bot write access to DATA_DIR.`,
  EPERM: (c) => `The bot may not write to DATA_DIR "${c.dataDir}": give it write access, or set DATA_DIR to a folder it may write.`,
  EROFS: (c) => `DATA_DIR "${c.dataDir}" is on a read-only disk: set DATA_DIR to a writable folder.`,
  ENOTDIR: (c) => `DATA_DIR "${c.dataDir}" is not a folder (a file is in its way): set DATA_DIR to a folder.`,
  ENOSPC: (c) => `The disk of DATA_DIR "${c.dataDir}" is full: free some space, then start the bot again.`,
  EDQUOT: (c) => `The disk quota of DATA_DIR "${c.dataDir}" is used up: free some space, then start the bot again.`,
};

/** Network failures that mean the database cannot be reached. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/**
 * One line for the operator that says what failed at start and what to do, never a stack trace or a
 * secret (a DATABASE_URL's password is never repeated). `config` is null when it could not be read.
 */
export function startFailureLine(error: unknown, config: Config | null): string {
  if (error instanceof ConfigError || error instanceof InstanceLockedError || error instanceof RegistryUnreadableError) return oneLine(error.message);
  const code = codeOf(error);
  if (config?.databaseUrl && code !== undefined) {
    const where = databaseAddress(config.databaseUrl);
    if (UNREACHABLE.has(code)) return `Cannot reach the database at ${where}: start PostgreSQL, or correct DATABASE_URL, then start the bot again.`;
    // PostgreSQL's own refusals: 28xxx authentication, 3D000 no such database.
    if (/^28/.test(code)) return `The database at ${where} refused the login: check the user and password in DATABASE_URL.`;
    if (code === '3D000') return `The database named in DATABASE_URL does not exist at ${where}: create it, or correct DATABASE_URL.`;
  }
  const known = code === undefined || config === null ? undefined : BY_CODE[code];
  if (known && config) return known(config);
  const message = error instanceof Error ? error.message : String(error);
  return `The bot could not start: ${oneLine(message)}. Start it with LOG_LEVEL=debug for the details.`;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  // Node reports a connection tried on several addresses as an AggregateError without its own code.
  const inner = (error as { errors?: unknown }).errors;
  return Array.isArray(inner) ? inner.map(codeOf).find((candidate) => candidate !== undefined) : codeOf((error as { cause?: unknown }).cause);
}

function databaseAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim().slice(0, 500);
}
