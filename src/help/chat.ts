import { messageCard } from '../../cards/textCards.js';
import { defineFeature } from '../app/feature.js';
import { helpCard } from './card.js';
import { exactly } from '../chat/phrases.js';
import type { ChatRouter } from '../chat/types.js';
import { messages } from '../i18n/messages.js';
import { helpTexts } from './texts.js';
import { calendarFeedUrl } from '../calendar/link.js';
import { cardExamples, helpExamplesOf } from './examples.js';

/** What the help card suggests, once the app's features are known. */
type Examples = (lang: 'da' | 'en') => string[];

const HELP = exactly('hjælp', 'help', 'hjaelp', 'hvad kan du', 'what can you do', 'kommandoer', 'commands', '?', 'hej', 'hi', 'hello');

/** Help on request, a welcome on install, and the "I didn't understand" fallback. */
export function registerHelp(router: ChatRouter, calendarUrl: string, examples: Examples): void {
  router.message(HELP, (turn) => helpReply(turn.lang, null, calendarUrl, examples), { samples: { da: ['hjælp', 'hvad kan du', 'kommandoer'], en: ['help', 'what can you do', 'commands'] } });
  router.welcome((turn) => helpReply(turn.lang, helpTexts(turn.lang).welcome, calendarUrl, examples));
  router.fallback((turn) => {
    const lines = [messages(turn.lang).notUnderstood, ...examples(turn.lang).map((example) => `• ${example}`)];
    return { text: lines.join('\n'), card: messageCard(lines) };
  });
}

function helpReply(lang: 'da' | 'en', greeting: string | null, calendarUrl: string, examples: Examples) {
  const m = helpTexts(lang);
  const shown = examples(lang);
  const text = [greeting, m.helpTitle, m.helpIntro, ...shown.map((example) => `• ${example}`), `${m.calendarLine} ${calendarUrl}`].filter(Boolean).join('\n');
  return { text, card: helpCard(lang, greeting, calendarUrl, shown) };
}

export const help = defineFeature({
  name: 'help',
  languageWords: { da: 'hjælp', en: 'help' },
  help: [{ rank: 90, card: false, menu: true, da: { title: 'hjælp', description: 'Hvad FKI Bot kan' }, en: { title: 'help', description: 'What FKI Bot can do' } }],
  // The examples every feature of the app declares (its `help`), gathered once at start.
  register: (router, { config, features = [] }) => {
    const examples = helpExamplesOf(features);
    registerHelp(router, calendarFeedUrl(config.publicBaseUrl), (lang) => cardExamples(examples, lang));
  },
});
