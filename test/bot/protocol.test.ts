import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness.js';
import {
  cardAction,
  channelMessage,
  groupChatMessage,
  installation,
  personalMessage,
  TEAM_ID,
} from '../support/activities.js';
import { cardProblems } from '../support/cardCheck.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import { testData } from '../support/fixtures.js';

type Sent = Record<string, unknown> & { summary?: string; text?: string; attachments?: { contentType: string; content: unknown }[] };

/** What a person sees of a reply: the card, its whole plain text, and the notification preview. */
function seen(activity: Sent): { text: string; card: unknown; summary: string } {
  const card = activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as
    | { fallbackText?: string }
    | undefined;
  return { text: card?.fallbackText ?? activity.text ?? '', card, summary: activity.summary ?? '' };
}

interface ExecuteButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** The Action.Execute buttons of a card, wherever they sit. */
function executeButtons(node: unknown): ExecuteButton[] {
  if (Array.isArray(node)) return node.flatMap(executeButtons);
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const own = element.type === 'Action.Execute' ? [element as unknown as ExecuteButton] : [];
  return [...own, ...Object.entries(element).filter(([key]) => key !== 'fallback').flatMap(([, value]) => executeButtons(value))];
}

describe('the bot over /api/messages (Teams protocol)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await BotHarness.start({ data: testData() });
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('answers a question in a personal chat with a valid card and its plain text', async () => {
    const { status } = await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?'));
    assert.equal(status, 200);
    const [reply] = bot.connector.sentTo('a:personal-chat-alex') as Sent[];
    assert.ok(reply, 'no reply');
    const { text, card, summary } = seen(reply);
    assert.match(text, /SAPA skiftede til Context Handler 2 den 21\. januar 2025/);
    assert.match(text, /Kilde: KOMBIT programledermøde januar 2025/);
    assert.equal(summary, 'SAPA skiftede til Context Handler 2 den 21. januar 2025 (for 3 uger siden).');
    assert.match(JSON.stringify(card), /21\. januar 2025/);
    assert.deepEqual(cardProblems(card), []);
  });

  it('answers in English when asked in English, whatever the client locale', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'when does SAPA switch to CH2?', { locale: 'da-DK' }));
    const [reply] = bot.connector.sentTo('a:personal-chat-alex') as Sent[];
    assert.match(seen(reply!).text, /SAPA switched to Context Handler 2 on 21 January 2025/);
  });

  it('answers an @mention in a channel inside the thread of the post, without the mention', async () => {
    const activity = channelMessage(bot.serviceUrl, 'hvornår skifter Aula til context handler 2?');
    await bot.post(activity);
    const [call] = bot.connector.calls;
    assert.ok(call, 'no reply');
    assert.equal(call.conversationId, (activity.conversation as { id: string }).id);
    assert.ok(call.conversationId.startsWith(`${TEAM_ID};messageid=`));
    assert.equal(call.replyToId, activity.id, 'the reply goes into the post thread');
    const { text, card } = seen(call.activity as Sent);
    assert.match(text, /ingen kendt dato for Aulas skift til Context Handler 2/);
    assert.doesNotMatch(text, /FKI Bot|<at>/);
    assert.match(JSON.stringify(card), /survey\.request/, 'a dateless system offers to ask the vendor');
  });

  it('reads a channel post sent as HTML the way the person wrote it', async () => {
    const activity = channelMessage(bot.serviceUrl, '');
    activity.text = '<p><at>FKI Bot</at>&nbsp;hvornår skifter acadre&nbsp;til&nbsp;CH2?</p>';
    await bot.post(activity);
    const { text } = seen(bot.connector.calls[0]!.activity as Sent);
    assert.match(text, /Jeg kender ikke systemet "acadre"/);
  });

  it('answers an @mention in a group chat', async () => {
    await bot.post(groupChatMessage(bot.serviceUrl, 'STS2 for KY?'));
    const [reply] = bot.connector.sentTo('19:group-chat@thread.v2') as Sent[];
    assert.match(seen(reply!).text, /KY skifter til STS 2|ingen kendt dato for KYs skift til STS 2/);
  });

  it('asks "which one?" with buttons when a name fits two systems, and a button answers', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter FK?'));
    const { text, card } = seen((bot.connector.sentTo('a:personal-chat-alex') as Sent[])[0]!);
    assert.match(text, /Hvilket mente du/);
    assert.deepEqual(
      executeButtons(card).map((button) => [button.title, button.verb, button.data.system]),
      [['FK Organisation', 'answers.pick', 'FK Organisation'], ['FK OSS', 'answers.pick', 'FK OSS']],
    );

    const { status, body } = await bot.post(cardAction(bot.serviceUrl, 'answers.pick', { system: 'FK OSS', topic: 'ch2', lang: 'da' }));
    assert.equal(status, 200);
    const response = body as { statusCode: number; type: string; value: unknown };
    assert.equal(response.statusCode, 200);
    assert.equal(response.type, 'application/vnd.microsoft.card.adaptive', 'the card is replaced by the answer');
    assert.match(JSON.stringify(response.value), /Der er endnu ingen kendt dato for FK OSS' skift til Context Handler 2/);
    assert.deepEqual(cardProblems(response.value), []);
  });

  it('tells the user, in a message response, when a picked system has left the registry', async () => {
    const { body } = await bot.post(cardAction(bot.serviceUrl, 'answers.pick', { system: 'Gone', lang: 'en' }));
    assert.deepEqual(body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'The system "Gone" is no longer in the registry.',
    });
  });

  it('handles the Action.Submit fallback of a button like the button itself', async () => {
    await bot.post(personalMessage(bot.serviceUrl, '', { value: { verb: 'answers.pick', system: 'SAPA', topic: 'ch2', lang: 'en' } }));
    const [reply] = bot.connector.sentTo('a:personal-chat-alex') as Sent[];
    assert.match(seen(reply!).text, /SAPA switched to Context Handler 2 on 21 January 2025/);
  });

  it('answers an unknown button politely', async () => {
    const { body } = await bot.post(cardAction(bot.serviceUrl, 'nope.verb', { lang: 'da' }));
    assert.match((body as { value: string }).value, /Den knap kender jeg ikke/);
  });

  it('welcomes on install, in a personal chat and in a team', async () => {
    await bot.post(installation(bot.serviceUrl, 'personal'));
    await bot.post(installation(bot.serviceUrl, 'channel'));
    // Welcomes are queued and sent after the install's request, paced within Teams' limits.
    await bot.settled();
    assert.match(seen((bot.connector.sentTo('a:personal-chat-alex') as Sent[])[0]!).text, /Hej! Jeg er FKI Bot/);
    const teamWelcome = bot.connector.sentTo(TEAM_ID) as Sent[];
    assert.equal(teamWelcome.length, 1);
    assert.deepEqual(cardProblems(seen(teamWelcome[0]!).card), []);
  });

  it('shows help for "hjælp" and "help"', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'hjælp'));
    await bot.post(personalMessage(bot.serviceUrl, 'help', { locale: 'en-US' }));
    const [danish, english] = bot.connector.sentTo('a:personal-chat-alex') as Sent[];
    assert.match(seen(danish!).text, /Sådan bruger du FKI Bot/);
    assert.match(seen(english!).text, /How to use FKI Bot/);
    assert.deepEqual(cardProblems(seen(danish!).card), []);
    assert.deepEqual(cardProblems(seen(english!).card), []);
  });

  it('says when it did not understand, and offers examples instead of guessing', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'hvad synes du om vejret'));
    const { text, card } = seen((bot.connector.sentTo('a:personal-chat-alex') as Sent[])[0]!);
    assert.match(text, /Det forstod jeg ikke helt/);
    assert.match(text, /hvornår skifter SAPA til CH2\?/);
    assert.deepEqual(cardProblems(card), []);
  });

  it('never gives a date for a system it does not know', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter Acadre til CH2?'));
    const { text } = seen((bot.connector.sentTo('a:personal-chat-alex') as Sent[])[0]!);
    assert.match(text, /Jeg kender ikke systemet "Acadre"/);
    assert.doesNotMatch(text, /\d{4}/);
  });

  it('refuses malformed, untyped and oversized bodies with a 4xx and keeps serving', async () => {
    assert.equal((await bot.post('{not json')).status, 400);
    assert.equal((await bot.post({ text: 'no type' })).status, 400);
    assert.equal((await bot.post(JSON.stringify({ type: 'message', text: 'x'.repeat(400_000) }))).status, 413);
    await bot.post(personalMessage(bot.serviceUrl, 'SAPA'));
    assert.equal(bot.connector.calls.length, 1, 'the bot still answers');
  });

  it('reports its health', async () => {
    const response = await fetch(`${bot.server.url}/healthz`);
    const body = (await response.json()) as { ok: boolean; version: string; registry: { ok: boolean; systems: number }; journals: Record<string, { ok: boolean }>; sync: { configured: boolean; ok: boolean } };
    assert.equal(response.status, 200);
    assert.equal(body.ok, true);
    assert.match(body.version, /^\d+\.\d+\.\d+/);
    assert.equal(body.registry.systems, testData().systems.length);
    // Every journal the features opened is checked from the start, while it is still empty.
    assert.deepEqual(Object.entries(body.journals).map(([name, journal]) => [name, journal.ok]).sort(), [['digest-outbox', true], ['registryChanges', true], ['reminders', true], ['survey-cards', true], ['surveys', true], ['sync-writeback', true]]);
    assert.deepEqual([body.sync.configured, body.sync.ok], [false, true]);
  });
});

/** A store that works until told to fail, as a disk or a database sometimes does. */
class FailingStore extends MemoryRegistryStore {
  failing = false;
  override async revision(): Promise<string> {
    if (this.failing) throw new Error('disk unavailable');
    return super.revision();
  }
}

describe('when something fails', () => {
  it('keeps answering from the last registry it loaded while the store fails', async () => {
    const store = new FailingStore(testData());
    let now = Date.parse('2025-02-10T09:00:00+01:00');
    const bot = await BotHarness.start({ store, clock: { now: () => new Date(now) } });
    try {
      store.failing = true;
      now += 1100; // past the registry's once-a-second check
      await bot.post(personalMessage(bot.serviceUrl, 'when does SAPA switch to CH2?'));
      const [answer] = bot.connector.sentTo('a:personal-chat-alex') as Sent[];
      assert.match(seen(answer!).text, /SAPA switched to Context Handler 2 on 21 January 2025/);
    } finally {
      await bot.stop();
    }
  });

  it('tells the user plainly, in their language, when a turn fails, and goes on serving', async () => {
    const data = testData();
    // A record that never passed validation, as in a hand-edited registry file.
    data.systems.push({ ...data.systems[0]!, name: 'Broken', aliases: [], fullName: null, ch2Date: 'soon' });
    const bot = await BotHarness.start({ data });
    try {
      await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter Broken til CH2?'));
      await bot.post(personalMessage(bot.serviceUrl, 'when does Broken switch to CH2?'));
      const [danish, english] = bot.connector.sentTo('a:personal-chat-alex') as Sent[];
      assert.equal(danish?.text, 'Beklager, noget gik galt hos mig. Prøv igen om lidt; fejlen er logget.');
      assert.equal(english?.text, 'Sorry, something went wrong on my side. Please try again shortly; the error has been logged.');
      await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?'));
      assert.match(seen((bot.connector.sentTo('a:personal-chat-alex') as Sent[])[2]!).text, /21\. januar 2025/);
    } finally {
      await bot.stop();
    }
  });
});

describe('authentication', () => {
  it('refuses unsigned requests with 401 when an app id is configured', async () => {
    const bot = await BotHarness.start({ env: { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'secret' } });
    try {
      const { status } = await bot.post(personalMessage(bot.serviceUrl, 'SAPA'));
      assert.equal(status, 401);
      const forged = await bot.post(personalMessage(bot.serviceUrl, 'SAPA'), { authorization: 'Bearer not-a-real-token' });
      assert.equal(forged.status, 401);
      assert.equal(bot.connector.calls.length, 0);
      const refusals = bot.logged.entries.filter((entry) => entry.msg === 'unauthenticated activity refused');
      assert.equal(refusals.length, 2, 'each refusal is logged');
      assert.match(String(refusals[0]?.reason), /Unauthorized/);
    } finally {
      await bot.stop();
    }
  });
});
