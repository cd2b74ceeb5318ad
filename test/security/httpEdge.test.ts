import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { cardAction, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';
import { startBot, type RunningBot } from '../../bot/start.js';

interface Raw {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: Buffer | string;
  /** Send this many bytes of the body, then cut the connection. */
  cutAfter?: number;
}

/** One request as raw bytes with node:http; resolves with the status (0 when the connection was cut). */
function raw(url: string, { method = 'POST', path: target, headers = {}, body, cutAfter }: Raw): Promise<{ status: number; text: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = request(`${url}${target}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, text: '', ms: Date.now() - started }));
    });
    req.on('error', () => resolve({ status: 0, text: '', ms: Date.now() - started }));
    const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    if (cutAfter !== undefined && bytes) {
      req.write(bytes.subarray(0, cutAfter), () => setImmediate(() => req.destroy()));
      return;
    }
    req.end(bytes);
  });
}

const activity = JSON.stringify(personalMessage('http://127.0.0.1:9', 'hvornår skifter Aula?'));
const json = { 'content-type': 'application/json' };

type BadRequest = { name: string; request: Omit<Raw, 'path'>; status: number[] };
let made: BadRequest[] | null = null;

/** Every kind of bad body, with the 4xx it must get at once (made once: the bombs cost CPU to build). */
function badRequests(): BadRequest[] {
  // Spaces inflate about 1000:1: a small upload that would be 64 MB in memory.
  if (made) return made;
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
  made = [
    { name: 'gzip that is not gzip', request: { headers: { ...json, 'content-encoding': 'gzip' }, body: '{"type":"message"}' }, status: [400] },
    { name: 'deflate that is not deflate', request: { headers: { ...json, 'content-encoding': 'deflate' }, body: 'not deflate at all' }, status: [400] },
    { name: 'brotli that is not brotli', request: { headers: { ...json, 'content-encoding': 'br' }, body: 'not brotli' }, status: [400] },
    { name: 'a gzip bomb', request: { headers: { ...json, 'content-encoding': 'gzip' }, body: bomb }, status: [413] },
    { name: 'a deflate bomb', request: { headers: { ...json, 'content-encoding': 'deflate' }, body: deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20)) }, status: [413] },
    { name: 'truncated gzip', request: { headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(activity).subarray(0, 30) }, status: [400] },
    { name: 'truncated JSON', request: { headers: json, body: activity.slice(0, activity.length / 2) }, status: [400] },
    { name: 'an unknown encoding', request: { headers: { ...json, 'content-encoding': 'compress' }, body: activity }, status: [415] },
    { name: 'two encodings', request: { headers: { ...json, 'content-encoding': 'gzip, gzip' }, body: gzipSync(gzipSync(activity)) }, status: [415] },
    { name: 'the wrong content type', request: { headers: { 'content-type': 'text/plain' }, body: activity }, status: [415] },
    { name: 'a multipart body', request: { headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\n\r\n--x--' }, status: [415] },
    { name: 'UTF-16 JSON', request: { headers: { 'content-type': 'application/json; charset=utf-16le' }, body: Buffer.from(activity, 'utf16le') }, status: [415] },
    { name: 'bytes that are not UTF-8', request: { headers: json, body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }, status: [400] },
    { name: 'a body over the limit', request: { headers: json, body: `{"type":"message","text":"${'x'.repeat(300 * 1024)}"}` }, status: [413] },
    { name: 'a body over the limit without a length', request: { headers: { ...json, 'transfer-encoding': 'chunked' }, body: 'x'.repeat(400 * 1024) }, status: [413] },
    // Node answers 431 and closes at once; a client still writing may see the connection cut instead (0).
    { name: 'a huge header', request: { headers: { ...json, 'x-padding': 'x'.repeat(64 * 1024) }, body: activity }, status: [431, 0] },
    { name: 'JSON that is not an activity', request: { headers: json, body: '[1,2,3]' }, status: [400, 403, 404, 415] },
  ];
  return made;
}

async function answersHealth(url: string): Promise<void> {
  const health = await fetch(`${url}/healthz`);
  assert.ok(health.status === 200 || health.status === 503, `/healthz answered ${health.status}`);
}

describe('the HTTP edge: no request of any body, encoding, size or shape ends or stalls the bot', function () {
  this.timeout(120_000);

  for (const withAppId of [false, true]) {
    describe(withAppId ? 'with MicrosoftAppId set' : 'in local mode', () => {
      let bot: RunningBot;
      let dataDir: string;
      // An error no handler caught would end `npm start`'s process; here mocha would fail the test
      // it fell in, and this list says so where it is checked.
      const uncaught: unknown[] = [];
      const noteUncaught = (error: unknown) => uncaught.push(error);
      before(async () => {
        process.on('uncaughtExceptionMonitor', noteUncaught);
        dataDir = await mkdtemp(path.join(tmpdir(), 'fki-edge-'));
        bot = await startBot({
          env: {
            DATA_DIR: dataDir,
            HOST: '127.0.0.1',
            PORT: '0',
            LOG_LEVEL: 'silent',
            ...(withAppId ? { MicrosoftAppId: '00000000-0000-0000-0000-00000000b07', MicrosoftAppPassword: 'not-used' } : {}),
          },
        });
      });
      after(async () => {
        process.off('uncaughtExceptionMonitor', noteUncaught);
        await bot.stop();
        await rm(dataDir, { recursive: true, force: true });
      });

      for (const target of ['/api/messages', '/survey/not-a-token', '/healthz']) {
        it(`answers every bad body on ${target} with a 4xx at once, and keeps answering`, async () => {
          for (const bad of badRequests()) {
            const { status, ms } = await raw(bot.url, { ...bad.request, path: target });
            if (target === '/healthz') assert.ok(bad.status.includes(0) || (status >= 400 && status < 500), `${bad.name}: ${status}`);
            else assert.ok(bad.status.includes(status), `${bad.name} on ${target}: ${status}, expected ${bad.status.join(' or ')}`);
            assert.ok(ms < 5_000, `${bad.name} took ${ms} ms`);
            await answersHealth(bot.url);
          }
          assert.deepEqual(uncaught, [], 'the bot is still running: nothing went uncaught');
        });
      }

      it('survives a client that cuts the connection mid-body, and a GET with a broken gzip body', async () => {
        await raw(bot.url, { path: '/api/messages', headers: { ...json, 'content-length': 100_000 }, body: 'x'.repeat(1000), cutAfter: 500 });
        await raw(bot.url, { path: '/api/messages', headers: { ...json, 'content-encoding': 'gzip', 'content-length': 100_000 }, body: gzipSync(activity), cutAfter: 20 });
        const get = await raw(bot.url, { method: 'GET', path: '/healthz', headers: { ...json, 'content-encoding': 'gzip', 'content-length': 8 }, body: 'not gzip' });
        assert.ok(get.status === 200 || get.status === 503, `GET with a body: ${get.status}`);
        await answersHealth(bot.url);
        assert.deepEqual(uncaught, [], 'the bot is still running: nothing went uncaught');
      });
    });
  }
});

describe('the HTTP edge: good bodies in any accepted encoding, and invokes the bot does not know', function () {
  // Replies that cannot be delivered are retried (botbuilder's pipeline and the notifier) after the answer.
  this.timeout(90_000);
  let bot: BotHarness;
  before(async () => {
    bot = await BotHarness.start({ data: testData() });
  });
  after(async () => {
    await bot.stop();
  });

  it('answers an activity sent gzip-, deflate- or brotli-compressed', async () => {
    const { brotliCompressSync } = await import('node:zlib');
    const body = JSON.stringify(personalMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?'));
    for (const [encoding, bytes] of [['gzip', gzipSync(body)], ['deflate', deflateSync(body)], ['br', brotliCompressSync(body)]] as const) {
      bot.connector.clear();
      const { status } = await raw(bot.server.url, { path: '/api/messages', headers: { ...json, 'content-encoding': encoding }, body: bytes });
      assert.equal(status, 200, encoding);
      await bot.settled();
      assert.match(JSON.stringify(bot.connector.sentTo('a:personal-chat-alex')), /SAPA skiftede til Context Handler 2/, encoding);
    }
  });

  it('answers a message at once when its reply cannot be delivered (no serviceUrl, a connector that is down)', async () => {
    const cannotReply = [
      { ...personalMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?'), serviceUrl: undefined },
      personalMessage('http://127.0.0.1:9', 'hvornår skifter SAPA til CH2?'),
    ];
    // A card action that posts a card besides its response: the response must not wait for the post.
    cannotReply.push({ ...cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }), serviceUrl: undefined });
    for (const activity of cannotReply) {
      const started = Date.now();
      const response = await fetch(`${bot.server.url}/api/messages`, { method: 'POST', headers: json, body: JSON.stringify(activity) });
      const elapsed = Date.now() - started;
      assert.equal(response.status, 200);
      // Teams re-sends what it has no answer to within 15 s; the old bot held the request ~13 s retrying.
      assert.ok(elapsed < 2_000, `the request was held ${elapsed} ms`);
    }
    await bot.settled();
    assert.ok(bot.logged.entries.some((entry) => /unhandled error in turn|a turn failed/.test(String(entry.msg))), 'the failed reply is logged');
    // And it goes on answering.
    bot.connector.clear();
    await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?'));
    assert.equal(bot.connector.sentTo('a:personal-chat-alex').length, 1);
  });

  it('answers an invoke it has no handler for with a clear 400, not 501', async () => {
    for (const name of ['task/fetch', 'signin/verifyState', 'config/fetch', 'something/unknown']) {
      const { status, body } = await bot.post({ ...personalMessage(bot.serviceUrl, ''), type: 'invoke', name, value: {} });
      assert.equal(status, 400, name);
      assert.match(JSON.stringify(body), /FKI Bot does not handle the invoke/, name);
    }
  });
});
