import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import path from 'node:path';
import { cardAction } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';
import { runNode } from '../support/process.js';
import { StartError, startFailureLine, type StartErrorCode } from '../../bot/startFailure.js';
import { startBot } from '../../bot/start.js';
import { loadConfig } from '../../src/config.js';
import { temporaryFolderPerSuite } from '../support/tempFolder.js';

const OPS_TOKEN = 'ops-token-of-at-least-32-characters-long!';
const APP = { MicrosoftAppId: '00000000-0000-0000-0000-00000000b07', MicrosoftAppPassword: 'not-used' };

describe('no internal details to outsiders', function () {
  this.timeout(60_000);

  it('tells a vendor "not saved, try again" when the store is down, in Danish and English, with what they wrote kept', async () => {
    const bot = await BotHarness.start({ data: testData() });
    try {
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const link = /svare her: (http[^\s"\\]+)/.exec(JSON.stringify(bot.connector.calls.at(-1)?.activity))![1]!;
      bot.app.surveys.submit = async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:55432');
      };
      for (const [url, said] of [[link, /Svaret blev ikke gemt.*Prøv at sende igen/], [`${link}?lang=en`, /Your answer was not saved.*try sending it again/]] as const) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ nonce: 'n1', status: 'planned', ch2Date: '2026-03-03', vendor: 'Eksempel A/S' }),
        });
        const html = await response.text();
        assert.equal(response.status, 503);
        assert.match(html, said);
        assert.doesNotMatch(html, /ECONNREFUSED|127\.0\.0\.1|55432/);
        assert.match(html, /value="2026-03-03"/, 'the date the vendor typed is kept');
        assert.match(html, /name="nonce" value="n1"/, 'sending again is the same delivery');
      }
    } finally {
      await bot.stop();
    }
  });

  it('shows only ok or not-ok on /healthz, and closes /metrics, to a caller without the operations token', async () => {
    const bot = await BotHarness.start({ data: testData(), env: { ...APP, OPS_TOKEN } });
    try {
      const anonymous = await fetch(`${bot.server.url}/healthz`);
      assert.equal(anonymous.status, 200);
      assert.deepEqual(await anonymous.json(), { ok: true });
      const metrics = await fetch(`${bot.server.url}/metrics`);
      assert.equal(metrics.status, 401);
      assert.doesNotMatch(await metrics.text(), /fki_/);
      assert.equal((await fetch(`${bot.server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token' } })).status, 401);

      const operator = { authorization: `Bearer ${OPS_TOKEN}` };
      const detailed = (await (await fetch(`${bot.server.url}/healthz`, { headers: operator })).json()) as { registry?: unknown; journals?: unknown };
      assert.ok(detailed.registry && detailed.journals, 'the operator sees the parts');
      const scraped = await fetch(`${bot.server.url}/metrics`, { headers: operator });
      assert.equal(scraped.status, 200);
      assert.match(await scraped.text(), /fki_answers_total|# TYPE/);
    } finally {
      await bot.stop();
    }
  });

  it('keeps the details closed with an app id even when no operations token is set', async () => {
    const bot = await BotHarness.start({ data: testData(), env: APP });
    try {
      assert.deepEqual(await (await fetch(`${bot.server.url}/healthz`)).json(), { ok: true });
      assert.equal((await fetch(`${bot.server.url}/metrics`)).status, 401);
    } finally {
      await bot.stop();
    }
  });
});

describe('a start that fails says what to do in one line', function () {
  this.timeout(60_000);
  const dataFolder = temporaryFolderPerSuite('start');

  /** Starts the bot in this process; the StartError it throws (a bot that did start is stopped, and fails the test). */
  const failedStart = async (env: Record<string, string>): Promise<StartError> => {
    const started = await startBot({ env: { DATA_DIR: dataFolder.path, PORT: '0', LOG_LEVEL: 'silent', ...env } }).then(
      async (bot) => {
        await bot.stop();
        return null;
      },
      (error: unknown) => error,
    );
    assert.ok(started instanceof StartError, `the start should have failed with a StartError: ${String(started)}`);
    return started;
  };
  const oneLine = (failure: StartError, code: StartErrorCode, said: RegExp) => {
    assert.equal(failure.code, code);
    assert.doesNotMatch(failure.message, /[\r\n]/, 'one line');
    assert.doesNotMatch(failure.message, /^\s+at /m, 'no stack trace');
    assert.match(failure.message, said);
  };

  it('ends `npm start`\'s process with exit code 1 and only the one line on stderr', async () => {
    const run = await runNode('bot/main.ts', [], { DATA_DIR: dataFolder.path, PORT: 'not-a-port', LOG_LEVEL: 'info' });
    assert.equal(run.code, 1);
    const lines = run.stderr.split('\n').filter((line) => line.trim() !== '' && !/DEP0111|trace-deprecation/.test(line));
    assert.equal(lines.length, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
    assert.match(lines[0]!, /Invalid configuration: PORT/);
  });

  it('when the database cannot be reached', async () => {
    // A port nothing listens on.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const failure = await failedStart({ DATABASE_URL: `postgres://fki:secret-password@127.0.0.1:${port}/fki` });
    oneLine(failure, 'DATABASE', new RegExp(`Cannot reach the database at 127\\.0\\.0\\.1:${port}: start PostgreSQL, or correct DATABASE_URL`));
    assert.doesNotMatch(failure.message, /secret-password/);
  });

  it('when a setting is invalid, or the port is in use', async () => {
    oneLine(await failedStart({ PORT: 'not-a-port' }), 'CONFIG', /Invalid configuration: PORT/);
    oneLine(await failedStart({ OPS_TOKEN: 'short' }), 'CONFIG', /OPS_TOKEN must be at least 32 characters/);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = busy.address() as { port: number };
      oneLine(await failedStart({ PORT: String(port) }), 'PORT_IN_USE', new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      busy.close();
    }
    // The data folder lock of the failed starts was released: a bot starts on the same folder.
    const bot = await startBot({ env: { DATA_DIR: dataFolder.path, PORT: '0', LOG_LEVEL: 'silent' } });
    await bot.stop();
  });

  it('when DATA_DIR cannot be written', async () => {
    // A file where the folder should be: no folder can be made there, even by root.
    const file = path.join(dataFolder.path, 'a-file');
    await (await import('node:fs/promises')).writeFile(file, 'x');
    oneLine(await failedStart({ DATA_DIR: path.join(file, 'data') }), 'DATA_DIR', /DATA_DIR .* is not a folder \(a file is in its way\): set DATA_DIR to a folder\./);
  });

  it('names a full disk, and never repeats the database password', () => {
    const config = loadConfig({ DATA_DIR: '/srv/fki/data', DATABASE_URL: 'postgres://fki:secret-password@db.example:5433/fki' });
    const diskFull = Object.assign(new Error("ENOSPC: no space left on device, write '/srv/fki/data/registry.json'"), { code: 'ENOSPC' });
    assert.equal(startFailureLine(diskFull, config), 'The disk of DATA_DIR "/srv/fki/data" is full: free some space, then start the bot again.');
    const refused = Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })]), {});
    const line = startFailureLine(refused, config);
    assert.match(line, /^Cannot reach the database at db\.example:5433/);
    assert.doesNotMatch(line, /secret-password/);
    assert.match(startFailureLine(Object.assign(new Error('password authentication failed for user "fki"'), { code: '28P01' }), config), /refused the login: check the user and password/);
  });
});
