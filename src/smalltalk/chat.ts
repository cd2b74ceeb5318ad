import { messageCard, questionsCard } from '../../cards/textCards.js';
import { defineFeature } from '../app/feature.js';
import type { ChatRouter } from '../chat/types.js';
import type { Lang } from '../i18n/language.js';
import { phrases, type Word } from '../text/words.js';
import { cardExamples, helpExamplesOf } from '../help/examples.js';
import { exampleDataOf } from '../help/chat.js';

const THANKS = new Set(phrases('tak takker tusind mange thanks thank thx ty cheers')[0]);
const GREETINGS = new Set(phrases('hej hejsa hejhej hallo halløj goddag godmorgen morn hi hello hey howdy')[0]);
/** Words that may stand beside thanks or a greeting without making it a question. */
const COURTESY = new Set(
  phrases(`for det var så godt super fint perfekt hjælpen svaret svarene info informationen igen lige skal du have
    dig jer alle bot fki fkibot der med god morgen dag you so much very a lot for the help answer great ok okay again
    there everyone all good morning afternoon og and`)[0],
);

type SmallTalk = 'thanks' | 'greeting';

/** Thanks or a greeting with nothing else in it: "tak for hjælpen!", "Hej bot", "thanks a lot". */
export function smallTalkOf(words: readonly Word[]): SmallTalk | null {
  if (words.length === 0 || words.length > 8) return null;
  const first = (words[0] as Word).folded;
  const kind: SmallTalk | null = THANKS.has(first) ? 'thanks' : GREETINGS.has(first) || (first === 'god' && words.length > 1) ? 'greeting' : null;
  if (kind === null) return null;
  const rest = words.slice(1).every((word) => COURTESY.has(word.folded) || THANKS.has(word.folded) || GREETINGS.has(word.folded));
  return rest ? kind : null;
}

const TEXTS: Record<Lang, Record<SmallTalk, string>> = {
  da: {
    thanks: 'Det var så lidt. Skriv bare hvis der er mere jeg kan hjælpe med.',
    greeting: 'Hej! Spørg mig fx om et systems skift eller om fristerne. Tryk på et spørgsmål, eller skriv "hjælp" for mere.',
  },
  en: {
    thanks: "You're welcome. Just write if there is anything else I can help with.",
    greeting: 'Hi! Ask me, for example, about a system\'s switch or the deadlines. Tap a question, or type "help" for more.',
  },
};

/** The questions a greeting offers as buttons (each a sample of the route that answers it); the first fits the data in use. */
const GREETING_QUESTIONS: Record<Lang, readonly string[]> = {
  da: ['hvornår skifter SAPA til CH2?', 'hvad sker der i næste uge?', 'hjælp'],
  en: ['when does SAPA switch to CH2?', 'what happens next week?', 'help'],
};

/** The help's first example asked of the data in use (a system of the data), when the app has one. */
type FirstExample = (lang: Lang) => Promise<string | undefined>;

/** A short, friendly answer to thanks and greetings, instead of "I didn't understand". */
export function registerSmallTalk(router: ChatRouter, firstExample: FirstExample = () => Promise.resolve(undefined)): void {
  router.message(
    (turn) => smallTalkOf(turn.words),
    async (turn, kind) => {
      const text = TEXTS[turn.lang][kind];
      if (kind === 'thanks') return { text, card: messageCard([text]) };
      const [first, ...rest] = GREETING_QUESTIONS[turn.lang];
      const questions = [(await firstExample(turn.lang)) ?? (first as string), ...rest];
      return { text: [text, ...questions.map((question) => `• ${question}`)].join('\n'), card: questionsCard([text], questions) };
    },
    { samples: { da: ['tak for hjælpen', 'hej', 'godmorgen'], en: ['thanks a lot', 'hello', 'hi there'] } },
  );
}

export const smallTalk = defineFeature({
  name: 'smalltalk',
  languageWords: { da: 'tak hej', en: 'thanks hello hi' },
  register: (router, { features = [], registry, clock }) => {
    const examples = helpExamplesOf(features);
    const data = exampleDataOf(registry, clock);
    registerSmallTalk(router, async (lang) => cardExamples(examples, lang, await data())[0]);
  },
});
