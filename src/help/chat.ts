import { questionsCard } from '../../cards/textCards.js';
import { defineFeature, type HelpExample } from '../app/feature.js';
import { helpCard } from './card.js';
import { exactly } from '../chat/phrases.js';
import type { ChatRouter } from '../chat/types.js';
import type { Config } from '../config.js';
import { messages } from '../i18n/messages.js';
import { overviewLink, type OverviewLink } from '../links/overview.js';
import { helpTexts } from './texts.js';
import { calendarFeedUrl } from '../calendar/link.js';
import { cardExamples, helpExamplesOf, type ExampleData } from './examples.js';
import type { RegistryService } from '../registry/service.js';
import type { Clock } from '../time/clock.js';
import { calendarDayAt, DANISH_ZONE } from '../time/calendarDate.js';

/** What the help card suggests, once the app's features are known: asked of the data in use. */
export type Examples = (lang: 'da' | 'en') => string[] | Promise<string[]>;

const HELP = exactly('hjælp', 'help', 'hjaelp', 'hvad kan du', 'what can you do', 'kommandoer', 'commands', '?', 'hej', 'hi', 'hello');

/** The help's own example: also a sample of its route. */
const HELP_EXAMPLE: HelpExample = { rank: 90, card: false, menu: true, da: { title: 'hjælp', description: 'Hvad FKI Bot kan' }, en: { title: 'help', description: 'What FKI Bot can do' } };

/** How many example questions the "I didn't understand" reply offers as buttons. */
const FALLBACK_QUESTIONS = 4;

/** Help on request, a welcome on install, and the "I didn't understand" fallback, each offering questions as buttons. */
export function registerHelp(router: ChatRouter, calendarUrl: string, examples: Examples, config?: Pick<Config, 'teamsAppId' | 'publicBaseUrl'>): void {
  const overview = (lang: 'da' | 'en') => (config ? overviewLink(config, lang) : null);
  router.message(HELP, async (turn) => helpReply(turn.lang, null, calendarUrl, await examples(turn.lang), overview(turn.lang)), {
    samples: { da: [HELP_EXAMPLE.da.title, 'hvad kan du', 'kommandoer'], en: [HELP_EXAMPLE.en.title, 'what can you do', 'commands'] },
  });
  router.welcome(async (turn) => helpReply(turn.lang, helpTexts(turn.lang).welcome, calendarUrl, await examples(turn.lang), overview(turn.lang)));
  router.fallback(async (turn) => {
    const questions = (await examples(turn.lang)).slice(0, FALLBACK_QUESTIONS);
    const lines = [messages(turn.lang).notUnderstood];
    return { text: [...lines, ...questions.map((question) => `• ${question}`)].join('\n'), card: questionsCard(lines, questions) };
  });
}

function helpReply(lang: 'da' | 'en', greeting: string | null, calendarUrl: string, shown: string[], overview: OverviewLink | null) {
  const m = helpTexts(lang);
  const text = [greeting, m.helpTitle, m.helpIntro, ...shown.map((example) => `• ${example}`), `${m.calendarLine} ${calendarUrl}`].filter(Boolean).join('\n');
  return { text, card: helpCard(lang, greeting, calendarUrl, shown, overview) };
}

/** The data in use as of today, for asking the examples of it. */
export function exampleDataOf(registry: RegistryService, clock: Clock): () => Promise<ExampleData> {
  return async () => ({ registry: await registry.current(), today: calendarDayAt(clock.now(), DANISH_ZONE) });
}

export const help = defineFeature({
  name: 'help',
  languageWords: { da: 'hjælp', en: 'help' },
  help: [HELP_EXAMPLE],
  // The examples every feature of the app declares (its `help`), gathered once at start, asked of the data in use per reply.
  register: (router, { config, features = [], registry, clock }) => {
    const examples = helpExamplesOf(features);
    const data = exampleDataOf(registry, clock);
    registerHelp(router, calendarFeedUrl(config.publicBaseUrl), async (lang) => cardExamples(examples, lang, await data()), config);
  },
});
