import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Config } from '../src/config.js';

/**
 * May this caller see what is for operators (/metrics, the detailed /healthz with file names and
 * reasons)? With OPS_TOKEN set: only with `Authorization: Bearer <OPS_TOKEN>`. Without it: only when
 * the bot is in local mode on loopback, where nothing else is authenticated either.
 */
export function mayViewOperations(req: IncomingMessage, config: Pick<Config, 'opsToken' | 'opsOpenWithoutToken'>): boolean {
  if (config.opsToken === null) return config.opsOpenWithoutToken;
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return false;
  // Equal-length digests, so the comparison takes the same time whatever was sent.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(match[1]!), digest(config.opsToken));
}
