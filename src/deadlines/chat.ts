import { digestCard } from './card.js';
import { defineFeature } from '../app/feature.js';
import type { ChatRouter } from '../chat/types.js';
import type { RegistryService } from '../registry/service.js';
import { calendarDayAt, DANISH_ZONE } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import { digestViewToText, presentDeadlineAnswer } from './present.js';
import { answerDeadlineQuestion } from './questions.js';

export interface DeadlinesDeps {
  registry: RegistryService;
  clock: Clock;
}

/**
 * "frister", "hvilke frister er der i marts?", "hvad sker der i næste uge?", "hvornår er fristen for
 * K53?", "KLIK-opgaver for UDK Begravelseshjælp", "hvornår er næste spørgetime?", "hvad er nyt i KLIK?".
 */
export function registerDeadlines(router: ChatRouter, { registry, clock }: DeadlinesDeps): void {
  const today = () => calendarDayAt(clock.now(), DANISH_ZONE);
  router.message(
    async (turn) => answerDeadlineQuestion(turn.text, turn.words, await registry.current(), today()),
    (turn, answer) => {
      const view = presentDeadlineAnswer(answer, today(), turn.lang);
      return { text: digestViewToText(view), card: digestCard(view) };
    },
  );
}

export const deadlines = defineFeature({
  name: 'deadlines',
  languageWords: { da: 'frist frister', en: 'deadline deadlines' },
  register: (router, context) => registerDeadlines(router, context),
});
