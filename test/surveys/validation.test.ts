import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness.js';
import { cardAction } from '../support/activities.js';
import { testData } from '../support/fixtures.js';

const PERSONAL = 'a:personal-chat-alex';
interface InvokeBody {
  type: string;
  value: unknown;
}
type Element = Record<string, unknown>;

/** The card's elements of a type, in order. */
function elements(card: unknown, type: string): Element[] {
  const found: Element[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Element;
      if (element.type === type) found.push(element);
      Object.entries(element).forEach(([key, value]) => key !== 'fallback' && walk(value));
    }
  };
  walk(card);
  return found;
}
const inputs = (card: unknown) => Object.fromEntries(elements(card, 'Input.Date').concat(elements(card, 'Input.Text'), elements(card, 'Input.ChoiceSet')).map((input) => [input.id, input]));
const texts = (card: unknown) => elements(card, 'TextRun').map((run) => String(run.text)).join('\n');

describe('the survey card never strands a vendor', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await BotHarness.start({ data: testData() });
  });
  afterEach(async () => {
    await bot.stop();
  });

  async function request(system: string) {
    await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system, lang: 'da' }));
    const posted = bot.connector.sentTo(PERSONAL).at(-1) as { attachments: { content: unknown }[] };
    const card = posted.attachments[0]!.content;
    return { card, surveyId: /"surveyId":"([^"]+)"/.exec(JSON.stringify(card))![1]! };
  }
  const submit = async (surveyId: string, fields: Record<string, string>) =>
    ((await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', ...fields }))).body as InvokeBody).value;

  it('marks what is required and tells the allowed dates in the card itself', async () => {
    const { card } = await request('Acadre');
    const fields = inputs(card);
    assert.equal(fields.status?.isRequired, true);
    assert.equal(fields.vendor?.isRequired, true, 'a system KOMBIT does not know needs its vendor');
    for (const date of ['ch2Date', 'sts2Date']) {
      assert.deepEqual([fields[date]?.min, fields[date]?.max], ['2022-12-01', '2035-12-31']);
      assert.equal(fields[date]?.errorMessage, 'Vælg en dato mellem 1. december 2022 og 31. december 2035.');
    }
    const aula = await request('Aula');
    assert.equal(inputs(aula.card).vendor?.isRequired, false, 'a known system has its vendor');
  });

  it('answers a date outside the range with a visible error, keeps what was typed, and clears the error once it is fixed', async () => {
    const { surveyId } = await request('Aula');
    const first = await submit(surveyId, { status: 'planned', ch2Date: '2040-01-01', comment: 'Se releaseplanen' });
    assert.match(texts(first), /Svaret er ikke gemt/);
    assert.match(texts(first), /Datoen skal ligge mellem 1\. december 2022 og 31\. december 2035/);
    assert.deepEqual([inputs(first).ch2Date?.value, inputs(first).status?.value, inputs(first).comment?.value], ['2040-01-01', 'planned', 'Se releaseplanen']);

    const second = await submit(surveyId, { status: 'planned', ch2Date: '2026-03-03', contactEmail: 'kari@' });
    assert.doesNotMatch(texts(second), /Datoen skal ligge mellem/, 'the old error is gone');
    assert.match(texts(second), /Det er ikke en gyldig e-mailadresse/);
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 0);
  });

  it('offers the link as text to copy and a prepared mail to the vendor instead of a raw link', async () => {
    const { card } = await request('Aula');
    assert.match(texts(card), /Leverandører uden for Teams kan svare her:\nhttp:\/\/127\.0\.0\.1:\d+\/survey\/\S+\nMarkér linket for at kopiere det, eller send det i en mail/);
    const [mail, form] = elements(card, 'Action.OpenUrl');
    assert.equal(mail?.title, 'Send til leverandøren');
    const url = new URL(String(mail?.url));
    assert.equal(url.protocol, 'mailto:');
    assert.equal(url.searchParams.get('subject'), 'KOMBIT spørger: hvornår skifter Aula til Context Handler 2 og STS 2?');
    assert.ok(url.searchParams.get('body')?.includes(String(form?.url)), 'the mail carries the link');
    assert.doesNotMatch(String(mail?.url), / /, 'URL-encoded');
  });

  it('shows the same range error in the web form, with the typed date kept', async () => {
    await request('Aula');
    const link = /svare her: (http[^\s"\\]+)/.exec(JSON.stringify(bot.connector.calls.at(-1)?.activity))![1]!;
    const response = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ nonce: 'n1', status: 'planned', ch2Date: '2040-01-01' }) });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /<p class="error" id="ch2Date-error">Datoen skal ligge mellem 1\. december 2022 og 31\. december 2035\.<\/p>/);
    assert.match(html, /id="ch2Date" name="ch2Date" value="2040-01-01"/);
    const fixed = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ nonce: 'n2', status: 'planned', ch2Date: '2026-03-03' }) });
    assert.equal(fixed.status, 200);
    assert.doesNotMatch(await fixed.text(), /class="error"/);
  });
});
