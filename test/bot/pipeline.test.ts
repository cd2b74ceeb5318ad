import assert from 'node:assert/strict';
import { z } from 'zod';
import { defineFeature } from '../../src/app/feature.js';
import { FEATURES } from '../../src/app/features.js';
import { exactly } from '../../src/chat/phrases.js';
import { turnState } from '../../src/chat/turnState.js';
import type { ChatTurn } from '../../src/chat/types.js';
import { cardAction, channelMessage, personalMessage, TEAM_ID, TENANT_ID } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';

type Sent = { text?: string; attachments?: { content: { fallbackText?: string } }[] };
const textOf = (activity: unknown) => {
  const sent = activity as Sent | undefined;
  return sent?.attachments?.[0]?.content.fallbackText ?? sent?.text ?? '';
};
const PERSONAL = 'a:personal-chat-alex';
const ANNOUNCEMENTS = '19:announcements@thread.tacv2';

/** What each probe's middleware saw of a turn, in the order the middleware ran. */
interface Seen {
  by: string;
  event: string;
  lang: string;
  text: string;
}

/**
 * Two features of a test's own around the app's: each adds a middleware that notes what it saw. The
 * first fills `turn.state` with who is asking; the second, and a handler, read it.
 */
function probes(seen: Seen[], failing: { middleware: boolean }) {
  const Asker = turnState<{ name: string; channel: string | null }>('probe.asker');
  const note = (by: string, turn: ChatTurn) => seen.push({ by, event: turn.event.type, lang: turn.lang, text: turn.text });
  const first = defineFeature({
    name: 'first probe',
    register: (router) => {
      router.use(async (turn, next) => {
        note('first', turn);
        turn.state.set(Asker, { name: turn.user.name ?? '?', channel: turn.conversation.channelId });
        return next();
      });
      router.message(exactly('hvor er jeg', 'where am i'), (turn) => {
        const { teamId, channelId, kind } = turn.conversation;
        return { text: `${kind} team=${teamId} channel=${channelId} asker=${turn.state.require(Asker).name}` };
      });
      router.action('probe.boom', z.object({}), () => {
        throw new Error('the probe button broke');
      });
    },
  });
  const second = defineFeature({
    name: 'second probe',
    register: (router) => {
      router.use(async (turn, next) => {
        note(`second (asker ${turn.state.get(Asker)?.name ?? 'unknown'})`, turn);
        if (failing.middleware && turn.text.startsWith('boom')) throw new Error('the probe middleware broke');
        return next();
      });
    },
  });
  return [first, ...FEATURES, second];
}

describe('the turn pipeline over /api/messages', () => {
  let bot: BotHarness;
  const seen: Seen[] = [];
  const failing = { middleware: false };
  beforeEach(async () => {
    seen.length = 0;
    failing.middleware = false;
    bot = await BotHarness.start({ data: testData(), features: probes(seen, failing), env: { ALLOWED_TENANT_IDS: TENANT_ID } });
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('runs the tenant allow-list, then the language, then the features\' middleware in the order of the features', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'when does SAPA switch to CH2?', { locale: 'da-DK' }));
    // The language middleware ran before the features' own: they see English, whatever the locale.
    assert.deepEqual(seen, [
      { by: 'first', event: 'message', lang: 'en', text: 'when does SAPA switch to CH2?' },
      { by: 'second (asker Alex Wilber)', event: 'message', lang: 'en', text: 'when does SAPA switch to CH2?' },
    ]);
    assert.match(textOf(bot.connector.sentTo(PERSONAL)[0]), /SAPA switched to Context Handler 2/);

    // A tenant that is not allowed stops at the first middleware: no feature sees it, nothing is kept.
    seen.length = 0;
    const stranger = { conversation: { id: 'a:stranger', conversationType: 'personal', tenantId: 'tenant-elsewhere' }, channelData: { tenant: { id: 'tenant-elsewhere' } } };
    await bot.post(personalMessage(bot.serviceUrl, 'when does SAPA switch to CH2?', stranger));
    assert.deepEqual(seen, []);
    assert.equal(await bot.app.conversations.get('a:stranger'), undefined);
    // An allowed turn's conversation is recorded by the time its turn is over.
    assert.notEqual(await bot.app.conversations.get(PERSONAL), undefined);
  });

  it('gives a feature\'s handler what an earlier middleware put in turn.state, and the channel and team of the post', async () => {
    const post = channelMessage(bot.serviceUrl, 'hvor er jeg', { channelData: { tenant: { id: TENANT_ID }, team: { id: TEAM_ID }, channel: { id: ANNOUNCEMENTS } } });
    await bot.post(post);
    const conversationId = (post.conversation as { id: string }).id;
    assert.equal(textOf(bot.connector.sentTo(conversationId)[0]), `channel team=${TEAM_ID} channel=${ANNOUNCEMENTS} asker=Alex Wilber`);
    await bot.post(personalMessage(bot.serviceUrl, 'where am i'));
    assert.equal(textOf(bot.connector.sentTo(PERSONAL)[0]), 'personal team=null channel=null asker=Alex Wilber');
  });

  it('turns a middleware or a card handler that throws into a polite reply in the user\'s language, and a log line with the turn\'s context', async () => {
    failing.middleware = true;
    await bot.post(channelMessage(bot.serviceUrl, 'boom, what went wrong?', { locale: 'da-DK', channelData: { tenant: { id: TENANT_ID }, team: { id: TEAM_ID }, channel: { id: ANNOUNCEMENTS } } }));
    assert.equal(textOf(bot.connector.calls[0]?.activity), 'Sorry, something went wrong on my side. Please try again shortly; the error has been logged.');
    const { body } = await bot.post(cardAction(bot.serviceUrl, 'probe.boom', { lang: 'da' }));
    assert.deepEqual(body, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Beklager, noget gik galt hos mig. Prøv igen om lidt; fejlen er logget.' });

    const failures = bot.logged.entries.filter((entry) => entry.level === 50);
    assert.deepEqual(
      failures.map(({ msg, event, verb, conversationKind, teamId, channelId, lang, err }) => ({ msg, event, verb, conversationKind, teamId, channelId, lang, error: (err as { message: string }).message })),
      [
        { msg: 'a chat handler failed', event: 'message', verb: undefined, conversationKind: 'channel', teamId: TEAM_ID, channelId: ANNOUNCEMENTS, lang: 'en', error: 'the probe middleware broke' },
        { msg: 'a card action failed', event: 'action', verb: 'probe.boom', conversationKind: 'personal', teamId: undefined, channelId: undefined, lang: 'da', error: 'the probe button broke' },
      ],
    );
    // The bot goes on serving.
    await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?'));
    assert.match(textOf(bot.connector.sentTo(PERSONAL).at(-1)), /SAPA skiftede til Context Handler 2/);
  });

  it('refuses card data that does not fit its verb, in the user\'s language, changes nothing, and logs where', async () => {
    const { body } = await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: { name: 'Aula' }, lang: 'en' }));
    assert.deepEqual(body, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'The button sent something I cannot read. Nothing has changed; please try again from a new card.' });
    // The Action.Submit fallback of older clients is checked the same way.
    await bot.post(personalMessage(bot.serviceUrl, '', { value: { verb: 'survey.request', system: '   ', lang: 'da' } }));
    assert.equal(textOf(bot.connector.sentTo(PERSONAL)[0]), 'Knappen sendte noget jeg ikke kan læse. Intet er ændret; prøv igen fra et nyt kort.');
    assert.equal(bot.app.surveys.all().length, 0, 'no survey was asked for');
    const refusals = bot.logged.entries.filter((entry) => entry.msg === 'card data that does not fit its verb refused');
    assert.deepEqual(refusals.map(({ verb, problems, conversation }) => ({ verb, problems, conversation })), [
      { verb: 'survey.request', problems: ['system: invalid_type'], conversation: PERSONAL },
      { verb: 'survey.request', problems: ['system: too_small'], conversation: PERSONAL },
    ]);
    // The same verb with data that fits is answered.
    await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
    assert.equal(bot.app.surveys.all().length, 1);
  });
});
