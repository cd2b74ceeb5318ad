import { admins } from '../admins/feature.js';
import { answers } from '../answers/chat.js';
import type { Feature } from './feature.js';
import type { Router } from '../chat/router.js';
import { languageDetector, type LanguageDetector, type PhraseWords } from '../i18n/language.js';
import { calendar } from '../calendar/feature.js';
import { reminders } from '../reminders/feature.js';
import { deadlines } from '../deadlines/chat.js';
import { digest } from '../digest/feature.js';
import { facts } from '../facts/feature.js';
import { following } from '../follow/feature.js';
import { visits } from '../facts/visits.js';
import { reading } from '../reading/feature.js';
import { help } from '../help/chat.js';
import { operations } from '../operations/chat.js';
import { overview } from '../overview/feature.js';
import { smallTalk } from '../smalltalk/chat.js';
import { surveys } from '../surveys/chat.js';
import { sync } from '../sync/chat.js';

/**
 * The app is this list. Phrases are tried in its order: commands that start a message first, then
 * deadline and "what happens" questions, the deck's facts, then questions about a system's switch, which take
 * any name. `reading` checks that the reading that answers accounts for the whole question.
 * The bot and `cli ask` start the same list, so the CLI answers exactly what the bot would. They
 * start in the order of the services they use (src/app/start.ts), and answer in the order of the list.
 */
export const FEATURES: readonly Feature[] = [reading, smallTalk, help, operations, calendar, admins, surveys, reminders, sync, digest, following, visits, deadlines, facts, answers, overview];

/**
 * The app's language detector: it knows every feature's words, those the feature declares and those of
 * the sample phrases its routes registered in `router`.
 */
export function appLanguageDetector(features: readonly Feature[], router: Pick<Router, 'samples'>): LanguageDetector {
  const declared = { da: [] as string[], en: [] as string[] };
  for (const feature of features) {
    if (!feature.languageWords) continue;
    declared.da.push(...feature.languageWords.da.split(/\s+/));
    declared.en.push(...feature.languageWords.en.split(/\s+/));
  }
  const samples = router.samples().flatMap(({ samples }): PhraseWords[] => (samples ? [samples] : []));
  return languageDetector(declared, ...samples);
}
