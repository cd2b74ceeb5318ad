import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The survey link's token: which survey, until when, and which key signed it, signed with
 * HMAC-SHA256. A vendor outside Teams can open the form with it; nobody can make one for another
 * survey or stretch its life. The key's id (a hash of the key, not the key) tells a link signed with a
 * key the bot once used and no longer has ('stale': ask for a new one) from one that was altered, cut
 * or signed by anyone else ('forged').
 */
export type TokenCheck = { ok: true; surveyId: string; expiresAt: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'stale' };

export function signLinkToken(surveyId: string, expiresAt: Date, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ s: surveyId, e: Math.floor(expiresAt.getTime() / 1000), k: linkKeyId(secret) })).toString('base64url');
  return `${payload}.${signature(payload, secret)}`;
}

export function checkLinkToken(token: string, secret: string, now: Date, retiredKeyIds: readonly string[] = []): TokenCheck {
  const [payload, given, ...rest] = token.split('.');
  if (!payload || !given || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(signature(payload, secret));
  const actual = Buffer.from(given);
  const claims = claimsOf(payload);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    // Signed with a key the bot used before (SURVEY_LINK_SECRET changed): a true link, too old.
    return { ok: false, reason: typeof claims?.k === 'string' && retiredKeyIds.includes(claims.k) ? 'stale' : 'forged' };
  }
  if (claims === null) return { ok: false, reason: 'malformed' };
  if (typeof claims.s !== 'string' || typeof claims.e !== 'number') return { ok: false, reason: 'malformed' };
  if (claims.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, surveyId: claims.s, expiresAt: claims.e * 1000 };
}

function claimsOf(payload: string): { s?: unknown; e?: unknown; k?: unknown } | null {
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? claims : null;
  } catch {
    return null;
  }
}

/** A short public name of a key: the same key gives the same id, and the id does not give the key. */
export function linkKeyId(secret: string): string {
  return createHmac('sha256', secret).update('fki-survey-link-key-id').digest('base64url').slice(0, 10);
}

function signature(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
