import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BOT, cardAction, installation, personalMessage, TEAM_ID, TENANT_ID, USER } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';

type Sent = { text?: string; attachments?: { content: { fallbackText?: string } }[] };
const ADMIN = { ADMIN_AAD_OBJECT_IDS: USER.aadObjectId };

/** The text a person sees of the replies in a conversation, in order. */
function repliesIn(bot: BotHarness, conversationId: string): string[] {
  return (bot.connector.sentTo(conversationId) as Sent[]).map((sent) => sent.attachments?.[0]?.content.fallbackText ?? sent.text ?? '');
}

/** A message from a Teams client that reports en-US, as many Danes' do, in a conversation of its own. */
function fromEnUsClient(bot: BotHarness, text: string, conversationId: string) {
  return bot.post(personalMessage(bot.serviceUrl, text, { locale: 'en-US', conversation: { id: conversationId, conversationType: 'personal' } as never }));
}

function search(bot: BotHarness, query: string, conversationId: string) {
  return bot.post({
    type: 'invoke', name: 'composeExtension/query', id: randomUUID(), channelId: 'msteams', serviceUrl: bot.serviceUrl, from: USER, recipient: BOT,
    locale: 'en-US', conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID }, channelData: { tenant: { id: TENANT_ID } },
    value: { commandId: 'systems', parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 25 } },
  });
}

/** The first result card's text of a compose-box search. */
function firstResult(body: unknown): string {
  const result = body as { composeExtension: { attachments: { content: { fallbackText?: string } }[] } };
  return result.composeExtension.attachments[0]?.content.fallbackText ?? '';
}

const DANISH_WITHOUT_DANISH_WORDS: [string, RegExp][] = [
  ['status for FBS', /Der er endnu ingen kendt dato for FBS' skift/],
  ['STS2 for KY?', /Der er endnu ingen kendt dato for KYs skift til STS 2/],
  ['Aula', /Der er endnu ingen kendt dato for Aulas skift/],
  ['KY', /Der er endnu ingen kendt dato for KYs skift/],
  ['SAPA CH2', /SAPA skiftede til Context Handler 2 den 21\. januar 2025/],
];

describe('Danish by default: the words, then the conversation, then DEFAULT_LANGUAGE, never the client locale alone', function () {
  this.timeout(30_000);

  describe('with the default settings', () => {
    let bot: BotHarness;
    beforeEach(async () => {
      bot = await BotHarness.start({ data: testData(), env: ADMIN });
    });
    afterEach(async () => {
      await bot.stop();
    });

    for (const [question, danish] of DANISH_WITHOUT_DANISH_WORDS) {
      it(`answers "${question}" from an en-US client in Danish`, async () => {
        await fromEnUsClient(bot, question, `c:${question}`);
        assert.match(repliesIn(bot, `c:${question}`)[0] ?? '', danish);
      });
    }

    it('knows every feature\'s Danish phrase words: "planlagte skift", "send oversigten nu", "kalender"', async () => {
      await fromEnUsClient(bot, 'planlagte skift', 'c:planned');
      await fromEnUsClient(bot, 'send oversigten nu', 'c:digest');
      await fromEnUsClient(bot, 'kommende skift', 'c:coming');
      await bot.settled();
      assert.match(repliesIn(bot, 'c:planned')[0] ?? '', /^Planlagte skift til Context Handler 2 eller STS 2/);
      assert.match(repliesIn(bot, 'c:digest').join('\n'), /Ugens oversigt: 0 sendt/);
      assert.match(repliesIn(bot, 'c:coming')[0] ?? '', /skift/i);
      assert.doesNotMatch(repliesIn(bot, 'c:coming')[0] ?? '', /switch/i);
    });

    it('answers English words in English whatever the locale, and their English phrase words too', async () => {
      await bot.post(personalMessage(bot.serviceUrl, 'planned switches', { locale: 'da-DK', conversation: { id: 'c:en', conversationType: 'personal' } as never }));
      await bot.post(personalMessage(bot.serviceUrl, 'send the digest now', { locale: 'da-DK', conversation: { id: 'c:en', conversationType: 'personal' } as never }));
      await bot.settled();
      const [planned, ...digest] = repliesIn(bot, 'c:en');
      assert.match(planned ?? '', /^Planned switches to Context Handler 2 or STS 2/);
      assert.match(digest.join('\n'), /Weekly digest: 0 sent/);
    });

    it('answers "Aula" in English to a conversation that last wrote English, and in Danish again once it writes Danish', async () => {
      await fromEnUsClient(bot, 'when does SAPA switch to CH2?', 'c:mixed');
      await fromEnUsClient(bot, '👍', 'c:mixed');
      await fromEnUsClient(bot, 'Aula', 'c:mixed');
      await fromEnUsClient(bot, 'hvornår skifter KY?', 'c:mixed');
      await fromEnUsClient(bot, 'status for FBS', 'c:mixed');
      const replies = repliesIn(bot, 'c:mixed');
      assert.match(replies[0] ?? '', /SAPA switched to Context Handler 2/);
      assert.ok(replies.some((reply) => /No date is known yet for Aula's switch/.test(reply)), replies.join('\n---\n'));
      assert.match(replies.at(-2) ?? '', /Der er endnu ingen kendt dato for KYs skift/);
      assert.match(replies.at(-1) ?? '', /Der er endnu ingen kendt dato for FBS' skift/);
      // Another conversation of the same client is not swayed by it.
      await fromEnUsClient(bot, 'Aula', 'c:other');
      assert.match(repliesIn(bot, 'c:other')[0] ?? '', /Der er endnu ingen kendt dato for Aulas skift/);
    });

    it('remembers a conversation\'s language across a restart (durably, in storage)', async () => {
      await fromEnUsClient(bot, 'when does SAPA switch to CH2?', 'c:restart');
      const restarted = await BotHarness.start({ data: testData(), env: ADMIN, dataDir: bot.dataDir });
      try {
        await fromEnUsClient(restarted, 'Aula', 'c:restart');
        assert.match(repliesIn(restarted, 'c:restart')[0] ?? '', /No date is known yet for Aula's switch/);
      } finally {
        await restarted.stop();
      }
    });

    it('welcomes in Danish from an en-US client, in a personal chat and in the team\'s channel', async () => {
      await bot.post({ ...installation(bot.serviceUrl, 'personal'), locale: 'en-US' });
      await bot.post({ ...installation(bot.serviceUrl, 'channel'), locale: 'en-US' });
      await bot.settled();
      assert.match(repliesIn(bot, 'a:personal-chat-alex')[0] ?? '', /Hej! Jeg er FKI Bot/);
      assert.doesNotMatch(repliesIn(bot, TEAM_ID)[0] ?? '', /Hi!|I am FKI Bot|I'm FKI Bot/);
      assert.match(repliesIn(bot, TEAM_ID)[0] ?? '', /FKI Bot/);
    });

    it('shows the help in Danish for "hjælp" and in English for "help", from the same en-US client', async () => {
      await fromEnUsClient(bot, 'hjælp', 'c:help-da');
      await fromEnUsClient(bot, 'help', 'c:help-en');
      assert.match(repliesIn(bot, 'c:help-da')[0] ?? '', /Sådan bruger du FKI Bot/);
      assert.match(repliesIn(bot, 'c:help-en')[0] ?? '', /How to use FKI Bot/);
    });

    it('writes compose-box search cards in Danish from an en-US client, and in the conversation\'s language when it wrote English', async () => {
      assert.match(firstResult((await search(bot, 'Aula', 'c:search')).body), /Der er endnu ingen kendt dato for Aulas skift/);
      await fromEnUsClient(bot, 'when does SAPA switch to CH2?', 'c:search-en');
      assert.match(firstResult((await search(bot, 'Aula', 'c:search-en')).body), /No date is known yet for Aula's switch/);
    });
  });

  it('tells an administrator about a new vendor answer in the language their chat last wrote', async () => {
    const admin = { id: '29:admin-kirsten', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
    const adminChat = { id: 'a:personal-chat-admin', conversationType: 'personal' };
    const bot = await BotHarness.start({ data: testData(), env: { ADMIN_AAD_OBJECT_IDS: admin.aadObjectId } });
    try {
      await bot.post(personalMessage(bot.serviceUrl, 'hi, what can you do?', { from: admin, conversation: adminChat, locale: 'da-DK' }));
      await bot.post(personalMessage(bot.serviceUrl, 'spørg leverandøren om Aula', { locale: 'en-US' }));
      const survey = bot.app.surveys.openFor('Aula')!;
      await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId: survey.id, lang: 'da', status: 'undecided' }));
      await bot.settled();
      const told = repliesIn(bot, adminChat.id);
      assert.ok(told.some((text) => /^A new answer from the vendor about Aula is waiting for approval\./.test(text)), told.join('\n---\n'));
      // The one who asked wrote Danish: their own chat stays Danish.
      assert.match(repliesIn(bot, 'a:personal-chat-alex')[0] ?? '', /Aula/);
      assert.doesNotMatch(repliesIn(bot, 'a:personal-chat-alex')[0] ?? '', /\bthe vendor\b/);
    } finally {
      await bot.stop();
    }
  });

  describe('with DEFAULT_LANGUAGE=en', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await BotHarness.start({ data: testData(), env: { ...ADMIN, DEFAULT_LANGUAGE: 'en' } });
    });
    after(async () => {
      await bot.stop();
    });

    it('answers a question without telling words in English, and Danish words still in Danish', async () => {
      await bot.post(personalMessage(bot.serviceUrl, 'Aula', { conversation: { id: 'c:default-en', conversationType: 'personal' } as never }));
      await bot.post(personalMessage(bot.serviceUrl, 'planlagte skift', { conversation: { id: 'c:default-da', conversationType: 'personal' } as never }));
      assert.match(repliesIn(bot, 'c:default-en')[0] ?? '', /No date is known yet for Aula's switch/);
      assert.match(repliesIn(bot, 'c:default-da')[0] ?? '', /^Planlagte skift til Context Handler 2/);
    });
  });
});
