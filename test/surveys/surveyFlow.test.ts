import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BotHarness } from '../support/botHarness.js';
import { cardAction, groupChatMessage, personalMessage, USER } from '../support/activities.js';
import { cardProblems } from '../support/cardCheck.js';
import { testData } from '../support/fixtures.js';

const ADMIN = { id: '29:admin-kirsten', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const OTHER = { id: '29:user-bo', name: 'Bo Bruger', aadObjectId: '00000000-0000-0000-0000-0000000000b0' };
const PERSONAL = 'a:personal-chat-alex';

type Activity = Record<string, unknown> & { summary?: string; text?: string; attachments?: { content: Record<string, unknown> }[] };
interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

const cardOf = (activity: Activity | undefined) => activity?.attachments?.[0]?.content;
const plainText = (activity: Activity | undefined) => String(cardOf(activity)?.fallbackText ?? activity?.text ?? '');
const surveyIdIn = (card: unknown) => /"surveyId":"([^"]+)"/.exec(JSON.stringify(card))?.[1] ?? '';

/** The inputs of a card by id, with the values they show. */
function inputs(card: unknown): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.id === 'string') found[element.id] = element.value;
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
}

async function journalLines(bot: BotHarness): Promise<string[]> {
  try {
    return (await readFile(path.join(bot.dataDir, 'surveys.jsonl'), 'utf8')).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

describe('vendor surveys over /api/messages', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    // Some tests ask about five systems as one person: above the default limit of three a day.
    bot = await BotHarness.start({ data: testData(), env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, SURVEY_OPEN_LIMIT_PER_DAY: '5' } });
  });
  afterEach(async () => {
    await bot.stop();
  });

  /** Asks for a survey with the "ask the vendor" button; returns the survey card posted in the chat. */
  async function requestByButton(system: string, extra: Record<string, unknown> = {}) {
    const { body } = await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system, lang: 'da' }, extra));
    const posted = bot.connector.sentTo(PERSONAL).at(-1) as Activity;
    return { response: body as InvokeBody, posted, card: cardOf(posted), surveyId: surveyIdIn(cardOf(posted)) };
  }

  const submit = (surveyId: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', ...fields }, extra));

  it('posts the survey card and the link when "ask the vendor" is pressed', async () => {
    const { response, posted, card, surveyId } = await requestByButton('Aula');
    assert.equal(response.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(response.value), /Jeg har oprettet et spørgeskema til leverandøren af Aula/);
    assert.ok(surveyId);
    assert.deepEqual(cardProblems(card), []);
    assert.deepEqual(Object.keys(inputs(card)).sort(), ['ch2Date', 'comment', 'contactEmail', 'contactName', 'status', 'sts2Date', 'vendor']);
    const link = /Leverandører uden for Teams kan svare her: (\S+)/.exec(plainText(posted))?.[1];
    assert.ok(link, 'the reply shows the survey link');
    const page = await fetch(link);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Hvornår skifter Aula til Context Handler 2 og STS 2\?/);
  });

  it('opens a survey from chat, in Danish or English, and for a system the registry lacks', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'spørg leverandøren om Aula'));
    await bot.post(personalMessage(bot.serviceUrl, 'ask the vendor about Nexos'));
    await bot.post(groupChatMessage(bot.serviceUrl, 'survey Acadre'));
    const [danish, english] = bot.connector.sentTo(PERSONAL) as Activity[];
    assert.match(plainText(danish), /spørgeskema til leverandøren af Aula/);
    assert.match(plainText(english), /I have made a survey for the vendor of Nexos/);
    const [group] = bot.connector.sentTo('19:group-chat@thread.v2') as Activity[];
    assert.match(JSON.stringify(cardOf(group)), /Systemet er ikke på KOMBITs liste endnu/);
    assert.deepEqual(
      bot.app.surveys.all().map((survey) => [survey.system, survey.systemKnown]),
      [['Aula', true], ['Nexos', true], ['Acadre', false]],
    );
  });

  it('keeps one open survey per system: a second request joins the first', async () => {
    const first = await requestByButton('Aula');
    await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'aula', lang: 'da' }, { from: OTHER }));
    const again = await requestByButton('Aula');
    assert.equal(bot.app.surveys.all().length, 1);
    const survey = bot.app.surveys.get(first.surveyId)!;
    assert.deepEqual(survey.requesters.map((r) => r.userId), [USER.id, OTHER.id]);
    assert.match(String(again.response.value), /Du har allerede spurgt om Aula/);
  });

  it('returns the card with the errors beside the fields and the values kept, and stores nothing', async () => {
    const { surveyId } = await requestByButton('Aula');
    const before = await journalLines(bot);
    const { body } = await submit(surveyId, { status: 'switched', ch2Date: '2030-01-01', contactEmail: 'kari@', comment: 'Hej <b>KOMBIT</b>' });
    const response = body as InvokeBody;
    assert.equal(response.statusCode, 200);
    assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
    const card = JSON.stringify(response.value);
    assert.match(card, /Svaret er ikke gemt/);
    assert.match(card, /Et skift der allerede er sket, kan ikke ligge i fremtiden/);
    assert.match(card, /Det er ikke en gyldig e-mailadresse/);
    assert.deepEqual(inputs(response.value), {
      status: 'switched', ch2Date: '2030-01-01', sts2Date: '', vendor: '', contactName: '', contactEmail: 'kari@', comment: 'Hej <b>KOMBIT</b>',
    });
    assert.deepEqual(cardProblems(response.value), []);
    assert.deepEqual(await journalLines(bot), before, 'nothing was stored');
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 0);
  });

  it('stores a valid answer on disk, shows a receipt with "Ret svaret", and the same delivery twice stores it once', async () => {
    const { surveyId } = await requestByButton('Aula');
    const fields = { status: 'planned', ch2Date: '2026-03-03', contactName: 'Kari Leverandør', contactEmail: 'kari@netcompany.example' };
    const first = (await submit(surveyId, fields, { id: 'invoke-42' })).body as InvokeBody;
    const again = (await submit(surveyId, fields, { id: 'invoke-42' })).body as InvokeBody;
    assert.equal(first.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(first.value), /Tak — registreret: Aula skifter til Context Handler 2 den 3\. marts 2026/);
    assert.match(JSON.stringify(first.value), /"title":"Ret svaret"/);
    assert.deepEqual(again, first, 'a re-delivered invoke gets the same receipt');
    const answers = (await journalLines(bot)).map((line) => JSON.parse(line)).filter((event) => event.type === 'answered');
    assert.equal(answers.length, 1);
    assert.deepEqual(
      { who: answers[0].answer.submittedBy.userId, activity: answers[0].answer.source.activityId, channel: answers[0].answer.source.channel },
      { who: USER.id, activity: 'invoke-42', channel: 'teams' },
    );

    const edit = (await bot.post(cardAction(bot.serviceUrl, 'survey.edit', { surveyId, answerId: answers[0].answer.id, lang: 'da' }))).body as InvokeBody;
    assert.equal(inputs(edit.value).ch2Date, '2026-03-03', '"Ret svaret" reopens the filled form');
    assert.equal(inputs(edit.value).contactName, 'Kari Leverandør');
  });

  it("shows the vendor's unreviewed date in answers, marked as not confirmed by KOMBIT", async () => {
    const { surveyId } = await requestByButton('Aula');
    await submit(surveyId, { status: 'planned', ch2Date: '2026-03-03' });
    await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter Aula til CH2?'));
    const text = plainText(bot.connector.sentTo(PERSONAL).at(-1) as Activity);
    assert.match(text, /Der er endnu ingen kendt dato for Aulas skift til Context Handler 2/);
    assert.match(text, /Leverandøren har oplyst CH2 3\. marts 2026 .*KOMBIT har endnu ikke bekræftet det/);
  });

  it('refuses approval from anyone but an administrator, and changes nothing', async () => {
    const { surveyId } = await requestByButton('Aula');
    await submit(surveyId, { status: 'planned', ch2Date: '2026-03-03' });
    const answerId = bot.app.surveys.get(surveyId)!.answers[0]!.id;
    const before = await journalLines(bot);
    const { body } = await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }));
    assert.deepEqual(body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Kun KOMBITs administratorer kan godkende eller afvise svar. Intet er ændret.',
    });
    assert.deepEqual(await journalLines(bot), before);
    assert.equal((await bot.app.registry.current()).find('Aula')?.ch2Date, null);
  });

  it('lets an administrator approve: the registry takes the date and everyone who asked is told', async () => {
    // The administrator has a personal chat with the bot, so the review card reaches them.
    await bot.post(personalMessage(bot.serviceUrl, 'hej', { from: ADMIN, conversation: { id: 'a:personal-chat-admin', conversationType: 'personal' } }));
    const { surveyId } = await requestByButton('Aula');
    await bot.post(groupChatMessage(bot.serviceUrl, 'ask the vendor about Aula', { from: OTHER }));
    await submit(surveyId, { status: 'planned', ch2Date: '2026-03-03', contactName: 'Kari' });
    await bot.settled();
    const review = bot.connector.sentTo('a:personal-chat-admin').at(-1) as Activity;
    assert.match(plainText(review), /Nyt svar fra leverandøren om Aula venter på godkendelse/);
    const answerId = /"answerId":"([^"]+)"/.exec(JSON.stringify(cardOf(review)))?.[1] ?? '';
    assert.deepEqual(cardProblems(cardOf(review)), []);

    const { body } = await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }, { from: ADMIN }));
    assert.match(JSON.stringify((body as InvokeBody).value), /Godkendt af Kirsten KOMBIT/);
    await bot.settled();

    const aula = (await bot.app.registry.current()).find('Aula');
    assert.equal(aula?.ch2Date, '2026-03-03');
    assert.equal(aula?.status, 'planned');
    // Provenance for everyone names organisations; who answered and who approved stays in the history.
    assert.equal(aula?.source, 'Leverandørens svar, godkendt af KOMBIT 10. februar 2025');
    assert.equal(bot.app.surveys.get(surveyId)?.review?.by.name, 'Kirsten KOMBIT');
    const overview = await (await fetch(`${bot.server.url}/api/overview`)).text();
    assert.doesNotMatch(overview, /Kari|Kirsten/, 'the public overview names no person');
    assert.match(plainText(bot.connector.sentTo(PERSONAL).at(-1) as Activity), /KOMBIT har godkendt leverandørens svar om Aula/);
    assert.match(plainText(bot.connector.sentTo('19:group-chat@thread.v2').at(-1) as Activity), /KOMBIT has approved the vendor's answer about Aula/);

    await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter Aula til CH2?'));
    assert.match(plainText(bot.connector.sentTo(PERSONAL).at(-1) as Activity), /Aula skifter til Context Handler 2 den 3\. marts 2026/);
    const closed = (await submit(surveyId, { status: 'planned', ch2Date: '2026-04-01' })).body as InvokeBody;
    assert.match(String(closed.value), /Spørgeskemaet om Aula er lukket/);
  });

  it('adds a new system to the registry when its survey is approved', async () => {
    const { surveyId } = await requestByButton('Acadre');
    const missingVendor = (await submit(surveyId, { status: 'planned', ch2Date: '2026-05-01' })).body as InvokeBody;
    assert.match(JSON.stringify(missingVendor.value), /Skriv leverandørens navn/);
    await submit(surveyId, { status: 'planned', ch2Date: '2026-05-01', vendor: 'Tabulex' });
    const answerId = bot.app.surveys.get(surveyId)!.answers[0]!.id;
    await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }, { from: ADMIN }));
    const acadre = (await bot.app.registry.current()).find('Acadre');
    assert.deepEqual([acadre?.vendor, acadre?.ch2Date, acadre?.status], ['Tabulex', '2026-05-01', 'planned']);
  });

  it('needs a reason to reject, and tells the requesters the reason', async () => {
    const { surveyId } = await requestByButton('Aula');
    await submit(surveyId, { status: 'planned', ch2Date: '2026-03-03' });
    const answerId = bot.app.surveys.get(surveyId)!.answers[0]!.id;
    const noReason = (await bot.post(cardAction(bot.serviceUrl, 'survey.reject', { surveyId, answerId, lang: 'da' }, { from: ADMIN }))).body as InvokeBody;
    assert.equal(noReason.value, 'Skriv en begrundelse, før du afviser svaret.');
    assert.equal(bot.app.surveys.get(surveyId)!.review, null);
    await bot.post(cardAction(bot.serviceUrl, 'survey.reject', { surveyId, answerId, lang: 'da', reason: 'Datoen passer ikke med releaseplanen' }, { from: ADMIN }));
    await bot.settled();
    assert.match(plainText(bot.connector.sentTo(PERSONAL).at(-1) as Activity), /afvist leverandørens svar om Aula\. Begrundelse: Datoen passer ikke med releaseplanen/);
    assert.equal((await bot.app.registry.current()).find('Aula')?.ch2Date, null);
  });

  it('lists open surveys, with review buttons for administrators only', async () => {
    const { surveyId } = await requestByButton('Aula');
    await requestByButton('FBS');
    await submit(surveyId, { status: 'planned', ch2Date: '2026-03-03' });
    await bot.post(personalMessage(bot.serviceUrl, 'åbne forespørgsler'));
    const forUser = bot.connector.sentTo(PERSONAL).at(-1) as Activity;
    assert.match(plainText(forUser), /Aula: åben siden 10\. februar 2025, 1 har spurgt, 1 svar · afventer godkendelse/);
    assert.match(plainText(forUser), /FBS: .* · afventer svar/);
    assert.doesNotMatch(JSON.stringify(cardOf(forUser)), /survey\.review/);
    await bot.post(personalMessage(bot.serviceUrl, 'open surveys', { from: ADMIN }));
    const forAdmin = cardOf(bot.connector.sentTo(PERSONAL).at(-1) as Activity);
    // Asked in English, so the list is in English, whatever the client's locale.
    const reviewButtons = JSON.stringify(forAdmin).match(/"type":"Action\.Execute","title":"Review","verb":"survey\.review"/g) ?? [];
    assert.equal(reviewButtons.length, 1, 'a review button for the answered survey only');
    assert.deepEqual(cardProblems(forAdmin), []);
  });

  it('keeps every answer through a restart', async () => {
    const { surveyId } = await requestByButton('Aula');
    await submit(surveyId, { status: 'planned', ch2Date: '2026-03-03' });
    const restarted = await BotHarness.start({ data: testData(), dataDir: bot.dataDir });
    try {
      assert.equal(restarted.app.surveys.get(surveyId)?.answers[0]?.ch2Date, '2026-03-03');
    } finally {
      await restarted.stop();
    }
  });

  it('lands all of 50 concurrent submissions, to the same and to different surveys', async () => {
    const systems = ['Aula', 'FBS', 'KY', 'KSD', 'DUBU'];
    const surveyIds: string[] = [];
    for (const system of systems) surveyIds.push((await requestByButton(system)).surveyId);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) => submit(surveyIds[n % systems.length]!, { status: 'planned', ch2Date: `2026-03-${String((n % 28) + 1).padStart(2, '0')}`, vendor: 'V' }, { id: `burst-${n}` })),
    );
    assert.deepEqual(responses.filter((response) => (response.body as InvokeBody).type !== 'application/vnd.microsoft.card.adaptive'), []);
    const answered = (await journalLines(bot)).map((line) => JSON.parse(line)).filter((event) => event.type === 'answered');
    assert.equal(answered.length, 50);
    assert.deepEqual(new Set(answered.map((event) => event.answer.source.activityId)).size, 50);
    for (const surveyId of surveyIds) assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 10);
  });
});
