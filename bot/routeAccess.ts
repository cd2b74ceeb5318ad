import type { Caller, RouteAccess } from '../src/app/contributions.js';
import type { Config } from '../src/config.js';
import { bearerOf, isOpsToken, type RequestHeaders } from './opsAccess.js';
import type { SsoUser } from './teamsSso.js';

export interface AccessDeps {
  config: Pick<Config, 'opsToken' | 'opsOpenWithoutToken'>;
  /** Checks a Teams SSO token; null when no MicrosoftAppId is set (no token can be for this bot). */
  sso: { verify(token: string): Promise<SsoUser | null> } | null;
  isAdmin(aadObjectId: string): Promise<boolean>;
}

export type AccessDecision = { ok: true; caller: Caller } | { ok: false; status: 401 | 403; error: string };

const NEEDS_SSO = 'This needs Authorization: Bearer <a Teams sign-in token for this app>.';
const NEEDS_ADMIN = "This needs Authorization: Bearer <OPS_TOKEN>, or a Teams sign-in token of one of KOMBIT's administrators.";

/**
 * The one place a route's access kind is enforced (see RouteAccess). 401: no credentials that hold;
 * 403: a valid Teams sign-in of someone who is not an administrator, on an admin route. Local mode
 * (no MicrosoftAppId, loopback only): `teams-sso` is open as /api/messages is, and `admin` follows
 * OPS_TOKEN when one is set, as /metrics always has.
 */
export async function authorize(access: RouteAccess, headers: RequestHeaders, deps: AccessDeps): Promise<AccessDecision> {
  if (access === 'public') return { ok: true, caller: { kind: 'anonymous' } };
  const token = bearerOf(headers);
  if (access === 'admin') {
    if (isOpsToken(token, deps.config)) return { ok: true, caller: { kind: 'operator' } };
    if (deps.config.opsToken === null && deps.config.opsOpenWithoutToken) return { ok: true, caller: { kind: 'local' } };
    const user = token === null || deps.sso === null ? null : await deps.sso.verify(token);
    if (user === null) return { ok: false, status: 401, error: NEEDS_ADMIN };
    if (!(await deps.isAdmin(user.aadObjectId))) return { ok: false, status: 403, error: "Only KOMBIT's administrators may do this." };
    return { ok: true, caller: { kind: 'user', ...user, admin: true } };
  }
  if (deps.sso === null) {
    return deps.config.opsOpenWithoutToken ? { ok: true, caller: { kind: 'local' } } : { ok: false, status: 401, error: `${NEEDS_SSO} Set MicrosoftAppId.` };
  }
  const user = token === null ? null : await deps.sso.verify(token);
  if (user === null) return { ok: false, status: 401, error: NEEDS_SSO };
  return { ok: true, caller: { kind: 'user', ...user, admin: await deps.isAdmin(user.aadObjectId) } };
}
