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
import { cardExamples, helpExamplesOf } from './examples.js';

/** What the help card suggests, once the app's features are known. */
type Examples = (lang: 'da' | 'en') => string[];

const HELP = exactly('hjælp', 'help', 'hjaelp', 'hvad kan du', 'what can you do', 'kommandoer', 'commands', '?', 'hej', 'hi', 'hello');

/** The help's own example: also a sample of its route. */
const HELP_EXAMPLE: HelpExample = { rank: 90, card: false, menu: true, da: { title: 'hjælp', description: 'Hvad FKI Bot kan' }, en: { title: 'help', description: 'What FKI Bot can do' } };

/** How many example questions the "I didn't understand" reply offers as buttons. */
const FALLBACK_QUESTIONS = 4;

/** Help on request, a welcome on install, and the "I didn't understand" fallback, each offering questions as buttons. */
export function registerHelp(router: ChatRouter, calendarUrl: string, examples: Examples, config?: Pick<Config, 'teamsAppId' | 'publicBaseUrl'>): void {
  const overview = (lang: 'da' | 'en') => (config ? overviewLink(config, lang) : null);
  router.message(HELP, (turn) => helpReply(turn.lang, null, calendarUrl, examples, overview(turn.lang)), {
    samples: { da: [HELP_EXAMPLE.da.title, 'hvad kan du', 'kommandoer'], en: [HELP_EXAMPLE.en.title, 'what can you do', 'commands'] },
  });
  router.welcome((turn) => helpReply(turn.lang, helpTexts(turn.lang).welcome, calendarUrl, examples, overview(turn.lang)));
  router.fallback((turn) => {
    const questions = examples(turn.lang).slice(0, FALLBACK_QUESTIONS);
    const lines = [messages(turn.lang).notUnderstood];
    return { text: [...lines, ...questions.map((question) => `• ${question}`)].join('\n'), card: questionsCard(lines, questions) };
  });
}

function helpReply(lang: 'da' | 'en', greeting: string | null, calendarUrl: string, examples: Examples, overview: OverviewLink | null) {
  const m = helpTexts(lang);
  const shown = examples(lang);
  const text = [greeting, m.helpTitle, m.helpIntro, ...shown.map((example) => `• ${example}`), `${m.calendarLine} ${calendarUrl}`].filter(Boolean).join('\n');
  return { text, card: helpCard(lang, greeting, calendarUrl, shown, overview) };
}

export const help = defineFeature({
  name: 'help',
  languageWords: { da: 'hjælp', en: 'help' },
  help: [HELP_EXAMPLE],
  // The examples every feature of the app declares (its `help`), gathered once at start.
  register: (router, { config, features = [] }) => {
    const examples = helpExamplesOf(features);
    registerHelp(router, calendarFeedUrl(config.publicBaseUrl), (lang) => cardExamples(examples, lang), config);
  },
});
