import assert from 'node:assert/strict';
import { exampleDataOptions } from '../../bot/playgroundSetup.js';
import type { Notifier } from '../../src/chat/types.js';
import { cardAction, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const ALEX_CHAT = 'a:personal-chat-alex';

/** Alex asks the vendor about a system; an administrator closes the survey; Alex is told, unasked. */
async function closedSurveyNotice(bot: BotHarness, system: string): Promise<string> {
  await bot.post(personalMessage(bot.serviceUrl, `spørg leverandøren om ${system}`));
  const survey = bot.app.surveys.openFor(system);
  assert.ok(survey, 'the survey is open');
  await bot.post(cardAction(bot.serviceUrl, 'survey.close', { surveyId: survey.id, lang: 'da' }, { from: ADMIN, conversation: { id: 'a:admin-chat', conversationType: 'personal' } }));
  await bot.settled();
  const notice = bot.connector.sentTo(ALEX_CHAT).map((activity) => JSON.stringify(activity)).find((text) => /KOMBIT har lukket spørgeskemaet/.test(text));
  assert.ok(notice, 'the requester is told');
  return notice;
}

describe("the Playground's example data on the bot's own notifications", function () {
  this.timeout(60_000);
  let bot: BotHarness | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('marks a notification sent outside any turn "Eksempeldata", in its text and on its card', async () => {
    const playground = exampleDataOptions({ PLAYGROUND_EXAMPLE_DATA: '1' }, new Date('2025-02-10T09:00:00Z'));
    assert.ok(playground?.options.app?.notifications);
    bot = await BotHarness.start({
      ...(playground.options.app.store ? { store: playground.options.app.store } : {}),
      ...(playground.options.app.features ? { features: playground.options.app.features } : {}),
      notifications: playground.options.app.notifications as (notifier: Notifier) => Notifier,
      env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId },
    });
    const notice = await closedSurveyNotice(bot, 'Eksempel Portal');
    assert.match(notice, /Eksempeldata: systemer, leverandører og datoer er opdigtede/);
    assert.equal(notice.match(/Eksempeldata: systemer/g)?.length, 2, 'once in the text, once on the card');
  });

  it('never marks the normal bot\'s notifications', async () => {
    bot = await BotHarness.start({ data: testData(), env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
    const notice = await closedSurveyNotice(bot, 'Aula');
    assert.doesNotMatch(notice, /Eksempeldata/);
  });
});
