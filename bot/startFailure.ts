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

/** What kind of failure stopped the start: stable codes a caller (a test, a supervisor) can tell apart. */
export type StartErrorCode =
  | 'CONFIG'
  | 'STORE_LOCKED'
  | 'REGISTRY_UNREADABLE'
  | 'PORT_IN_USE'
  | 'ADDRESS'
  | 'DATA_DIR'
  | 'DISK_FULL'
  | 'DATABASE'
  | 'UNKNOWN';

/** A start that failed; its message is the one line for the operator, the original error its cause. */
export class StartError extends Error {
  override readonly name = 'StartError';
  constructor(
    readonly code: StartErrorCode,
    line: string,
    options?: { cause?: unknown },
  ) {
    super(line, options);
  }
}

/** The StartError for what made the start fail; `config` is null when it could not be read. */
export function startFailure(error: unknown, config: Config | null): StartError {
  if (error instanceof StartError) return error;
  return new StartError(startErrorCode(error, config), startFailureLine(error, config), { cause: error });
}

const CODE_BY_NODE_CODE: Record<string, StartErrorCode> = {
  EADDRINUSE: 'PORT_IN_USE',
  EADDRNOTAVAIL: 'ADDRESS',
  EACCES: 'DATA_DIR',
  EPERM: 'DATA_DIR',
  EROFS: 'DATA_DIR',
  ENOTDIR: 'DATA_DIR',
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
};

function startErrorCode(error: unknown, config: Config | null): StartErrorCode {
  if (error instanceof ConfigError) return 'CONFIG';
  if (error instanceof InstanceLockedError) return 'STORE_LOCKED';
  if (error instanceof RegistryUnreadableError) return 'REGISTRY_UNREADABLE';
  const code = codeOf(error);
  if (code === undefined) return 'UNKNOWN';
  if (config?.databaseUrl && (UNREACHABLE.has(code) || /^28/.test(code) || code === '3D000')) return 'DATABASE';
  return CODE_BY_NODE_CODE[code] ?? 'UNKNOWN';
}

/**
 * For the entry points: prints a failed start's one line on stderr (the original error too at
 * LOG_LEVEL=debug or trace) and gives the exit code to end with.
 */
export function reportStartFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): number {
  const failure = startFailure(error, null);
  if (env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace') console.error(failure.cause);
  console.error(failure.message);
  return 1;
}

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
