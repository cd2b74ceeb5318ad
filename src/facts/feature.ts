import { defineFeature } from '../app/feature.js';
import type { ChatRouter } from '../chat/types.js';
import { asksAboutNow } from '../operations/chat.js';
import type { RegistryService } from '../registry/service.js';
import { deckFacts, type DeckFact } from './fact.js';
import { matchFacts } from './matching.js';
import { factsReply } from './present.js';

export interface FactsDeps {
  registry: RegistryService;
  /** The deck's facts; the shipped ones when left out. */
  facts?: () => readonly DeckFact[];
}

/**
 * Questions about a fact of the deck that is not a date ("hvad koster DOS?", "hvorfor var FK ORG
 * ustabil?", "hvem kan jeg kontakte hos KOMBIT?"): the deck's sentence and its source. A question
 * about operations now ("er FK ORG nede?") is left to the status page.
 */
export function registerFacts(router: ChatRouter, { registry, facts = deckFacts }: FactsDeps): void {
  router.message(
    async (turn) => {
      if (asksAboutNow(turn.words)) return null;
      return matchFacts(turn.words, facts(), await registry.current());
    },
    (turn, match) => factsReply(match.facts, turn.lang, undefined, match.notTold),
    {
      reads: (match) => match.words,
      samples: { da: ['hvad koster DOS?', 'hvem kan jeg kontakte hos KOMBIT?'], en: ['what does DOS cost?', 'who can I contact at KOMBIT?'] },
    },
  );
}

export const facts = defineFeature({
  name: 'facts',
  languageWords: { da: 'koster hvorfor kontakte', en: 'cost costs why contact' },
  register: (router, context) => registerFacts(router, context),
});
