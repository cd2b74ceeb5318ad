import { defineFeature } from '../app/feature.js';
import type { ChatRouter } from '../chat/types.js';
import { asksAboutNow } from '../operations/chat.js';
import type { RegistryService } from '../registry/service.js';
import { deckFacts, type DeckFact } from './fact.js';
import { matchFacts } from './matching.js';
import { factsReply } from './present.js';
import { factNextSteps } from './nextSteps.js';
import type { Clock } from '../time/clock.js';
import type { Config } from '../config.js';
import { overviewLink } from '../links/overview.js';
import { calendarDayAt, DANISH_ZONE } from '../time/calendarDate.js';

export interface FactsDeps {
  registry: RegistryService;
  clock: Clock;
  /** Where the overview tab is ("Åbn CH2-overblik" as a next step); no link when left out. */
  config?: Pick<Config, 'teamsAppId' | 'publicBaseUrl'>;
  /** The deck's facts; the shipped ones when left out. */
  facts?: () => readonly DeckFact[];
}

/**
 * Questions about a fact of the deck that is not a date ("hvad koster DOS?", "hvorfor var FK ORG
 * ustabil?", "hvem kan jeg kontakte hos KOMBIT?"): the deck's sentence and its source. A question
 * about operations now ("er FK ORG nede?") is left to the status page.
 */
export function registerFacts(router: ChatRouter, { registry, clock, config, facts = deckFacts }: FactsDeps): void {
  router.message(
    async (turn) => {
      if (asksAboutNow(turn.words)) return null;
      return matchFacts(turn.words, facts(), await registry.current());
    },
    async (turn, match) => {
      const data = { registry: await registry.current(), today: calendarDayAt(clock.now(), DANISH_ZONE), facts: facts() };
      const next = factNextSteps(match.facts, turn.lang, data, config ? overviewLink(config, turn.lang) : null);
      return factsReply(match.facts, turn.lang, undefined, match.notTold, next);
    },
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
