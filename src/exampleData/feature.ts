import type { AdaptiveCard } from '../../cards/render.js';
import { defineFeature } from '../app/feature.js';
import type { ActionResult, Reply, TurnOutcome } from '../chat/types.js';
import type { Lang } from '../i18n/language.js';

/**
 * What every reply says while the Playground runs on its made-up example data (PLAYGROUND_EXAMPLE_DATA,
 * bot/playground.ts): the word "Eksempeldata" in both languages, so nobody takes an example for a fact.
 */
export const EXAMPLE_DATA_NOTICE: Record<Lang, string> = {
  da: 'Eksempeldata: systemer, leverandører og datoer er opdigtede til afprøvning i Playground.',
  en: 'Eksempeldata (example data): systems, vendors and dates are made up for trying the bot in the Playground.',
};

/**
 * The Playground's example-data mark: a middleware that puts the notice on every reply, card action
 * result and compose-box card, and a first section of the weekly digest that says it. Only the
 * Playground adds this feature (never src/app/features.ts), and only when it runs on example data;
 * the bot and the CLI never load it.
 */
export const exampleDataMark = defineFeature({
  name: 'example-data',
  register: (router) => {
    router.use(async (turn, next) => markOutcome(await next(), turn.lang));
  },
  digestSections: () => [
    {
      key: 'exampleData.notice',
      order: 0,
      compute: ({ lang }) => {
        const [lead = '', text = ''] = EXAMPLE_DATA_NOTICE[lang].split(': ');
        return { heading: 'Eksempeldata', groups: [{ heading: null, lines: [{ lead, text }] }], more: null };
      },
    },
  ],
});

function markOutcome(outcome: TurnOutcome, lang: Lang): TurnOutcome {
  switch (outcome.type) {
    case 'reply':
      return { ...outcome, reply: markReply(outcome.reply, lang) };
    case 'action':
      return { ...outcome, result: markResult(outcome.result, lang) };
    case 'search':
      return {
        ...outcome,
        results: outcome.results?.map((result) => ({ ...result, text: `${result.text} · ${EXAMPLE_DATA_NOTICE[lang]}`, reply: { ...markReply(result.reply, lang), card: markCard(result.reply.card, lang) } })) ?? null,
      };
    default:
      return outcome;
  }
}

function markResult(result: ActionResult, lang: Lang): ActionResult {
  const post = result.type !== 'error' && result.post ? { post: result.post.map((reply) => markReply(reply, lang)) } : {};
  if (result.type === 'card') return { ...result, reply: { ...markReply(result.reply, lang), card: markCard(result.reply.card, lang) }, ...post };
  if (result.type === 'message') return { ...result, text: `${result.text}\n${EXAMPLE_DATA_NOTICE[lang]}`, ...post };
  return result;
}

/** The notice last in the text (its first line stays the notification's preview), first on the card; once. */
export function markReply(reply: Reply, lang: Lang): Reply {
  if (reply.text.includes(EXAMPLE_DATA_NOTICE[lang])) return reply;
  return { ...reply, text: `${reply.text}\n${EXAMPLE_DATA_NOTICE[lang]}`, ...(reply.card ? { card: markCard(reply.card, lang) } : {}) };
}

/** The notice as the card's first line, in the text's own colour (the card's contrast stays as it was). */
function markCard(card: AdaptiveCard, lang: Lang): AdaptiveCard {
  return { ...card, body: [{ type: 'TextBlock', text: EXAMPLE_DATA_NOTICE[lang], wrap: true, weight: 'Bolder', size: 'Small' }, ...card.body] };
}
