import { stackCards } from '../../cards/compose.js';
import { digestCard } from './card.js';
import { deckFacts, type DeckFact } from '../facts/fact.js';
import { factsReply } from '../facts/present.js';
import { defineFeature } from '../app/feature.js';
import { deadlineDigestSections } from './digestSections.js';
import type { ChatRouter } from '../chat/types.js';
import type { RegistryService } from '../registry/service.js';
import { calendarDayAt, DANISH_ZONE } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import { digestViewToText, presentDeadlineAnswer } from './present.js';
import { answerDeadlineQuestion } from './questions.js';

export interface DeadlinesDeps {
  registry: RegistryService;
  clock: Clock;
  /** The deck's facts that are not dates, for "what is known" beside an empty answer. */
  facts?: () => readonly DeckFact[];
}

/**
 * "frister", "hvilke frister er der i marts?", "hvad sker der i næste uge?", "hvornår er fristen for
 * K53?", "KLIK-opgaver for UDK Begravelseshjælp", "hvornår er næste spørgetime?", "hvad er nyt i KLIK?".
 */
export function registerDeadlines(router: ChatRouter, { registry, clock, facts = deckFacts }: DeadlinesDeps): void {
  const today = () => calendarDayAt(clock.now(), DANISH_ZONE);
  router.message(
    async (turn) => answerDeadlineQuestion(turn.text, turn.words, await registry.current(), today(), facts()),
    (turn, answer) => {
      const view = presentDeadlineAnswer(answer, today(), turn.lang);
      const reply = { text: digestViewToText(view), card: digestCard(view) };
      // Nothing dated, but the deck tells what is known about the solution: say that, never only "none".
      if (answer.known.length === 0) return reply;
      const known = factsReply(answer.known, turn.lang);
      return { text: `${reply.text}\n\n${known.text}`, card: stackCards([reply.card, known.card]) };
    },
    {
      reads: (answer) => answer.used,
      samples: {
        da: ['hvilke frister er der i marts?', 'hvornår er fristen for K53?', 'hvad sker der i næste uge?', 'hvornår er næste spørgetime?'],
        en: ['which deadlines are there in March?', 'when is the deadline for K53?', 'what happens next week?', 'when is the next webinar?'],
      },
    },
  );
}

export const deadlines = defineFeature({
  name: 'deadlines',
  help: [
    { rank: 20, da: { title: 'hvilke frister er der i marts?' }, en: { title: 'which deadlines are there in March?' } },
    { rank: 21, da: { title: 'hvad sker der i næste uge?' }, en: { title: 'what happens next week?' } },
    { rank: 22, da: { title: 'hvornår er fristen for K53?' }, en: { title: 'when is the deadline for K53?' } },
    { rank: 23, da: { title: 'hvornår er næste spørgetime?' }, en: { title: 'when is the next Q&A meeting?' } },
    { rank: 24, card: false, menu: true, da: { title: 'frister', description: 'KLIK-opgaver og andre frister de næste 14 dage' }, en: { title: 'deadlines', description: 'KLIK tasks and other deadlines in the next 14 days' } },
  ],
  languageWords: {
    da: 'frist frister fristen møder møde aftaler aftale opgaver spørgetime spørgetimer nyt sker',
    en: 'deadline deadlines meeting meetings agreement agreements task tasks webinar webinars happens new',
  },
  register: (router, context) => registerDeadlines(router, context),
  digestSections: () => [...deadlineDigestSections],
});
