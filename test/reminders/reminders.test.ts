import assert from 'node:assert/strict';
import { cardAction, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { testData } from '../support/fixtures.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

const ADMIN = { id: '29:admin-kirsten', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const ADMIN_CHAT = { id: 'a:personal-chat-admin', conversationType: 'personal' };
const GROUP = { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true };
type Sent = { text?: string; attachments?: { content: Record<string, unknown> }[] };
const textOf = (activity: unknown) => String((activity as Sent).attachments?.[0]?.content.fallbackText ?? (activity as Sent).text ?? '');
const DAY = 24 * 60 * 60 * 1000;

describe('reminders that chase missing dates', function () {
  this.timeout(30_000);
  const folder = temporaryFolderPerTest('reminders');
  let now: number;
  const clock = { now: () => new Date(now) };
  const start = () => BotHarness.start({ data: testData(), dataDir: folder.path, clock, env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
  const runReminders = async (bot: BotHarness) => {
    const schedule = bot.app.schedules.find((candidate) => candidate.name === 'survey reminders')!;
    return (await schedule.run(clock.now())) as { reminded: number; summaries: number };
  };
  const remindersIn = (bot: BotHarness, conversationId: string) => bot.connector.sentTo(conversationId).filter((activity) => /Påmindelse|Reminder/.test(textOf(activity)));

  beforeEach(() => {
    now = Date.parse('2025-02-10T09:00:00+01:00'); // a Monday
  });

  it('reminds whoever asked after a week without an answer, in their conversation and language, with the link; once a week, through restarts', async () => {
    let bot = await start();
    try {
      await bot.post(personalMessage(bot.serviceUrl, 'hej', { from: ADMIN, conversation: ADMIN_CHAT }));
      await bot.post(personalMessage(bot.serviceUrl, 'spørg leverandøren om Aula'));
      await bot.post(personalMessage(bot.serviceUrl, 'ask the vendor about Aula', { conversation: GROUP }));
      await bot.post(personalMessage(bot.serviceUrl, 'spørg leverandøren om FBS'));
      const fbs = bot.app.surveys.openFor('FBS')!;
      await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId: fbs.id, lang: 'da', status: 'undecided' }));

      now += 6 * DAY;
      assert.deepEqual(await runReminders(bot), { reminded: 0, summaries: 1 }, 'no reminder before a week; the administrators\' summary of the week');
      now += 1 * DAY + 60_000; // Monday 17 February
      assert.deepEqual(await runReminders(bot), { reminded: 2, summaries: 1 });
      const danish = remindersIn(bot, 'a:personal-chat-alex').at(-1);
      assert.match(textOf(danish), /^Påmindelse: leverandøren af Aula har endnu ikke svaret på spørgeskemaet fra 10\. februar 2025\.\nSend linket til leverandøren igen[^\n]*\nhttp:\/\/127\.0\.0\.1:\d+\/survey\/[\w.-]+$/);
      assert.deepEqual(cardProblems((danish as Sent).attachments![0]!.content), []);
      assert.match(textOf(remindersIn(bot, GROUP.id).at(-1)), /^Reminder: the vendor of Aula has not yet answered the survey of 10 February 2025\./);
      assert.equal(remindersIn(bot, 'a:personal-chat-alex').filter((activity) => /FBS/.test(textOf(activity))).length, 0, 'an answered survey is not chased');
      const summary = bot.connector.sentTo(ADMIN_CHAT.id).at(-1);
      assert.match(textOf(summary), /^1 spørgeskema venter stadig på leverandørens svar\n• Aula: åben siden 10\. februar 2025, 2 har spurgt$/);

      now += 2 * DAY;
      assert.deepEqual(await runReminders(bot), { reminded: 0, summaries: 0 }, 'once a week');
      await bot.stop();
      bot = await start();
      assert.deepEqual(await runReminders(bot), { reminded: 0, summaries: 0 }, 'not again after a restart');
      now += 5 * DAY; // the next week
      // The restarted bot has a connector of its own: each conversation says hello, as Teams would.
      await bot.post(personalMessage(bot.serviceUrl, 'hej', { from: ADMIN, conversation: ADMIN_CHAT }));
      await bot.post(personalMessage(bot.serviceUrl, 'hej'));
      await bot.post(personalMessage(bot.serviceUrl, 'hi', { conversation: GROUP }));
      assert.deepEqual(await runReminders(bot), { reminded: 2, summaries: 1 });
    } finally {
      await bot.stop();
    }
  });

  it('never reminds about a survey that is closed', async () => {
    const bot = await start();
    try {
      await bot.post(personalMessage(bot.serviceUrl, 'spørg leverandøren om Aula'));
      await bot.post(personalMessage(bot.serviceUrl, 'luk spørgeskemaet om Aula', { from: ADMIN, conversation: ADMIN_CHAT }));
      // The typed close asks to confirm; "Ja, luk" closes it.
      const aula = bot.app.surveys.openFor('Aula');
      assert.ok(aula);
      await bot.post(cardAction(bot.serviceUrl, 'survey.close', { surveyId: aula.id, lang: 'da' }, { from: ADMIN, conversation: ADMIN_CHAT }));
      assert.equal(bot.app.surveys.openFor('Aula'), undefined);
      now += 8 * DAY;
      assert.deepEqual(await runReminders(bot), { reminded: 0, summaries: 0 });
      assert.deepEqual(remindersIn(bot, 'a:personal-chat-alex'), []);
    } finally {
      await bot.stop();
    }
  });

  it('writes what it sends unasked in the conversation\'s last language, from an en-US client too', async () => {
    const bot = await start();
    try {
      // The administrator's chat last wrote English; the requester asked in Danish and then wrote English.
      await bot.post(personalMessage(bot.serviceUrl, 'hi, what can you do?', { from: ADMIN, conversation: ADMIN_CHAT, locale: 'da-DK' }));
      await bot.post(personalMessage(bot.serviceUrl, 'spørg leverandøren om Aula', { locale: 'en-US' }));
      await bot.post(personalMessage(bot.serviceUrl, 'when does SAPA switch to CH2?', { locale: 'da-DK' }));
      now += 8 * DAY;
      assert.deepEqual(await runReminders(bot), { reminded: 1, summaries: 1 });
      assert.match(textOf(remindersIn(bot, 'a:personal-chat-alex').at(-1)), /^Reminder: the vendor of Aula has not yet answered the survey of 10 February 2025\./);
      assert.match(textOf(bot.connector.sentTo(ADMIN_CHAT.id).at(-1)), /^1 survey is still waiting for the vendor\n• Aula: open since 10 February 2025, 1 asked$/);
    } finally {
      await bot.stop();
    }
  });

  it('writes the administrators\' summary in DEFAULT_LANGUAGE when their chat never told a language', async () => {
    const bot = await BotHarness.start({ data: testData(), dataDir: folder.path, clock, env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, DEFAULT_LANGUAGE: 'en' } });
    try {
      await bot.post(personalMessage(bot.serviceUrl, '👍', { from: ADMIN, conversation: ADMIN_CHAT }));
      await bot.post(personalMessage(bot.serviceUrl, 'spørg leverandøren om Aula'));
      assert.deepEqual(await runReminders(bot), { reminded: 0, summaries: 1 });
      assert.match(textOf(bot.connector.sentTo(ADMIN_CHAT.id).at(-1)), /^1 survey is still waiting for the vendor/);
    } finally {
      await bot.stop();
    }
  });
});
