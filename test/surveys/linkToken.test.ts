import assert from 'node:assert/strict';
import { checkLinkToken, signLinkToken } from '../../src/surveys/linkToken.js';

const SECRET = 'a-secret-for-the-tests-of-32-chars!!';
const NOW = new Date('2026-11-29T10:00:00Z');
const IN_30_DAYS = new Date(NOW.getTime() + 30 * 86_400_000);

describe('survey link tokens', () => {
  it('name their survey until they expire', () => {
    const token = signLinkToken('survey-1', IN_30_DAYS, SECRET);
    assert.deepEqual(checkLinkToken(token, SECRET, NOW), { ok: true, surveyId: 'survey-1', expiresAt: Math.floor(IN_30_DAYS.getTime() / 1000) * 1000 });
    assert.deepEqual(checkLinkToken(token, SECRET, new Date(IN_30_DAYS.getTime() + 1000)), { ok: false, reason: 'expired' });
  });

  it('refuse a token signed with another secret, or one whose survey or expiry was changed', () => {
    const token = signLinkToken('survey-1', IN_30_DAYS, SECRET);
    assert.deepEqual(checkLinkToken(token, 'another-secret-of-32-characters!!!!', NOW), { ok: false, reason: 'forged' });
    const [, signature] = token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ s: 'survey-2', e: Math.floor(IN_30_DAYS.getTime() / 1000) + 999_999 })).toString('base64url');
    assert.deepEqual(checkLinkToken(`${otherPayload}.${signature}`, SECRET, NOW), { ok: false, reason: 'forged' });
  });

  it('refuse what is not a token', () => {
    for (const token of ['', 'abc', 'a.b.c', '.', 'x.']) assert.equal(checkLinkToken(token, SECRET, NOW).ok, false, token);
  });
});
