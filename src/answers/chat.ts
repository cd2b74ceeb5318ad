import { answerCard } from './card.js';
import { SurveysService } from '../surveys/services.js';
import { defineFeature } from '../app/feature.js';
import { ANSWER_HELP } from './helpExamples.js';
import type { ChatRouter, ChatTurn, Reply } from '../chat/types.js';
import { refreshUsersOf, viewerOf } from '../app/cardActions.js';
import type { FeatureContext } from '../app/feature.js';
import { answerTexts } from './texts.js';
import { messages } from '../i18n/messages.js';
import type { RegistryService } from '../registry/service.js';
import { calendarDayAt, DANISH_ZONE } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import { answerAbout, answerQuestion, type Answered, type PendingReport } from './answer.js';
import { present, presentVendorOffer, viewToText, type PresentOptions } from './present.js';
import { questionsCard } from '../../cards/textCards.js';
import { overviewLink } from '../links/overview.js';
import type { Config } from '../config.js';
import { AnswerActionData, AnswerSearches, AnswerVerbs } from './verbs.js';
import type { Registry } from '../registry/registry.js';
import type { SystemRecord } from '../registry/system.js';
import { splitWords } from '../text/words.js';
import type { IsoDate } from '../time/calendarDate.js';

export interface AnswersDeps {
  registry: RegistryService;
  clock: Clock;
  /** Vendors' answers not yet reviewed by KOMBIT, by system name key: shown, marked as unconfirmed. */
  pendingAnswers?: () => ReadonlyMap<string, PendingReport> | Promise<ReadonlyMap<string, PendingReport>>;
  /** Buttons other features put on the systems of an answer ("Følg"), per viewer. */
  cardActions?: FeatureContext['cardActions'];
  /** Where the overview tab is ("Åbn CH2-overblik" under lists and counts); no link when left out. */
  config?: Pick<Config, 'teamsAppId' | 'publicBaseUrl'>;
}

/** Questions about CH2/STS2 dates, and the "did you mean" buttons of ambiguous answers. */
export function registerAnswers(router: ChatRouter, { registry, clock, pendingAnswers, cardActions, config }: AnswersDeps): void {
  const today = () => calendarDayAt(clock.now(), DANISH_ZONE);
  // How an answer is shown here: a channel's few lines, the overview's link, "Frister for …" where the data has any.
  const shownIn = async (turn: ChatTurn): Promise<PresentOptions> => {
    const current = await registry.current();
    const solutions = new Set(current.deadlines.map((deadline) => deadline.solution.trim().toLocaleLowerCase('da')));
    return {
      channel: turn.conversation.kind === 'channel',
      overview: config ? overviewLink(config, turn.lang) : null,
      hasDeadlines: (solution) => solutions.has(solution.trim().toLocaleLowerCase('da')),
    };
  };
  const answerIn = async (turn: ChatTurn, question: string, words: ChatTurn['words']) =>
    answerQuestion(question, { registry: await registry.current(), today: today(), locale: turn.locale, lang: turn.lang, words, pending: await pendingAnswers?.() });
  // Other features' buttons on the systems answered about, in this viewer's state; Teams rebuilds the card per viewer.
  const replyIn = async (turn: ChatTurn, question: string, answered: Answered) => {
    const systems = answered.answer.kind === 'found' ? answered.answer.facts.map((fact) => fact.system) : [];
    const buttons = cardActions?.(systems.map((system) => ({ on: 'system' as const, subject: system })), viewerOf(turn), turn.lang) ?? [];
    return answerReply(answered, { buttons, refresh: { verb: AnswerVerbs.refresh, data: { question, lang: turn.lang }, userIds: refreshUsersOf(turn) } }, await shownIn(turn));
  };

  router.message(
    (turn) => answerIn(turn, turn.text, turn.words),
    (turn, answered) => replyIn(turn, turn.text, answered),
    {
      reads: (answered) => answered.used ?? [],
      // The help's examples are samples too: one list of phrases, proven to reach this route.
      samples: {
        da: [...ANSWER_HELP.map((example) => example.da.title)],
        en: [...ANSWER_HELP.map((example) => example.en.title), 'when does KY switch to STS 2?', 'which systems are missing a date?'],
      },
    },
  );

  router.action(AnswerVerbs.pick, AnswerActionData.pick, async (turn, { system: name, topic }) => {
    const system = (await registry.current()).find(name);
    if (system === undefined) {
      return { type: 'error', code: 'SYSTEM_NOT_FOUND', text: answerTexts(turn.lang).systemGone(name) };
    }
    const answer = answerAbout([system], topic, today(), await pendingAnswers?.());
    return { type: 'card', reply: answerReply({ lang: turn.lang, today: today(), answer }, undefined, await shownIn(turn)) };
  });

  // "Er 'Nexsu' et system?": yes offers the vendor survey (or answers, if the name has become known); no offers nothing.
  router.action(AnswerVerbs.isSystem, AnswerActionData.isSystem, async (turn, { name, answer }) => {
    const m = answerTexts(turn.lang);
    if (answer === 'no') return { type: 'card', reply: { text: m.isSystem.notOne(name), card: questionsCard([m.isSystem.notOne(name)], [m.listTitle.all.toLocaleLowerCase(turn.lang)]) } };
    const known = (await registry.current()).find(name);
    if (known !== undefined) return { type: 'card', reply: answerReply({ lang: turn.lang, today: today(), answer: answerAbout([known], 'both', today(), await pendingAnswers?.()) }, undefined, await shownIn(turn)) };
    const view = presentVendorOffer(name, turn.lang);
    return { type: 'card', reply: { text: viewToText(view), card: answerCard(view) } };
  });

  router.action(AnswerVerbs.refresh, AnswerActionData.refresh, async (turn, { question }) => {
    const answered = await answerIn(turn, question, splitWords(question));
    if (answered === null) return { type: 'error', code: 'QUESTION_NOT_UNDERSTOOD', text: messages(turn.lang).badAction };
    return { type: 'card', reply: await replyIn(turn, question, answered) };
  });

  // The message extension: "SAPA: CH2 21. januar 2025" dropped into any chat or channel post.
  router.search(AnswerSearches.systems, async (turn, query) => {
    const pending = await pendingAnswers?.();
    return searchSystems(await registry.current(), query, today()).map((system) => {
      const reply = answerReply({ lang: turn.lang, today: today(), answer: answerAbout([system], 'both', today(), pending) });
      return { title: system.name, text: reply.text.split('\n', 1)[0] ?? '', reply };
    });
  });
}

/** How many systems a search from the compose box offers. */
const SEARCH_RESULTS = 10;

/**
 * The systems a compose-box search names, matched as chat matches them (names, aliases, typos), then
 * the nearest names; an empty search offers the systems switching next.
 */
function searchSystems(registry: Registry, query: string, today: IsoDate): SystemRecord[] {
  const text = query.trim().slice(0, 100);
  if (text === '') {
    const next = (system: SystemRecord) => [system.ch2Date, system.sts2Date].filter((day): day is IsoDate => day !== null && day >= today).sort()[0] ?? null;
    return registry.systems
      .map((system) => ({ system, day: next(system) }))
      .filter((entry): entry is { system: SystemRecord; day: IsoDate } => entry.day !== null)
      .sort((a, b) => a.day.localeCompare(b.day) || registry.compareNames(a.system, b.system))
      .slice(0, SEARCH_RESULTS)
      .map((entry) => entry.system);
  }
  const found = registry.matcher.findMentions(splitWords(text)).mentions.flatMap((mention) => mention.systems);
  const systems = found.length > 0 ? found : registry.matcher.closest(text, SEARCH_RESULTS);
  return [...new Set(systems)].slice(0, SEARCH_RESULTS);
}

export function answerReply(answered: Answered, contributed?: Parameters<typeof answerCard>[1], options?: PresentOptions): Reply & { card: NonNullable<Reply['card']> } {
  const view = present(answered, options);
  return { text: viewToText(view), card: answerCard(view, contributed) };
}

export const answers = defineFeature({
  name: 'answers',
  uses: [SurveysService],
  help: ANSWER_HELP,
  register: (router, context) =>
    registerAnswers(router, {
      ...context,
      // Vendors' answers not yet reviewed, taking in what the CLI recorded meanwhile.
      pendingAnswers: async () => {
        const surveys = context.use(SurveysService);
        await surveys.refresh();
        return surveys.pendingAnswers();
      },
    }),
});
