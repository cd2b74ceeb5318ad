import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exampleDataOptions, playgroundBanner, PLAYGROUND_USER } from '../../bot/playgroundSetup.js';
import { startBot } from '../../bot/start.js';
import { FEATURES } from '../../src/app/features.js';
import { exampleDataMark } from '../../src/exampleData/feature.js';
import { exampleRegistryData } from '../../src/registry/exampleData.js';
import { BOT, cardAction, personalMessage, TENANT_ID, USER } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { cliInProcess } from '../support/cli.js';
import { StandInConnector } from '../support/connector.js';
import { TEST_TODAY } from '../support/fixtures.js';
import { freePort } from '../support/freePort.js';

const textOf = (activity: Record<string, unknown> | undefined) => JSON.stringify(activity ?? {});

describe('the Playground on example data', function () {
  this.timeout(60_000);

  describe('its example data, through /api/messages', () => {
    let bot: BotHarness;
    before(async () => {
      // As bot/playground.ts starts it: the example registry, dated around the tests' today (10 February 2025), and the mark.
      bot = await BotHarness.start({ data: exampleRegistryData(TEST_TODAY), features: [...FEATURES, exampleDataMark] });
    });
    after(async () => {
      await bot?.stop();
    });

    it('answers from dates around today, and says "Eksempeldata" in the reply and on top of its card', async () => {
      await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter Eksempel Booking til CH2?'));
      const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1)!;
      const card = (reply.attachments as { content: { body: { text?: string }[]; fallbackText: string } }[])[0]!.content;
      assert.match(String(card.body[0]?.text), /^Eksempeldata: systemer, leverandører og datoer er opdigtede/, 'first on the card');
      assert.match(card.fallbackText, /19\. februar 2025/, 'nine days after today');
      assert.match(card.fallbackText, /\nEksempeldata: /, 'and in the text');
      assert.doesNotMatch(String(reply.summary), /Eksempeldata/, "the notification's preview is the answer");
      assert.deepEqual(cardProblems(card), []);
    });

    it('marks what comes back from a card button, and the compose-box search, in English too', async () => {
      const action = await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Eksempel Portal', lang: 'en' }));
      assert.match(JSON.stringify(action.body), /Eksempeldata \(example data\)/);
      const search = await bot.post({
        type: 'invoke', name: 'composeExtension/query', id: randomUUID(), channelId: 'msteams', serviceUrl: bot.serviceUrl, from: USER, recipient: BOT,
        conversation: { id: '19:channel-x@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID }, channelData: { tenant: { id: TENANT_ID } },
        value: { commandId: 'systems', parameters: [{ name: 'query', value: 'Eksempel Journal' }], queryOptions: { skip: 0, count: 25 } },
      });
      const attachments = (search.body as { composeExtension: { attachments: { content: { body: { text?: string }[] } }[] } }).composeExtension.attachments;
      assert.ok(attachments.length > 0);
      for (const attachment of attachments) assert.match(String(attachment.content.body[0]?.text), /^Eksempeldata/);
    });

    it('opens the weekly digest with an "Eksempeldata" section', async () => {
      await bot.post(personalMessage(bot.serviceUrl, 'vis ugens oversigt'));
      const digest = bot.connector.sentTo('a:personal-chat-alex').at(-1)!;
      const card = (digest.attachments as { content: { fallbackText: string } }[])[0]!.content;
      assert.match(card.fallbackText, /^Eksempeldata\n  - Eksempeldata: systemer, leverandører og datoer er opdigtede/m, "the digest's own section");
    });

    it('marks every row of the tab\'s data as example data', async () => {
      const body = (await (await fetch(`${bot.server.url}/api/overview`)).json()) as { systems: { example: boolean }[]; deadlines: { example: boolean }[] };
      assert.ok(body.systems.length > 0 && body.systems.every((s) => s.example));
      assert.ok(body.deadlines.length > 0 && body.deadlines.every((d) => d.example));
    });
  });

  describe('only in the Playground', () => {
    let dataDir: string;
    beforeEach(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'fki-example-'));
    });
    afterEach(async () => {
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    });

    it('is on in the Playground unless PLAYGROUND_EXAMPLE_DATA=0, with its state in a folder of its own', () => {
      const on = exampleDataOptions({ DATA_DIR: dataDir }, new Date('2025-02-10T09:00:00+01:00'));
      assert.equal(on?.dataDir, path.join(dataDir, 'eksempeldata'));
      assert.equal(on?.options.env?.DATA_DIR, path.join(dataDir, 'eksempeldata'));
      assert.equal(on?.options.env?.DATABASE_URL, '', 'never in the real database');
      assert.ok(on?.options.app?.features?.includes(exampleDataMark));
      assert.equal(exampleDataOptions({ DATA_DIR: dataDir, PLAYGROUND_EXAMPLE_DATA: '0' }, new Date()), null);
      assert.ok(!FEATURES.includes(exampleDataMark), 'not in the app\'s feature list');
    });

    it('is never loaded by the bot (npm start\'s startBot) or the CLI, even with PLAYGROUND_EXAMPLE_DATA=1', async () => {
      const connector = await new StandInConnector().start();
      const env = { DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'silent', PLAYGROUND_EXAMPLE_DATA: '1', SURVEY_LINK_SECRET: 'test-secret-of-at-least-32-characters!' };
      const bot = await startBot({ env });
      try {
        const { systems } = await bot.app.registry.current();
        assert.ok(systems.some((s) => s.name === 'SAPA'), 'the shipped facts');
        assert.ok(!systems.some((s) => s.source === 'Eksempeldata'));
        await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(personalMessage(connector.url, 'hvornår skifter SAPA til CH2?')) });
        await bot.app.turns.idle();
        await bot.app.notifier.idle();
        const reply = connector.sentTo('a:personal-chat-alex').at(-1);
        assert.match(textOf(reply), /21\. januar 2025/);
        assert.doesNotMatch(textOf(reply), /Eksempeldata/);
      } finally {
        await bot.stop();
        await connector.stop();
      }
      const cli = await cliInProcess(['ask', 'hvornår skifter Eksempel Booking til CH2?'], { DATA_DIR: dataDir, PLAYGROUND_EXAMPLE_DATA: '1' });
      assert.doesNotMatch(cli.stdout, /Eksempeldata|19\. februar/);
      assert.match((await cliInProcess(['ask', 'hvornår skifter SAPA til CH2?'], { DATA_DIR: dataDir, PLAYGROUND_EXAMPLE_DATA: '1' })).stdout, /21\. januar 2025/);
    });
  });

  describe('its banner', () => {
    const facts = { botUrl: 'http://127.0.0.1:3978', playgroundUrl: 'http://localhost:56150', publicBaseUrl: 'http://localhost:3978', userIsAdmin: false, exampleDataDir: 'data/eksempeldata' };

    it('prints where to chat, the tab, the feed with its Outlook link, the survey form, and the id to make an administrator', () => {
      const banner = playgroundBanner(facts);
      assert.match(banner, /Open the Playground to chat with it: http:\/\/localhost:56150\n/);
      assert.match(banner, /The overview tab \(CH2-overblik\): http:\/\/127\.0\.0\.1:3978\/tab\//);
      assert.match(banner, /The calendar feed: +http:\/\/localhost:3978\/calendar\/deadlines\.ics/);
      assert.match(banner, /subscribe in Outlook: +https:\/\/outlook\.office\.com\/calendar\/0\/addfromweb\?url=https%3A%2F%2Flocalhost%3A3978%2Fcalendar%2Fdeadlines\.ics/);
      assert.match(banner, /The survey form: +http:\/\/localhost:3978\/survey\//);
      assert.match(banner, new RegExp(`ADMIN_AAD_OBJECT_IDS=${PLAYGROUND_USER.aadObjectId} npm run playground`));
      assert.match(banner, /Example data \("Eksempeldata"\)/);
      assert.match(banner, /PLAYGROUND_EXAMPLE_DATA=0/);
    });

    it('says when the Playground user already approves, and which data it runs on', () => {
      const banner = playgroundBanner({ ...facts, userIsAdmin: true, exampleDataDir: null });
      assert.match(banner, /Alex Wilber \(00000000-0000-0000-0000-0000000000020\) is an administrator/);
      assert.doesNotMatch(banner, /ADMIN_AAD_OBJECT_IDS=/);
      assert.match(banner, /The registry in DATA_DIR/);
    });
  });
});
