import assert from 'node:assert/strict';
import { receiptCard, reviewCard, surveyCard, surveyListCard } from '../../src/surveys/cards.js';
import { messageCard } from '../../cards/textCards.js';
import type { Survey, SurveyAnswer } from '../../src/surveys/survey.js';
import { cardProblems } from '../support/cardCheck.js';

const HOSTILE = '**Fed** [klik](https://evil.example) ${surveyId} <b>x</b>';

function answer(fields: Partial<SurveyAnswer> = {}): SurveyAnswer {
  return {
    id: 'answer-1', status: 'planned', ch2Date: '2026-03-03', sts2Date: '2026-06-01', vendor: HOSTILE, contactName: HOSTILE,
    contactEmail: 'kari@example.dk', comment: HOSTILE, submittedAt: '2025-02-10T09:00:00.000Z',
    submittedBy: { userId: '29:u', name: HOSTILE, aadObjectId: null }, source: { channel: 'link', nonce: 'n' }, lang: 'da', ...fields,
  };
}

function survey(fields: Partial<Survey> = {}): Survey {
  return {
    id: 'survey-1', system: HOSTILE, systemKnown: false, createdAt: '2025-02-10T08:00:00.000Z',
    requesters: [{ userId: '29:u', name: HOSTILE, aadObjectId: null, conversationId: 'c', lang: 'da' }], answers: [answer()], review: null, ...fields,
  };
}

/** Every TextRun's text in a card. */
function runs(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'TextBlock') assert.fail(`a TextBlock renders markdown: ${String(element.text)}`);
      if (element.type === 'TextRun') found.push(String(element.text));
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('survey cards', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`are valid Adaptive Cards 1.5 in every variant (${lang})`, () => {
      const cards = {
        empty: surveyCard(survey(), { lang, link: 'https://fki.example/survey/t' }),
        withErrors: surveyCard(survey(), {
          lang, link: null,
          values: { status: 'switched', ch2Date: '31.02.2026', comment: HOSTILE },
          problems: { ch2Date: 'INVALID_DATE', contactEmail: 'INVALID_EMAIL', vendor: 'VENDOR_REQUIRED', comment: 'TOO_LONG' },
        }),
        receipt: receiptCard(survey(), answer(), lang),
        review: reviewCard(survey(), answer(), lang, undefined),
        listForAdmin: surveyListCard([survey(), survey({ id: 's2', answers: [] })], lang, { isAdmin: true }),
        listEmpty: surveyListCard([], lang, { isAdmin: false }),
        decision: messageCard([HOSTILE]),
      };
      for (const [name, card] of Object.entries(cards)) assert.deepEqual(cardProblems(card).filter((p) => !p.includes('${')), [], name);
    });
  }

  it("shows vendors' and users' text verbatim as plain text", () => {
    const review = reviewCard(survey(), answer(), 'da', undefined);
    assert.ok(runs(review).filter((text) => text === HOSTILE).length >= 3, 'vendor, contact and comment');
    assert.ok(runs(surveyCard(survey(), { lang: 'da', link: null })).some((text) => text.includes(HOSTILE)), 'the system name');
  });

  it('keeps a typed date the date input cannot hold in the error text instead', () => {
    const card = surveyCard(survey(), { lang: 'da', link: null, values: { ch2Date: '31.02.2026' }, problems: { ch2Date: 'INVALID_DATE' } });
    assert.match(JSON.stringify(card), /"id":"ch2Date","label":"[^"]*","value":""/);
    assert.ok(runs(card).includes('"31.02.2026": Det er ikke en gyldig dato. Skriv fx 2026-03-03.'));
  });
});

describe('card buttons for older clients', () => {
  it('gives every Action.Execute an Action.Submit fallback with the same title and data, the verb included', () => {
    const cards = [surveyCard(survey(), { lang: 'da', link: null }), receiptCard(survey(), answer(), 'en'), reviewCard(survey(), answer(), 'da', undefined), surveyListCard([survey()], 'da', { isAdmin: true })];
    let buttons = 0;
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const element = node as Record<string, unknown>;
        if (element.type === 'Action.Execute') {
          buttons += 1;
          const fallback = element.fallback as Record<string, unknown>;
          assert.equal(fallback.type, 'Action.Submit');
          assert.equal(fallback.title, element.title);
          assert.deepEqual(fallback.data, element.data);
          assert.equal((fallback.data as Record<string, unknown>).verb, element.verb);
        }
        // A card's refresh is no button (nobody presses it): it needs no Action.Submit fallback.
        Object.entries(element).forEach(([key, value]) => key !== 'fallback' && key !== 'refresh' && walk(value));
      }
    };
    cards.forEach(walk);
    assert.ok(buttons >= 6, `${buttons} buttons checked`);
  });
});
