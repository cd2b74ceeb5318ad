import assert from 'node:assert/strict';
import { DigestOutbox, type OutboxEvent } from '../../src/digest/outbox.js';
import { RateLimiter } from '../../src/digest/rateLimiter.js';
import { DigestService, type DigestSender } from '../../src/digest/service.js';
import { Journal } from '../../src/store/journal.js';
import { ManualClock } from '../../src/time/clock.js';
import { channelMessage, installation, personalMessage, TEAM_ID } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import type { InjectedFailure } from '../support/connector.js';
import { starterData } from '../support/fixtures.js';
import path from 'node:path';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
// Monday 17 February 2025, week 8; the digest is due at 08:00 Copenhagen time (07:00 UTC).
const SUNDAY = '2025-02-16T12:00:00Z';
const MONDAY_BEFORE = '2025-02-17T06:30:00Z';
const MONDAY_AFTER = '2025-02-17T07:05:00Z';

type Sent = Record<string, unknown> & { summary?: string; text?: string; attachments?: { content: { fallbackText?: string } }[] };
const isDigest = (activity: Record<string, unknown>) =>
  /Ugens oversigt|This week's digest/.test(String((activity as Sent).summary ?? (activity as Sent).text ?? ''));
const digestsTo = (bot: BotHarness, conversationId: string) => (bot.connector.sentTo(conversationId) as Sent[]).filter(isDigest);
const lastText = (bot: BotHarness, conversationId: string) => {
  const activity = bot.connector.sentTo(conversationId).at(-1) as Sent | undefined;
  return String(activity?.attachments?.[0]?.content.fallbackText ?? activity?.text ?? '');
};

describe('the weekly digest, subscribed and sent', () => {
  let bot: BotHarness;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(SUNDAY);
    bot = await BotHarness.start({ data: starterData(), clock, env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('subscribes and unsubscribes a conversation, in the language of the command', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'subscribe digest'));
    assert.match(lastText(bot, 'a:personal-chat-alex'), /now gets the weekly digest every Monday/);
    assert.equal((await bot.app.subscriptions.get('a:personal-chat-alex'))?.lang, 'en');
    await bot.post(personalMessage(bot.serviceUrl, 'subscribe digest'));
    assert.match(lastText(bot, 'a:personal-chat-alex'), /already gets the weekly digest/);
    await bot.post(personalMessage(bot.serviceUrl, 'stop oversigt'));
    assert.match(lastText(bot, 'a:personal-chat-alex'), /får ikke længere ugens oversigt/);
    assert.equal(await bot.app.subscriptions.get('a:personal-chat-alex'), undefined);
    await bot.post(personalMessage(bot.serviceUrl, 'stop oversigt'));
    assert.match(lastText(bot, 'a:personal-chat-alex'), /får ikke ugens oversigt/);

    const post = channelMessage(bot.serviceUrl, 'abonner på oversigt');
    await bot.post(post);
    const channelId = (post.conversation as { id: string }).id;
    assert.equal((await bot.app.subscriptions.get(channelId))?.lang, 'da');
  });

  it("subscribes a team's General channel on install, and forgets it on uninstall", async () => {
    await bot.post(installation(bot.serviceUrl, 'channel'));
    assert.equal((await bot.app.subscriptions.get(TEAM_ID))?.source, 'install');
    await bot.post(installation(bot.serviceUrl, 'channel', 'remove'));
    assert.equal(await bot.app.subscriptions.get(TEAM_ID), undefined);
    assert.equal(await bot.app.conversations.get(TEAM_ID), undefined);
  });

  it('sends nothing before the due time, then once per week: not again that week, again the next', async () => {
    await bot.post(installation(bot.serviceUrl, 'channel'));
    clock.set(MONDAY_BEFORE);
    assert.equal((await bot.app.digests.run(clock.now())).due, false);
    assert.equal(digestsTo(bot, TEAM_ID).length, 0);

    clock.set(MONDAY_AFTER);
    const first = await bot.app.digests.run(clock.now());
    assert.deepEqual([first.week, first.sent], ['2025-W08', 1]);
    const [digest] = digestsTo(bot, TEAM_ID);
    assert.match(String(digest!.attachments![0]!.content.fallbackText), /SAPA K53: .* · Frist: tirsdag 18\. februar \(i morgen\)/);
    assert.deepEqual(cardProblems(digest!.attachments![0]!.content), []);

    clock.set('2025-02-19T10:00:00Z');
    assert.deepEqual(await bot.app.digests.run(clock.now()), { week: '2025-W08', due: true, sent: 0, failed: 0, gone: 0, already: 1, notYet: 0, failures: [] });
    clock.set('2025-02-24T07:01:00Z');
    assert.equal((await bot.app.digests.run(clock.now())).sent, 1);
    assert.equal(digestsTo(bot, TEAM_ID).length, 2);
  });

  it('catches up a Monday missed while the bot was down, and never sends last week\'s', async () => {
    await bot.post(installation(bot.serviceUrl, 'channel'));
    // Down from Sunday the 9th until Wednesday the 19th: week 7's digest was never sent.
    clock.set('2025-02-19T09:00:00Z');
    const summary = await bot.app.digests.run(clock.now());
    assert.deepEqual([summary.week, summary.sent], ['2025-W08', 1]);
    const [digest] = digestsTo(bot, TEAM_ID);
    assert.match(String(digest!.summary), /uge 8, 2025/);
    assert.equal(digestsTo(bot, TEAM_ID).length, 1, 'only this week\'s');
  });

  it('starts a conversation that subscribed after the due time with next week\'s digest', async () => {
    clock.set('2025-02-18T09:00:00Z');
    await bot.post(personalMessage(bot.serviceUrl, 'abonner på oversigt'));
    assert.equal((await bot.app.digests.run(clock.now())).notYet, 1);
    assert.equal(digestsTo(bot, 'a:personal-chat-alex').length, 0);
  });

  it('shows the preview to the asker only, and lets only an administrator send it now', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'vis ugens oversigt'));
    assert.match(lastText(bot, 'a:personal-chat-alex'), /Ugens oversigt — uge 7, 2025/);
    const post = channelMessage(bot.serviceUrl, 'digest preview');
    await bot.post(post);
    await bot.settled();
    const channelId = (post.conversation as { id: string }).id;
    assert.match(lastText(bot, channelId), /I have sent you this week's digest in our private chat/);
    assert.match(lastText(bot, 'a:personal-chat-alex'), /This week's digest — week 7, 2025/);

    await bot.post(installation(bot.serviceUrl, 'channel'));
    await bot.post(personalMessage(bot.serviceUrl, 'send oversigten nu'));
    assert.match(lastText(bot, 'a:personal-chat-alex'), /Kun KOMBITs administratorer kan sende oversigten/);
    const adminChat = { id: 'a:admin-chat', conversationType: 'personal' };
    await bot.post(personalMessage(bot.serviceUrl, 'send oversigten nu', { from: ADMIN, conversation: adminChat }));
    await bot.app.digests.idle();
    await bot.settled();
    assert.equal(digestsTo(bot, TEAM_ID).length, 1);
    // The run goes on in the background, so its summary may reach the chat before or after the turn's
    // own "Jeg sender ugens oversigt nu": both must be there.
    const adminTexts = bot.connector.sentTo('a:admin-chat').map((activity) => String((activity as Sent).text ?? ''));
    assert.ok(adminTexts.some((text) => /Jeg sender ugens oversigt nu/.test(text)), adminTexts.join('\n'));
    assert.ok(adminTexts.some((text) => /Ugens oversigt: 1 sendt, 0 havde den allerede, 0 mislykkedes/.test(text)), adminTexts.join('\n'));
  });

  it('sends nothing twice after a crash halfway through a run', async () => {
    for (let n = 0; n < 10; n += 1) await bot.post(installation(bot.serviceUrl, 'channel', 'add', `19:team-${n}@thread.tacv2`));
    clock.set(MONDAY_AFTER);
    const outboxFile = path.join(bot.dataDir, 'digest-outbox.jsonl');
    const build = (sender: DigestSender) =>
      DigestOutbox.load(new Journal<OutboxEvent>(outboxFile)).then(
        (outbox) =>
          new DigestService({
            subscriptions: bot.app.subscriptions,
            outbox,
            sender,
            compose: async () => ({ text: 'Ugens oversigt — test', summary: 'Ugens oversigt — test' }),
            limiter: new RateLimiter(1000),
            schedule: { pattern: '0 8 * * 1', zone: 'Europe/Copenhagen' },
            concurrency: 1,
          }),
      );
    let sends = 0;
    const crashing: DigestSender = {
      async send(conversationId, reply) {
        if (sends === 4) throw new Error('the process died');
        sends += 1;
        return bot.app.digestSender.send(conversationId, reply);
      },
    };
    await assert.rejects((await build(crashing)).run(clock.now()), /the process died/);
    const resumed = await (await build(bot.app.digestSender)).run(clock.now());
    assert.deepEqual([resumed.sent, resumed.already], [6, 4]);
    for (let n = 0; n < 10; n += 1) assert.equal(digestsTo(bot, `19:team-${n}@thread.tacv2`).length, 1, `team ${n}`);
  });
});

describe('the weekly digest to 200 channels through a connector that fails 5 % of calls', function () {
  this.timeout(120_000);

  it('delivers exactly one digest to every channel, at no more than 30 a second', async () => {
    const clock = new ManualClock(SUNDAY);
    const bot = await BotHarness.start({ data: starterData(), clock });
    try {
      const channels = Array.from({ length: 200 }, (_, n) => `19:team-${String(n).padStart(3, '0')}@thread.tacv2`);
      for (const channel of channels) await bot.post(installation(bot.serviceUrl, 'channel', 'add', channel));
      bot.connector.clear();

      let seed = 7;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      bot.connector.failWith = (): InjectedFailure | null => {
        if (random() >= 0.05) return null;
        if (random() >= 0.5) return { status: 500 };
        return random() < 0.5 ? { status: 429, headers: { 'retry-after': '0.2' } } : { status: 429 };
      };
      clock.set(MONDAY_AFTER);
      const summary = await bot.app.digests.run(clock.now());
      assert.deepEqual([summary.sent, summary.failed, summary.gone], [200, 0, 0], JSON.stringify(summary));
      for (const channel of channels) assert.equal(digestsTo(bot, channel).length, 1, channel);
      assert.ok(bot.connector.refused.length >= 5, `failures were injected (${bot.connector.refused.length})`);
      assert.deepEqual(new Set(bot.connector.refused.map((r) => r.status)), new Set([429, 500]));

      const arrivals = bot.connector.calls.map((call) => call.at).sort((a, b) => a - b);
      // 200 deliveries started at most 30 a second take at least 199/30 s (the limiter itself is unit-tested).
      assert.ok(arrivals.at(-1)! - arrivals[0]! >= (199 / 30) * 1000 - 100, `all 200 within ${arrivals.at(-1)! - arrivals[0]!} ms`);
      assert.equal((await bot.app.digests.run(clock.now())).already, 200, 'a second run sends nothing');
    } finally {
      await bot.stop();
    }
  });
});

