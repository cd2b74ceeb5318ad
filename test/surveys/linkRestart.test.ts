import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BotHarness } from '../support/botHarness.js';
import { cardAction } from '../support/activities.js';
import { testData } from '../support/fixtures.js';
import { SurveyLinksService } from '../../src/surveys/services.js';

/** A survey for Aula asked through /api/messages, and the path of its link (the host changes with the port). */
async function surveyLinkPath(bot: BotHarness): Promise<string> {
  await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
  const survey = bot.app.surveys.openFor('Aula');
  assert.ok(survey, 'a survey is open');
  return new URL(bot.app.service(SurveyLinksService).linkFor(survey, 'da')).pathname;
}

describe('survey links across a restart', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fki-link-restart-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  it('still opens the form after a restart without SURVEY_LINK_SECRET: the key the bot made is kept with its data', async () => {
    const env = { SURVEY_LINK_SECRET: '' };
    const first = await BotHarness.start({ data: testData(), dataDir, env });
    const link = await surveyLinkPath(first);
    assert.equal((await fetch(`${first.server.url}${link}`)).status, 200);
    await first.stop();

    const second = await BotHarness.start({ data: testData(), dataDir, env });
    try {
      const response = await fetch(`${second.server.url}${link}`);
      assert.equal(response.status, 200, 'the old link opens the form');
      assert.match(await response.text(), /Aula/);
    } finally {
      await second.stop();
    }
  });

  it('says that a link signed with a key the bot no longer has is too old, and to ask for a new one', async () => {
    const first = await BotHarness.start({ data: testData(), dataDir, env: { SURVEY_LINK_SECRET: 'the-first-secret-of-at-least-32-characters' } });
    const link = await surveyLinkPath(first);
    await first.stop();

    const second = await BotHarness.start({ data: testData(), dataDir, env: { SURVEY_LINK_SECRET: 'the-second-secret-of-at-least-32-characters' } });
    try {
      const stale = await fetch(`${second.server.url}${link}`);
      assert.equal(stale.status, 410);
      const html = await stale.text();
      assert.match(html, /Linket er for gammelt/);
      assert.match(html, /Bed den der sendte det, om et nyt/);
      assert.doesNotMatch(html, /hele linket er kopieret/);
      // A link cut short is still a link to copy again, not an old one.
      const fresh = new URL(second.app.service(SurveyLinksService).linkFor(second.app.surveys.openFor('Aula')!, 'da')).pathname;
      assert.equal((await fetch(`${second.server.url}${fresh}`)).status, 200, 'a new link works');
      const cut = await fetch(`${second.server.url}${fresh.slice(0, -4)}`);
      assert.equal(cut.status, 403);
      assert.match(await cut.text(), /Kontrollér at hele linket er kopieret/);
      const english = await (await fetch(`${second.server.url}${link}?lang=en`)).text();
      assert.match(english, /The link is too old/);
    } finally {
      await second.stop();
    }
  });
});
