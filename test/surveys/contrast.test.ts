import assert from 'node:assert/strict';
import { messageCard } from '../../cards/textCards.js';
import { receiptCard, reviewCard, statusCard, surveyCard, surveyListCard } from '../../src/surveys/cards.js';
import { FORM_TEXT_COLOURS } from '../../src/surveys/formPage.js';
import type { Survey, SurveyAnswer } from '../../src/surveys/survey.js';

/**
 * Teams' light theme as the Microsoft 365 Agents Playground renders cards (its bundled host config,
 * @microsoft/m365agentsplayground 0.2.28, dist/client main.*.js): "#AARRGGBB" or "#RRGGBB" per colour,
 * default and subtle; the backgrounds of the default and emphasis containers.
 */
const FOREGROUND: Record<string, { default: string; subtle: string }> = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};
const BACKGROUND: Record<string, string> = { default: '#ffffff', emphasis: '#fff9f8f7' };

type Rgb = [number, number, number];

function parse(hex: string): { rgb: Rgb; alpha: number } {
  const digits = hex.replace('#', '');
  const [alpha, rest] = digits.length === 8 ? [parseInt(digits.slice(0, 2), 16) / 255, digits.slice(2)] : [1, digits];
  const full = rest.length === 3 ? [...rest].map((c) => c + c).join('') : rest;
  return { rgb: [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb, alpha };
}

/** A colour as seen over its background (alpha blended). */
function over(foreground: string, background: Rgb): Rgb {
  const { rgb, alpha } = parse(foreground);
  return rgb.map((channel, i) => channel * alpha + background[i]! * (1 - alpha)) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of a text colour on its background. */
export function contrast(foreground: string, background: string): number {
  const bg = over(background, [255, 255, 255]);
  const [a, b] = [luminance(over(foreground, bg)), luminance(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Every text of a card with the colour it is shown in and what it is shown on. */
function textColours(card: unknown): { text: string; foreground: string; background: string }[] {
  const found: { text: string; foreground: string; background: string }[] = [];
  const walk = (node: unknown, style: string): void => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, style));
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    // A ShowCard's card is shown in an emphasis container in Teams (actions.showCard.style).
    const inner = typeof element.style === 'string' && element.style in BACKGROUND ? element.style : element.type === 'Action.ShowCard' ? 'emphasis' : style;
    if (element.type === 'TextRun' || element.type === 'TextBlock') {
      const colour = FOREGROUND[String(element.color ?? 'default').toLowerCase()] ?? FOREGROUND.default!;
      found.push({ text: String(element.text), foreground: element.isSubtle ? colour.subtle : colour.default, background: BACKGROUND[inner]! });
    }
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback') walk(value, inner);
  };
  walk(card, 'default');
  return found;
}

const answer: SurveyAnswer = {
  id: 'a1', status: 'planned', ch2Date: '2026-03-03', sts2Date: null, vendor: 'Netcompany', contactName: 'Kari', contactEmail: 'kari@example.dk',
  comment: null, submittedAt: '2025-02-10T09:00:00.000Z', submittedBy: { userId: '29:u', name: 'Kari', aadObjectId: null }, source: { channel: 'link', nonce: 'n' }, lang: 'da',
};
const open: Survey = {
  id: 's1', system: 'Aula', systemKnown: true, createdAt: '2025-02-10T08:00:00.000Z',
  requesters: [{ userId: '29:u', name: 'Alex', aadObjectId: null, conversationId: 'c', lang: 'da' }], answers: [answer], review: null,
};
const approved: Survey = { ...open, review: { decision: 'approved', answerId: 'a1', by: { aadObjectId: 'x', name: 'Kirsten' }, at: '2025-02-11T09:00:00.000Z', reason: null } };

describe('contrast of the survey cards and the web form', () => {
  it('computes contrast as WCAG does (the old receipt line, #92C353 on white, is 2.1:1)', () => {
    assert.equal(Math.round(contrast('#92c353', '#ffffff') * 10) / 10, 2.1);
    assert.equal(Math.round(contrast('#000000', '#ffffff')), 21);
  });

  it('shows every text of every survey card at 4.5:1 or more in Teams', () => {
    const cards = {
      form: surveyCard({ ...open, answers: [] }, { lang: 'da', link: 'https://fki.example/survey/t' }),
      formWithErrors: surveyCard({ ...open, answers: [] }, { lang: 'da', link: null, values: { ch2Date: '2040-01-01' }, problems: { ch2Date: 'DATE_OUT_OF_RANGE', status: 'STATUS_REQUIRED' } }),
      receipt: receiptCard(open, answer, 'da'),
      approvedReceipt: receiptCard(approved, answer, 'en'),
      status: statusCard(approved, 'da', { forAdmin: true }),
      review: reviewCard(open, answer, 'da', undefined, { notice: 'Leverandøren har sendt et nyere svar' }),
      list: surveyListCard([open], 'da', { isAdmin: true, notice: 'Spørgeskemaet er lukket' }),
      decision: messageCard(['Godkendt']),
    };
    const low = Object.entries(cards).flatMap(([name, card]) =>
      textColours(card)
        .map((text) => ({ name, ...text, ratio: contrast(text.foreground, text.background) }))
        .filter((text) => text.ratio < 4.5),
    );
    assert.deepEqual(low, []);
    assert.ok(textColours(cards.formWithErrors).some((text) => text.foreground === FOREGROUND.attention!.default), 'errors are in the attention colour');
  });

  it('uses only text colours of 4.5:1 or more in the web form', () => {
    assert.ok(FORM_TEXT_COLOURS.length >= 4);
    for (const { name, foreground, background } of FORM_TEXT_COLOURS) {
      assert.ok(contrast(foreground, background) >= 4.5, `${name}: ${foreground} on ${background} is ${contrast(foreground, background).toFixed(2)}:1`);
    }
  });
});
