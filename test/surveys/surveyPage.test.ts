import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness.js';
import { cardAction, personalMessage } from '../support/activities.js';
import { testData } from '../support/fixtures.js';
import { signLinkToken } from '../../src/surveys/linkToken.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const SECRET = 'test-secret-of-at-least-32-characters!';

describe('the survey link: a web form for vendors outside Teams', () => {
  let bot: BotHarness;
  let surveyId: string;
  let link: string;

  beforeEach(async () => {
    bot = await BotHarness.start({ data: testData(), env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
    await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
    const posted = JSON.stringify(bot.connector.calls.at(-1)?.activity);
    surveyId = /"surveyId":"([^"]+)"/.exec(posted)![1]!;
    link = /svare her: (http[^\s"\\]+)/.exec(posted)![1]!;
  });
  afterEach(async () => {
    await bot.stop();
  });

  const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) });

  it('serves an accessible form in Danish, and in English on request', async () => {
    const danish = await fetch(link);
    assert.equal(danish.status, 200);
    assert.equal(danish.headers.get('referrer-policy'), 'no-referrer');
    const html = await danish.text();
    assert.match(html, /<html lang="da">/);
    for (const field of ['ch2Date', 'sts2Date', 'vendor', 'contactName', 'contactEmail', 'comment']) {
      assert.match(html, new RegExp(`<label for="${field}">`), `a label for ${field}`);
    }
    // The required question is marked in words, not by colour alone.
    assert.match(html, /<fieldset><legend>Hvor langt er skiftet\? <span class="required">\(skal udfyldes\)<\/span><\/legend>/);
    assert.doesNotMatch(html, /<script/i, 'works without JavaScript');
    const english = await (await fetch(`${link}?lang=en`)).text();
    assert.match(english, /<html lang="en">/);
    assert.match(english, /When does Aula switch to Context Handler 2 and STS 2\?/);
    assert.match(await (await fetch(link, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text(), /<html lang="da">/, 'the link decides, not the browser');
  });

  it('shows the errors beside the fields with the values kept, escaped, and stores nothing', async () => {
    const response = await post(link, { nonce: 'n1', status: 'planned', ch2Date: '31.02.2026', contactEmail: 'kari@', comment: '<script>alert(1)</script>' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /role="alert"/);
    assert.match(html, /<input type="date" id="ch2Date" name="ch2Date" value="31\.02\.2026"[^>]*aria-invalid="true" aria-describedby="dates-help ch2Date-error">/);
    assert.match(html, /id="ch2Date-error">&#34;31\.02\.2026&#34;: Det er ikke en gyldig dato/);
    assert.match(html, /id="contactEmail-error">Det er ikke en gyldig e-mailadresse/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;<\/textarea>/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 0);
  });

  it('stores an answer once even when the form is posted twice, and tells the administrators', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'hej', { from: ADMIN, conversation: { id: 'a:admin-chat', conversationType: 'personal' } }));
    const fields = { nonce: 'form-7', status: 'planned', ch2Date: '2026-03-03', vendor: 'Eksempel A/S', contactName: 'Kari' };
    const first = await post(link, fields);
    const second = await post(link, fields);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.match(await first.text(), /Tak — registreret: Aula skifter til Context Handler 2 den 3\. marts 2026/);
    const answers = bot.app.surveys.get(surveyId)!.answers;
    assert.equal(answers.length, 1);
    assert.deepEqual(answers[0]!.source, { channel: 'link', nonce: 'form-7' });
    await bot.settled();
    assert.match(JSON.stringify(bot.connector.sentTo('a:admin-chat').at(-1)), /Nyt svar fra leverandøren om Aula/);
  });

  it('refuses forged, malformed and expired links with a clear page and a 4xx', async () => {
    const base = link.slice(0, link.indexOf('/survey/'));
    const forged = signLinkToken(surveyId, new Date(Date.now() + 86_400_000), 'not-the-secret-but-32-characters-long');
    const forgedPage = await fetch(`${base}/survey/${forged}`);
    assert.equal(forgedPage.status, 403);
    assert.match(await forgedPage.text(), /Linket er ikke gyldigt/);
    assert.equal((await fetch(`${base}/survey/not-a-token`)).status, 403);
    const expired = signLinkToken(surveyId, new Date('2025-01-01T00:00:00Z'), SECRET);
    const expiredPage = await fetch(`${base}/survey/${expired}`);
    assert.equal(expiredPage.status, 410);
    assert.match(await expiredPage.text(), /Linket er udløbet/);
    assert.equal((await post(`${base}/survey/${expired}`, { status: 'undecided' })).status, 410);
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 0);
  });

  it('stops working once KOMBIT has closed the survey', async () => {
    await post(link, { nonce: 'a', status: 'planned', ch2Date: '2026-03-03' });
    const answerId = bot.app.surveys.get(surveyId)!.answers[0]!.id;
    await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }, { from: ADMIN }));
    const closed = await fetch(link);
    assert.equal(closed.status, 410);
    assert.match(await closed.text(), /Spørgeskemaet om Aula er lukket/);
    assert.equal((await post(link, { nonce: 'b', status: 'planned', ch2Date: '2026-04-04' })).status, 410);
  });
});
