import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../src/config.js';

/** Request headers by lower-case name, as node:http gives them. */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The token of `Authorization: Bearer TOKEN`, or null. */
export function bearerOf(headers: RequestHeaders): string | null {
  const header = headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/** Whether `token` is OPS_TOKEN (never when none is set). */
export function isOpsToken(token: string | null, config: Pick<Config, 'opsToken'>): boolean {
  if (token === null || config.opsToken === null) return false;
  // Equal-length digests, so the comparison takes the same time whatever was sent.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(token), digest(config.opsToken));
}

/**
 * May this caller see what is for operators (/metrics, the detailed /healthz with file names and
 * reasons)? With OPS_TOKEN set: only with `Authorization: Bearer <OPS_TOKEN>`. Without it: only when
 * the bot is in local mode on loopback, where nothing else is authenticated either.
 */
export function mayViewOperations(req: { headers: RequestHeaders }, config: Pick<Config, 'opsToken' | 'opsOpenWithoutToken'>): boolean {
  if (config.opsToken === null) return config.opsOpenWithoutToken;
  return isOpsToken(bearerOf(req.headers), config);
}
