import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The survey link's token: which survey, until when, signed with HMAC-SHA256. A vendor outside Teams
 * can open the form with it; nobody can make one for another survey or stretch its life.
 */
export type TokenCheck = { ok: true; surveyId: string; expiresAt: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export function signLinkToken(surveyId: string, expiresAt: Date, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ s: surveyId, e: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return `${payload}.${signature(payload, secret)}`;
}

export function checkLinkToken(token: string, secret: string, now: Date): TokenCheck {
  const [payload, given, ...rest] = token.split('.');
  if (!payload || !given || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(signature(payload, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: 'forged' };
  let claims: { s?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s?: unknown; e?: unknown };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.s !== 'string' || typeof claims.e !== 'number') return { ok: false, reason: 'malformed' };
  if (claims.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, surveyId: claims.s, expiresAt: claims.e * 1000 };
}

function signature(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
