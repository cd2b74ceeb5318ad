import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../src/time/clock.js';

/** Entra ID's signing keys for every tenant (v1 and v2 tokens are signed with the same keys). */
const ENTRA_KEYS = new URL('https://login.microsoftonline.com/common/discovery/v2.0/keys');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Clocks of Entra ID and this server may differ a little. */
const CLOCK_SKEW_SECONDS = 300;

export interface SsoUser {
  aadObjectId: string;
  tenantId: string;
  name: string | null;
}

export interface SsoSettings {
  /** The bot's app id (MicrosoftAppId): the token must be for it. */
  appId: string;
  /** PUBLIC_BASE_URL: the application ID URI is `api://HOST/APP_ID`. */
  publicBaseUrl: string;
  /** When not empty, only these tenants. */
  allowedTenantIds: readonly string[];
  clock: Clock;
  /** The keys tokens are checked against; Entra ID's published keys unless a test gives its own. */
  keys?: JWTVerifyGetKey;
}

/**
 * Checks a Teams single sign-on token (what `microsoftTeams.authentication.getAuthToken()` gives a
 * tab): signed by Entra ID, for this app (audience `APP_ID` or `api://HOST/APP_ID`), issued by the
 * tenant the token names (v1 or v2 issuer), from an allowed tenant, valid now by the injected clock.
 * Returns the person, or null for any token that does not hold (never throws for a bad token).
 */
export function teamsSsoVerifier(settings: SsoSettings): { verify(token: string): Promise<SsoUser | null> } {
  const keys = settings.keys ?? createRemoteJWKSet(ENTRA_KEYS);
  const audience = [settings.appId, `api://${new URL(settings.publicBaseUrl).host}/${settings.appId}`];
  const tenants = new Set(settings.allowedTenantIds.map((id) => id.toLowerCase()));
  return {
    async verify(token) {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys, { algorithms: ['RS256'], audience, currentDate: settings.clock.now(), clockTolerance: CLOCK_SKEW_SECONDS }));
      } catch (error) {
        // A bad, expired or foreign token is a refusal; Entra's keys out of reach is an outage.
        if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) return null;
        throw error;
      }
      const tenantId = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
      const aadObjectId = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
      if (!GUID.test(tenantId) || !GUID.test(aadObjectId)) return null;
      const issuers = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
      if (!issuers.includes(String(payload.iss).toLowerCase())) return null;
      if (tenants.size > 0 && !tenants.has(tenantId)) return null;
      return { aadObjectId, tenantId, name: typeof payload.name === 'string' ? payload.name.slice(0, 200) : null };
    },
  };
}
