import { z } from 'zod';
import { stackCards } from '../../cards/compose.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { refreshUsersOf, viewerOf } from '../app/cardActions.js';
import { defineFeature, type FeatureContext } from '../app/feature.js';
import { DEADLINE_HELP } from './helpExamples.js';
import { cardText } from '../chat/cardData.js';
import { MAX_MESSAGE_CHARS, type ChatRouter, type ChatTurn, type Reply } from '../chat/types.js';
import { deckFacts, type DeckFact } from '../facts/fact.js';
import { messages } from '../i18n/messages.js';
import { factsReply } from '../facts/present.js';
import { matchFacts } from '../facts/matching.js';
import { askedKind } from '../facts/askedKind.js';
import { asksAboutNow } from '../operations/chat.js';
import type { RegistryService } from '../registry/service.js';
import { splitWords } from '../text/words.js';
import { calendarDayAt, DANISH_ZONE } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import { deadlineAnswerCard, digestCard } from './card.js';
import { deadlineDigestSections } from './digestSections.js';
import { ANSWER_SECTION_LINES, digestViewToText, presentDeadlineAnswer } from './present.js';
import { answerDeadlineQuestion, isDeadlineQuestionWord, type DeadlineAnswer } from './questions.js';
import { isStopword } from '../text/stopwords.js';
import { deadlineNextSteps } from './nextSteps.js';
import type { Config } from '../config.js';
import { overviewLink, type OverviewLink } from '../links/overview.js';
import type { NextStep } from '../links/nextStep.js';

export interface DeadlinesDeps {
  registry: RegistryService;
  clock: Clock;
  /** The deck's facts that are not dates, for "what is known" beside an empty answer. */
  facts?: () => readonly DeckFact[];
  /** Buttons other features put on the deadlines of an answer ("Færdig ✓"), per viewer. */
  cardActions?: FeatureContext['cardActions'];
  /** Where the overview tab is ("Åbn CH2-overblik" under a list); no link when left out. */
  config?: Pick<Config, 'teamsAppId' | 'publicBaseUrl'>;
}

/** Card verbs of the deadlines feature. */
export const DeadlineVerbs = {
  /** Teams rebuilds a deadline answer's card for the person looking at it: `{ question }`. */
  refresh: 'deadlines.refresh',
} as const;
const RefreshData = z.object({ question: cardText(MAX_MESSAGE_CHARS) });

/**
 * "frister", "hvilke frister er der i marts?", "hvad sker der i næste uge?", "hvornår er fristen for
 * K53?", "KLIK-opgaver for UDK Begravelseshjælp", "hvornår er næste spørgetime?", "hvad er nyt i KLIK?".
 */
export function registerDeadlines(router: ChatRouter, { registry, clock, facts = deckFacts, cardActions, config }: DeadlinesDeps): void {
  const today = () => calendarDayAt(clock.now(), DANISH_ZONE);
  const reply = async (turn: ChatTurn, question: string, answer: DeadlineAnswer): Promise<Reply & { card: AdaptiveCard }> => {
    const overview = config ? overviewLink(config, turn.lang) : null;
    const shown = presentDeadlineAnswer(answer, today(), turn.lang, { channel: turn.conversation.kind === 'channel', overview });
    // One to three next steps, each one whose answer is not empty; the overview among them.
    const steps = deadlineNextSteps(answer, question, turn.lang, { registry: await registry.current(), today: today(), facts: facts() }, overview);
    const listed = new Set((shown.links ?? []).map((link) => link.url));
    const inLinks = (step: NextStep): step is OverviewLink => 'url' in step && listed.has(step.url);
    const view = { ...shown, links: steps.filter(inLinks), next: steps.filter((step) => !inLinks(step)) };
    // Nothing dated, but the deck tells what is known about the solution: say that, never only "none".
    const known = answer.known.length > 0 ? factsReply(answer.known, turn.lang) : null;
    const text = known ? `${digestViewToText(view)}\n\n${known.text}` : digestViewToText(view);
    const card = known ? stackCards([digestCard(view), known.card]) : digestCard(view);
    // Other features' buttons on the deadlines shown, in this viewer's state; Teams rebuilds the card per viewer.
    const subjects = answer.items.slice(0, ANSWER_SECTION_LINES).map((deadline) => ({ on: 'deadline' as const, subject: deadline }));
    const buttons = cardActions?.(subjects, viewerOf(turn), turn.lang) ?? [];
    return { text, card: deadlineAnswerCard(card, buttons, { verb: DeadlineVerbs.refresh, data: { question, lang: turn.lang }, userIds: refreshUsersOf(turn) }) };
  };
  router.message(
    async (turn) => {
      const current = await registry.current();
      const answer = answerDeadlineQuestion(turn.text, turn.words, current, today(), facts());
      // Nothing dated found, while a fact of the deck answers the question ("hvornår blev SKAT-data tilføjet
      // bilag A?", "fristen for to-faktor i SAPA?"): the fact answers, not "none".
      // Only a fact that reads as much of the question: "bølge 3" read whole by the deadlines is not a fact of wave 2.
      if (answer !== null && !asksAboutNow(turn.words) && (foundNothing(answer) || (nothingAsked(answer) && !asksForADay(turn.words)))) {
        const fact = matchFacts(turn.words, facts(), current);
        if (fact !== null && (fact.words.length >= new Set(answer.used).size || readsAllOf(fact.words, answer.used, turn.words))) return null;
      }
      return answer;
    },
    (turn, answer) => reply(turn, turn.text, answer),
    {
      reads: (answer) => answer.used,
      // The help's examples are samples too: one list of phrases, proven to reach this route.
      samples: {
        da: DEADLINE_HELP.map((example) => example.da.title),
        en: [...DEADLINE_HELP.map((example) => example.en.title), 'when is the next webinar?'],
      },
    },
  );
  router.action(DeadlineVerbs.refresh, RefreshData, async (turn, { question }) => {
    const answer = answerDeadlineQuestion(question, splitWords(question), await registry.current(), today(), facts());
    if (answer === null) return { type: 'error', code: 'QUESTION_NOT_UNDERSTOOD', text: messages(turn.lang).badAction };
    return { type: 'card', reply: await reply(turn, question, answer) };
  });
}

/** The fact's reading has every word of the deadlines' reading but their question words ("hvem skal deltage i orienteringsmøderne"). */
function readsAllOf(factWords: readonly number[], used: readonly number[], words: ChatTurn['words']): boolean {
  const read = new Set(factWords);
  return used.every((at) => read.has(at) || isStopword(words[at]?.folded ?? '') || isDeadlineQuestionWord(words[at]?.folded ?? ''));
}

/** Nothing found of what was asked, only the latest before it: "hvad skal vi gøre med to-faktor?" is no date question. */
function nothingAsked(answer: DeadlineAnswer): boolean {
  return answer.items.length === 0 && answer.unknownDays.length === 0 && (answer.switches?.length ?? 0) === 0;
}

/** The question asks for a day or a deadline ("hvornår", "frist", "when"). */
function asksForADay(words: ChatTurn['words']): boolean {
  const kind = askedKind(words)?.kind;
  return kind === 'when' || kind === 'deadline';
}

/** An answer with no item, switch or undated item to show. */
function foundNothing(answer: DeadlineAnswer): boolean {
  return answer.items.length === 0 && answer.unknownDays.length === 0 && answer.latest.length === 0 && (answer.switches?.length ?? 0) === 0 && (answer.nextAfter?.length ?? 0) === 0;
}

export const deadlines = defineFeature({
  name: 'deadlines',
  help: DEADLINE_HELP,
  languageWords: {
    da: 'frist frister fristen møder møde aftaler aftale opgaver spørgetime spørgetimer nyt sker',
    en: 'deadline deadlines meeting meetings agreement agreements task tasks webinar webinars happens new',
  },
  register: (router, context) => registerDeadlines(router, context),
  digestSections: () => [...deadlineDigestSections],
});
