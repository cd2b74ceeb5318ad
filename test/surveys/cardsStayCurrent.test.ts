import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness.js';
import { cardAction, personalMessage, USER } from '../support/activities.js';
import { cardProblems } from '../support/cardCheck.js';
import { testData } from '../support/fixtures.js';

const ADMIN = { id: '29:admin-kirsten', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const OTHER = { id: '29:user-bo', name: 'Bo Bruger', aadObjectId: '00000000-0000-0000-0000-0000000000b0' };
const PERSONAL = 'a:personal-chat-alex';
const ADMIN_CHAT = 'a:personal-chat-admin';
const GROUP = { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true };

type Activity = Record<string, unknown> & { attachments?: { content: Record<string, unknown> }[] };
interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

const cardOf = (activity: unknown) => (activity as Activity | undefined)?.attachments?.[0]?.content;
const surveyIdIn = (card: unknown) => /"surveyId":"([^"]+)"/.exec(JSON.stringify(card))?.[1] ?? '';
const answerIdIn = (card: unknown) => /"answerId":"([^"]+)"/.exec(JSON.stringify(card))?.[1] ?? '';

/** Every TextRun's text in a card, joined: what a person reads on it. */
function shown(card: unknown): string {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'TextRun') found.push(String(element.text));
      if (typeof element.title === 'string' && String(element.type).startsWith('Action.')) found.push(`[${element.title}]`);
      Object.entries(element).forEach(([key, value]) => key !== 'fallback' && walk(value));
    }
  };
  walk(card);
  return found.join(' ');
}

describe('survey cards stay current (updated in place, per viewer)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await BotHarness.start({ data: testData(), env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
    // The administrator has a personal chat with the bot, so review cards reach them.
    await bot.post(personalMessage(bot.serviceUrl, 'hej', { from: ADMIN, conversation: { id: ADMIN_CHAT, conversationType: 'personal' } }));
  });
  afterEach(async () => {
    await bot.stop();
  });

  /** The id Teams gave a message the bot posted (the stand-in answers `sent-N` for its N-th call). */
  const idOf = (activity: unknown) => `sent-${bot.connector.calls.findIndex((call) => call.activity === activity) + 1}`;
  const lastIn = (conversationId: string) => bot.connector.sentTo(conversationId).at(-1);

  /** Alex asks about Aula in the personal chat and answers on the card posted there; returns the ids. */
  async function askAndAnswer() {
    await bot.post(personalMessage(bot.serviceUrl, 'spørg leverandøren om Aula'));
    const surveyMessage = lastIn(PERSONAL);
    const surveyId = surveyIdIn(cardOf(surveyMessage));
    const receipt = (await bot.post(
      cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }, { replyToId: idOf(surveyMessage) }),
    )).body as InvokeBody;
    await bot.settled();
    const review = lastIn(ADMIN_CHAT);
    return { surveyId, surveyMessageId: idOf(surveyMessage), receipt, review, reviewId: idOf(review), answerId: answerIdIn(cardOf(review)) };
  }

  it("updates the requester's receipt and the administrator's list in place after an approval", async () => {
    const { surveyId, surveyMessageId, receipt, reviewId, answerId } = await askAndAnswer();
    assert.match(shown(receipt.value), /KOMBIT gennemgår svaret/);
    await bot.post(personalMessage(bot.serviceUrl, 'åbne forespørgsler', { from: ADMIN, conversation: { id: ADMIN_CHAT, conversationType: 'personal' } }));
    const list = lastIn(ADMIN_CHAT);
    assert.match(shown(cardOf(list)), /Aula: åben siden/);

    const approved = (await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }, {
      from: ADMIN, conversation: { id: ADMIN_CHAT, conversationType: 'personal' }, replyToId: reviewId,
    }))).body as InvokeBody;
    await bot.settled();
    assert.match(shown(approved.value), /Godkendt af Kirsten KOMBIT/);

    const receiptUpdates = bot.connector.updatesIn(PERSONAL);
    assert.deepEqual(receiptUpdates.map((update) => update.activityId), [surveyMessageId], 'the message the answer was sent from');
    const updatedReceipt = shown(cardOf(receiptUpdates[0]!.activity));
    assert.match(updatedReceipt, /Tak — registreret: Aula skifter til Context Handler 2 den 3\. marts 2026/);
    assert.match(updatedReceipt, /KOMBIT har godkendt leverandørens svar om Aula/);
    assert.doesNotMatch(updatedReceipt, /gennemgår|\[Ret svaret\]/);

    const adminUpdates = bot.connector.updatesIn(ADMIN_CHAT);
    // The review card it was approved on got the invoke response; the list is updated in place.
    assert.deepEqual(adminUpdates.map((update) => update.activityId), [idOf(list)]);
    assert.match(shown(cardOf(adminUpdates[0]!.activity)), /Der er ingen åbne forespørgsler/);
    for (const update of [...receiptUpdates, ...adminUpdates]) assert.deepEqual(cardProblems(cardOf(update.activity)), []);
  });

  it('keeps the list when "Gennemse" is pressed, and updates it and the first review card after the decision', async () => {
    const { surveyId, answerId, reviewId } = await askAndAnswer();
    const adminChat = { from: ADMIN, conversation: { id: ADMIN_CHAT, conversationType: 'personal' } };
    await bot.post(personalMessage(bot.serviceUrl, 'åbne forespørgsler', adminChat));
    const list = lastIn(ADMIN_CHAT);
    const pressed = (await bot.post(cardAction(bot.serviceUrl, 'survey.review', { surveyId, lang: 'da' }, { ...adminChat, replyToId: idOf(list) }))).body as InvokeBody;
    await bot.settled();
    assert.match(shown(pressed.value), /Åbne forespørgsler.*Aula: åben siden/, 'the list stays');
    const review = lastIn(ADMIN_CHAT);
    assert.match(shown(cardOf(review)), /Svar til godkendelse: Aula.*\[Godkend\]/);

    await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }, { ...adminChat, replyToId: idOf(review) }));
    await bot.settled();
    const updated = bot.connector.updatesIn(ADMIN_CHAT);
    assert.deepEqual(updated.map((update) => update.activityId).sort(), [idOf(list), reviewId].sort());
    for (const update of updated) assert.doesNotMatch(shown(cardOf(update.activity)), /\[Godkend\]|Aula: åben siden/);
  });

  it('still finds the cards to update after a restart (where they landed is on disk)', async () => {
    const { surveyId, surveyMessageId, reviewId, answerId } = await askAndAnswer();
    const restarted = await BotHarness.start({ data: testData(), dataDir: bot.dataDir, env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
    try {
      // Both chats write again, so the restarted bot posts to its own stand-in connector.
      await restarted.post(personalMessage(restarted.serviceUrl, 'hej'));
      await restarted.post(cardAction(restarted.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }, {
        from: ADMIN, conversation: { id: ADMIN_CHAT, conversationType: 'personal' }, replyToId: reviewId,
      }));
      await restarted.settled();
      const [update] = restarted.connector.updatesIn(PERSONAL);
      assert.equal(update?.activityId, surveyMessageId);
      assert.match(shown(cardOf(update?.activity)), /KOMBIT har godkendt leverandørens svar om Aula/);
    } finally {
      await restarted.stop();
    }
  });

  it('updates the receipt and every other review card after a rejection, naming the reason', async () => {
    const { surveyId, surveyMessageId, answerId } = await askAndAnswer();
    // Rejected from the list's "Gennemse" card, not from the review card sent to the administrator's chat.
    await bot.post(cardAction(bot.serviceUrl, 'survey.reject', { surveyId, answerId, lang: 'da', reason: 'Datoen passer ikke' }, {
      from: ADMIN, conversation: { id: ADMIN_CHAT, conversationType: 'personal' }, replyToId: 'some-other-card',
    }));
    await bot.settled();
    const [receipt] = bot.connector.updatesIn(PERSONAL);
    assert.equal(receipt?.activityId, surveyMessageId);
    assert.match(shown(cardOf(receipt?.activity)), /KOMBIT har afvist leverandørens svar om Aula\. Begrundelse: Datoen passer ikke/);
    const [review] = bot.connector.updatesIn(ADMIN_CHAT);
    assert.match(shown(cardOf(review?.activity)), /Afvist af Kirsten KOMBIT 10\. februar 2025: Datoen passer ikke/);
    assert.doesNotMatch(shown(cardOf(review?.activity)), /\[Godkend\]/, 'no decision buttons left on it');
  });

  it('shows on the review card what approving changes: "nu → nyt"', async () => {
    const { review } = await askAndAnswer();
    const text = shown(cardOf(review));
    assert.match(text, /Det ændrer godkendelsen på listen \(nu → nyt\)/);
    assert.match(text, /Dato for skift til Context Handler 2:\s+ukendt → 3\. marts 2026/);
    assert.match(text, /Dato for skift til STS 2:\s+ukendt \(uændret\)/);
    assert.match(text, /Status:\s+Ingen dato endnu → Planlagt/);
  });

  it('asks to confirm "Luk uden svar" in the list, keeps the list after closing, and updates the survey card', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'spørg leverandøren om FBS'));
    const surveyMessage = lastIn(PERSONAL);
    const surveyId = surveyIdIn(cardOf(surveyMessage));
    await bot.post(personalMessage(bot.serviceUrl, 'åbne forespørgsler', { from: ADMIN, conversation: { id: ADMIN_CHAT, conversationType: 'personal' } }));
    const list = lastIn(ADMIN_CHAT);
    const card = JSON.stringify(cardOf(list));
    // One press only opens the question; "Ja, luk" closes, "Fortryd" gives the list back.
    assert.match(card, /"type":"Action\.ShowCard","title":"Luk uden svar","card":\{.*Luk spørgeskemaet om FBS uden svar\? Den der har spurgt, får besked.*"title":"Ja, luk","verb":"survey\.close".*"title":"Fortryd","verb":"survey\.list"/);
    const admin = { from: ADMIN, conversation: { id: ADMIN_CHAT, conversationType: 'personal' }, replyToId: idOf(list) };

    const cancelled = (await bot.post(cardAction(bot.serviceUrl, 'survey.list', { lang: 'da' }, admin))).body as InvokeBody;
    assert.match(shown(cancelled.value), /FBS: åben siden/);
    assert.ok(bot.app.surveys.openFor('FBS'), 'Fortryd closes nothing');

    const closed = (await bot.post(cardAction(bot.serviceUrl, 'survey.close', { surveyId, from: 'list', lang: 'da' }, admin))).body as InvokeBody;
    await bot.settled();
    assert.equal(closed.type, 'application/vnd.microsoft.card.adaptive', 'the list stays');
    assert.match(shown(closed.value), /Spørgeskemaet om FBS er lukket uden svar 10\. februar 2025/);
    assert.match(shown(closed.value), /Der er ingen åbne forespørgsler/);
    const [update] = bot.connector.updatesIn(PERSONAL);
    assert.equal(update?.activityId, idOf(surveyMessage));
    assert.match(shown(cardOf(update?.activity)), /KOMBIT har lukket spørgeskemaet om FBS uden et svar/);
    assert.doesNotMatch(shown(cardOf(update?.activity)), /\[Send svaret\]/, 'the form is gone');
  });

  it('gives each person in a group chat their own view through the refresh: the answerer, another member, an administrator', async () => {
    const inGroup = (from: typeof USER, extra: Record<string, unknown> = {}) => ({ from, conversation: GROUP, ...extra });
    await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }, inGroup(USER)));
    const posted = lastIn(GROUP.id);
    const card = cardOf(posted) as { refresh?: { action: { verb: string }; userIds?: string[] } };
    assert.equal(card.refresh?.action.verb, 'survey.view');
    assert.deepEqual(card.refresh?.userIds, [USER.id], 'Teams rebuilds it at once for the one who asked');
    const surveyId = surveyIdIn(card);

    const view = async (from: typeof USER) => ((await bot.post(cardAction(bot.serviceUrl, 'survey.view', { surveyId, lang: 'da' }, inGroup(from)))).body as InvokeBody).value;
    assert.match(shown(await view(OTHER)), /\[Send svaret\]/, 'before any answer, everyone sees the form');

    await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }, inGroup(USER, { replyToId: idOf(posted) })));
    const [answerer, member, admin] = [shown(await view(USER)), shown(await view(OTHER)), shown(await view(ADMIN))];
    assert.match(answerer, /Tak — registreret: Aula skifter .*\[Ret svaret\]/);
    assert.match(member, /Leverandøren har svaret om Aula 10\. februar 2025\. KOMBIT gennemgår svaret/);
    assert.doesNotMatch(member, /\[Ret svaret\]|\[Send svaret\]|\[Godkend\]/);
    assert.match(admin, /Svar til godkendelse: Aula.*\[Godkend\].*\[Afvis\]/);
  });
});
