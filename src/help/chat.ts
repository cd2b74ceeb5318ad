import { messageCard } from '../../cards/textCards.js';
import { defineFeature } from '../app/feature.js';
import { helpCard } from './card.js';
import { exactly } from '../chat/phrases.js';
import type { ChatRouter } from '../chat/types.js';
import { messages } from '../i18n/messages.js';
import { helpTexts } from './texts.js';
import { calendarFeedUrl } from '../calendar/link.js';

const HELP = exactly('hjælp', 'help', 'hjaelp', 'hvad kan du', 'what can you do', 'kommandoer', 'commands', '?', 'hej', 'hi', 'hello');

/** Help on request, a welcome on install, and the "I didn't understand" fallback. */
export function registerHelp(router: ChatRouter, calendarUrl: string): void {
  router.message(HELP, (turn) => helpReply(turn.lang, null, calendarUrl), { samples: { da: ['hjælp', 'hvad kan du', 'kommandoer'], en: ['help', 'what can you do', 'commands'] } });
  router.welcome((turn) => helpReply(turn.lang, helpTexts(turn.lang).welcome, calendarUrl));
  router.fallback((turn) => {
    const lines = [messages(turn.lang).notUnderstood, ...helpTexts(turn.lang).helpExamples.map((example) => `• ${example}`)];
    return { text: lines.join('\n'), card: messageCard(lines) };
  });
}

function helpReply(lang: 'da' | 'en', greeting: string | null, calendarUrl: string) {
  const m = helpTexts(lang);
  const examples = m.helpExamples.map((example) => `• ${example}`);
  const text = [greeting, m.helpTitle, m.helpIntro, ...examples, `${m.calendarLine} ${calendarUrl}`].filter(Boolean).join('\n');
  return { text, card: helpCard(lang, greeting, calendarUrl) };
}

export const help = defineFeature({
  name: 'help',
  languageWords: { da: 'hjælp', en: 'help' },
  register: (router, { config }) => registerHelp(router, calendarFeedUrl(config.publicBaseUrl)),
});
