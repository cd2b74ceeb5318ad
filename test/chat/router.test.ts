import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { offlineRouter } from '../../src/app/offline.js';
import { adminOnly } from '../../src/chat/guards.js';
import { z } from 'zod';
import { errorBoundary } from '../../src/chat/pipeline.js';
import { Router } from '../../src/chat/router.js';
import { chatTurn } from '../../src/chat/turn.js';
import { captureLog } from '../support/logCapture.js';
import type { ChatTurn } from '../../src/chat/types.js';
import { loadConfig } from '../../src/config.js';
import { detectLanguage } from '../../src/i18n/language.js';
import { createLog } from '../../src/log.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import { splitWords } from '../../src/text/words.js';
import { fixedClock } from '../../src/time/clock.js';
import { starterData } from '../support/fixtures.js';

function turnOf(text: string): ChatTurn {
  return chatTurn(text, { lang: detectLanguage(text, splitWords(text)), conversation: { id: 'c' }, user: { id: 'u' } });
}

/** A card button pressed: the turn of an action with its verb and data. */
function actionTurn(verb: string, data: Record<string, unknown>, lang: 'da' | 'en' = 'da'): ChatTurn {
  return chatTurn('', { lang, event: { type: 'action', verb, data }, conversation: { id: 'c' }, user: { id: 'u' } });
}

describe('the router alone', () => {
  it('answers with the first phrase that matches, in registration order, else the fallback', async () => {
    const router = new Router();
    const seen: string[] = [];
    router.message((turn) => (turn.text.startsWith('a') ? 'first' : null), (_turn, match) => ({ text: match }));
    router.message((turn) => (turn.text.includes('a') ? 'second' : null), (_turn, match) => ({ text: match }));
    router.message((turn) => (seen.push(turn.text), null), () => ({ text: 'never' }));
    router.fallback(() => ({ text: 'fallback' }));
    assert.deepEqual(await router.route(turnOf('abc')), { reply: { text: 'first' }, understood: true });
    assert.deepEqual(await router.route(turnOf('bac')), { reply: { text: 'second' }, understood: true });
    assert.deepEqual(await router.route(turnOf('xyz')), { reply: { text: 'fallback' }, understood: false });
    assert.deepEqual(seen, ['xyz'], 'a later matcher is not even asked once an earlier one matched');
  });

  it('routes card verbs by name, refuses a verb registered twice, and answers an unknown verb politely', async () => {
    const router = new Router();
    router.action('x.do', z.object({}), () => ({ type: 'message', text: 'done' }));
    assert.throws(() => router.action('x.do', z.object({}), () => ({ type: 'message', text: 'again' })), /registered twice/);
    assert.deepEqual(await router.handleAction('x.do', {}, turnOf('')), { type: 'message', text: 'done' });
    const unknown = await router.handleAction('x.gone', {}, turnOf(''));
    assert.equal(unknown.type, 'error');
  });
});

describe('the router\'s middleware', () => {
  it('runs a route\'s guard before its handler, so that only administrators get through', async () => {
    const admins = { isAdmin: async (id: string | null) => id === 'admin' };
    const router = new Router();
    let ran = 0;
    const guard = { guard: adminOnly(admins, (lang) => (lang === 'da' ? 'gøre det' : 'do that')) };
    router.message((turn) => (turn.text === 'gør det' ? true : null), () => ((ran += 1), { text: 'gjort' }), guard);
    router.action('x.do', z.object({}), () => ((ran += 1), { type: 'message', text: 'gjort' }), guard);
    assert.deepEqual((await router.route(turnOf('gør det'))).reply, { text: 'Kun KOMBITs administratorer kan gøre det. Intet er ændret.' });
    assert.deepEqual(await router.handleAction('x.do', {}, { ...turnOf(''), lang: 'en' }), { type: 'message', text: "Only KOMBIT's administrators can do that. Nothing has changed." });
    assert.equal(ran, 0);
    const admin = { ...turnOf('gør det'), user: { id: 'u', name: null, aadObjectId: 'admin' } };
    assert.deepEqual((await router.route(admin)).reply, { text: 'gjort' });
    assert.equal(ran, 1);
  });

  it('turns a handler that fails into a polite reply through the error boundary, and logs it', async () => {
    const captured = captureLog();
    const router = new Router({ log: captured.log });
    router.message(() => true, () => {
      throw new Error('boom');
    });
    router.action('x.fail', z.object({}), async () => {
      throw new Error('bang');
    });
    const run = router.pipeline([errorBoundary(captured.log)]);
    const replied = await run(turnOf('hvad som helst'));
    assert.ok(replied.type === 'reply');
    assert.match(replied.reply.text, /Beklager, noget gik galt hos mig/);
    assert.deepEqual(await run(actionTurn('x.fail', {}, 'en')), { type: 'action', result: { type: 'message', text: 'Sorry, something went wrong on my side. Please try again shortly; the error has been logged.' } });
    assert.deepEqual(captured.entries.map((entry) => (entry.err as { message: string }).message), ['boom', 'bang']);
  });
});

describe('the order of the features', () => {
  let dataDir: string;
  let router: Router;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fki-router-'));
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', STATUS_PAGE_URL: 'https://status.example.test/' };
    ({ router } = await offlineRouter({ config: loadConfig(env), env, storage: memoryStorage(new MemoryRegistryStore(starterData())), clock: fixedClock('2025-02-10T09:00:00+01:00'), log: createLog('silent') }));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const cases: [string, RegExp][] = [
    ['tak', /Det var så lidt/],
    ['hjælp', /Sådan bruger du FKI Bot/],
    ['er FK ORG nede?', /status\.example\.test/],
    // A command that names a system or a deadline word is the command, not a question about it.
    ['spørg leverandøren om SAPA', /spørgeskema/],
    ['åbne forespørgsler', /Åbne forespørgsler/],
    ['synkroniser nu', /Kun KOMBITs administratorer/],
    ['abonner på oversigt', /oversigt/],
    // Deadline questions come before the switch answers, which take any system name.
    ['hvornår er fristen for K53?', /K53/],
    ['hvad sker der i uge 8?', /uge 8/i],
    ['hvornår skifter SAPA til CH2?', /SAPA skiftede til Context Handler 2/],
    ['hvad synes du om vejret', /Det forstod jeg ikke helt/],
  ];
  for (const [question, expected] of cases) {
    it(`"${question}"`, async () => {
      const { reply } = await router.route(turnOf(question));
      assert.match(reply.text, expected);
    });
  }
});
