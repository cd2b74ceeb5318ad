import assert from 'node:assert/strict';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { HttpRoute } from '../../src/app/contributions.js';
import { defineFeature } from '../../src/app/feature.js';
import { FEATURES } from '../../src/app/features.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';

const APP_ID = '6a0f6d4e-2b1c-4f8e-9d3a-7c5b1e2f0a99';
const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const ADMIN = 'aaaaaaaa-0000-4000-8000-000000000001';
const PERSON = 'bbbbbbbb-0000-4000-8000-000000000002';
const OPS_TOKEN = 'ops-token-of-at-least-thirty-two-characters';
/** The bot's clock in BotHarness: tokens are valid or expired by it, not by the machine's. */
const NOW = Math.floor(Date.parse('2025-02-10T09:00:00+01:00') / 1000);

/** A feature of the test's own with one route of each access kind; each says who called. */
const echo = (route: Omit<HttpRoute, 'handle'>): HttpRoute => ({
  ...route,
  handle: async ({ caller, body }) => ({ status: 200, type: 'application/json', body: JSON.stringify({ caller, body: body ?? null }) }),
});
const probe = defineFeature({
  name: 'probe',
  routes: () => [
    echo({ method: 'GET', path: '/probe/public', access: 'public' }),
    echo({ method: 'GET', path: '/probe/sso', access: 'teams-sso' }),
    echo({ method: 'GET', path: '/probe/admin', access: 'admin' }),
    echo({ method: 'POST', path: '/probe/admin', access: 'admin' }),
  ],
});

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;

async function keySet(keys: Keys) {
  return createLocalJWKSet({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'teams', alg: 'RS256' }] });
}

/** A Teams SSO token as Entra ID issues it (v2), signed with `keys`; `claims` overrides any part. */
function token(keys: Keys, claims: JWTPayload = {}): Promise<string> {
  const tid = typeof claims.tid === 'string' ? claims.tid : TENANT;
  const standard = { iss: `https://login.microsoftonline.com/${tid}/v2.0`, aud: APP_ID, iat: NOW - 60, exp: NOW + 3600, tid, oid: PERSON, name: 'Alex Wilber' };
  return new SignJWT({ ...standard, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'teams' }).sign(keys.privateKey);
}

describe('the access of contributed routes: public, Teams SSO, admin, checked in one place', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let keys: Keys;
  let strangerKeys: Keys;

  const call = async (path: string, bearer?: string, init: RequestInit = {}) => {
    const response = await fetch(`${bot.server.url}${path}`, { ...init, headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(init.headers as Record<string, string>) } });
    const text = await response.text();
    return { status: response.status, challenge: response.headers.get('www-authenticate'), body: text.startsWith('{') ? (JSON.parse(text) as { caller?: { kind: string; aadObjectId?: string; admin?: boolean }; body?: unknown; error?: string }) : {} };
  };

  before(async () => {
    keys = await generateKeyPair('RS256');
    strangerKeys = await generateKeyPair('RS256');
    bot = await BotHarness.start({
      data: testData(),
      features: [...FEATURES, probe],
      ssoKeys: await keySet(keys),
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used', ALLOWED_TENANT_IDS: TENANT, ADMIN_AAD_OBJECT_IDS: ADMIN, OPS_TOKEN, MAX_BODY_BYTES: '2048' },
    });
  });
  after(async () => {
    await bot?.stop();
  });

  it('answers anyone on a public route, without asking who they are', async () => {
    const { status, body } = await call('/probe/public');
    assert.equal(status, 200);
    assert.deepEqual(body.caller, { kind: 'anonymous' });
  });

  it('lets a Teams sign-in through to a teams-sso route, with who it is', async () => {
    const { status, body } = await call('/probe/sso', await token(keys));
    assert.equal(status, 200);
    assert.deepEqual(body.caller, { kind: 'user', aadObjectId: PERSON, tenantId: TENANT, name: 'Alex Wilber', admin: false });
    const uri = await token(keys, { aud: `api://${new URL(bot.server.url).host}/${APP_ID}` });
    assert.equal((await call('/probe/sso', uri)).status, 200, 'the application ID URI as audience');
  });

  it('refuses a teams-sso route with 401 without a token that holds: none, forged, expired, for another app or tenant, or the ops token', async () => {
    const refused = {
      none: undefined,
      garbage: 'not.a.token',
      'signed by another key': await token(strangerKeys),
      'expired by the bot\'s clock': await token(keys, { exp: NOW - 600, iat: NOW - 4000 }),
      'for another app': await token(keys, { aud: '00000000-0000-4000-8000-0000000000ff' }),
      'from a tenant not allowed': await token(keys, { tid: OTHER_TENANT }),
      'issued by another tenant than it names': await token(keys, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
      'the ops token': OPS_TOKEN,
    };
    for (const [name, bearer] of Object.entries(refused)) {
      const { status, challenge, body } = await call('/probe/sso', bearer);
      assert.equal(status, 401, name);
      assert.equal(challenge, 'Bearer', name);
      assert.match(body.error ?? '', /Teams sign-in token/, name);
    }
  });

  it('lets an administrator (Teams sign-in) or the ops token through to an admin route, 403 for anyone else signed in, 401 without', async () => {
    const admin = await call('/probe/admin', await token(keys, { oid: ADMIN }));
    assert.equal(admin.status, 200);
    assert.deepEqual(admin.body.caller, { kind: 'user', aadObjectId: ADMIN, tenantId: TENANT, name: 'Alex Wilber', admin: true });
    const operator = await call('/probe/admin', OPS_TOKEN);
    assert.equal(operator.status, 200);
    assert.deepEqual(operator.body.caller, { kind: 'operator' });
    const person = await call('/probe/admin', await token(keys));
    assert.equal(person.status, 403);
    assert.match(person.body.error ?? '', /administrators/);
    for (const bearer of [undefined, 'wrong-token', await token(strangerKeys, { oid: ADMIN })]) {
      const { status, challenge } = await call('/probe/admin', bearer);
      assert.equal(status, 401);
      assert.equal(challenge, 'Bearer');
    }
    // The edge's own /metrics is an admin route too.
    assert.equal((await call('/metrics', await token(keys, { oid: ADMIN }))).status, 200);
    assert.equal((await call('/metrics', await token(keys))).status, 403);
  });

  it('reads a POST body only for a caller who may call, within MAX_BODY_BYTES', async () => {
    const post = (bearer: string | undefined, body: string) => call('/probe/admin', bearer, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const big = JSON.stringify({ text: 'x'.repeat(4096) });
    assert.equal((await post(undefined, big)).status, 401, 'refused before the body is read');
    assert.equal((await post(OPS_TOKEN, big)).status, 413);
    assert.equal((await post(OPS_TOKEN, '{"broken"')).status, 400);
    const fine = await post(OPS_TOKEN, '{"system":"SAPA"}');
    assert.equal(fine.status, 200);
    assert.deepEqual(fine.body.body, { system: 'SAPA' });
  });

  it('refuses to start when two features claim one route', async () => {
    const copy = defineFeature({ name: 'copy', routes: () => [echo({ method: 'GET', path: '/probe/public', access: 'public' })] });
    await assert.rejects(BotHarness.start({ data: testData(), features: [...FEATURES, probe, copy] }), /Two routes claim GET \/probe\/public/);
  });
});

describe('the access of contributed routes in local mode (no MicrosoftAppId, loopback only)', function () {
  this.timeout(60_000);

  it('opens teams-sso routes as /api/messages is open, and admin routes unless OPS_TOKEN is set', async () => {
    const open = await BotHarness.start({ data: testData(), features: [...FEATURES, probe] });
    try {
      for (const path of ['/probe/sso', '/probe/admin']) {
        const response = await fetch(`${open.server.url}${path}`);
        assert.equal(response.status, 200, path);
        assert.deepEqual(((await response.json()) as { caller: unknown }).caller, { kind: 'local' }, path);
      }
    } finally {
      await open.stop();
    }
    const withToken = await BotHarness.start({ data: testData(), features: [...FEATURES, probe], env: { OPS_TOKEN } });
    try {
      assert.equal((await fetch(`${withToken.server.url}/probe/sso`)).status, 200);
      assert.equal((await fetch(`${withToken.server.url}/probe/admin`)).status, 401);
      assert.equal((await fetch(`${withToken.server.url}/probe/admin`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } })).status, 200);
    } finally {
      await withToken.stop();
    }
  });
});
