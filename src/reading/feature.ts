import { defineFeature } from '../app/feature.js';
import type { ChatRouter, ChatTurn } from '../chat/types.js';
import { deckFacts, type DeckFact } from '../facts/fact.js';
import type { RegistryService } from '../registry/service.js';
import { splitWords } from '../text/words.js';
import { calendarDayAt, DANISH_ZONE } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import { partlyReply } from './partly.js';
import { understanding } from './policy.js';
import { ReadingActionData, ReadingVerbs } from './verbs.js';

export interface ReadingDeps {
  registry: RegistryService;
  clock: Clock;
  facts?: () => readonly DeckFact[];
}

/**
 * Every word of a question is accounted for by the reading that answers it, or the bot says which part
 * it understood, answers that part and offers the closest questions as buttons; a question of two
 * parts is answered part by part. The buttons ask their question as if it had been written.
 */
export function registerReading(router: ChatRouter, { registry, clock, facts = deckFacts }: ReadingDeps): void {
  const today = () => calendarDayAt(clock.now(), DANISH_ZONE);
  router.understanding(
    understanding(
      () => registry.current(),
      today,
      async (turn, reading, leftover) => partlyReply(turn, reading, leftover, await registry.current(), facts()),
    ),
  );
  router.action(ReadingVerbs.ask, ReadingActionData.ask, async (turn, { question }) => {
    const asked: ChatTurn = { ...turn, text: question, words: splitWords(question) };
    const { reply } = await router.route(asked);
    return reply.card ? { type: 'card', reply: { ...reply, card: reply.card } } : { type: 'message', text: reply.text };
  });
}

export const reading = defineFeature({
  name: 'reading',
  register: (router, context) => registerReading(router, context),
});
