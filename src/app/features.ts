import { answers } from '../answers/chat.js';
import { calendar } from '../calendar/feature.js';
import { reminders } from '../reminders/feature.js';
import type { ChatRouter, Notifier } from '../chat/types.js';
import type { Config } from '../config.js';
import { deadlines } from '../deadlines/chat.js';
import { digest } from '../digest/feature.js';
import { facts } from '../facts/feature.js';
import { visits } from '../facts/visits.js';
import { reading } from '../reading/feature.js';
import type { DigestSender } from '../digest/service.js';
import { help } from '../help/chat.js';
import type { Lang } from '../i18n/language.js';
import type { Fence } from '../store/fence.js';
import type { Log } from '../log.js';
import { operations } from '../operations/chat.js';
import { overview } from '../overview/feature.js';
import type { RegistryService } from '../registry/service.js';
import { smallTalk } from '../smalltalk/chat.js';
import type { AdminDirectory } from '../surveys/admins.js';
import { surveys, type SurveysDeps } from '../surveys/chat.js';
import type { SurveyLinks } from '../surveys/links.js';
import type { SurveyService } from '../surveys/service.js';
import { sync } from '../sync/chat.js';
import type { Clock } from '../time/clock.js';
import type { Storage } from '../store/storage.js';
import type { Feature, FeatureContext, HttpRoute, Schedule, StartedFeature } from './feature.js';

/**
 * The app is this list. Phrases are tried in its order: commands that start a message first, then
 * deadline and "what happens" questions, the deck's facts, then questions about a system's switch, which take
 * any name. `reading` checks that the reading that answers accounts for the whole question.
 * The bot and `cli ask` start the same list, so the CLI answers exactly what the bot would.
 */
export const FEATURES: readonly Feature[] = [reading, smallTalk, help, operations, calendar, surveys, reminders, sync, digest, visits, deadlines, facts, answers, overview];

/** What the features stand on: the services the core makes, and the front end's notifier and sync. */
export interface FeatureDeps {
  config: Config;
  /** Where all state lives: files, PostgreSQL or memory. */
  storage: Storage;
  registry: RegistryService;
  clock: Clock;
  log: Log;
  surveys: SurveyService;
  admins: AdminDirectory;
  links: SurveyLinks;
  notifier: Notifier;
  afterApproval?: SurveysDeps['afterApproval'];
  /** Where digests go out: the bot's proactive sender; outside Teams, one that sends nothing. */
  digestSender: DigestSender;
  /** One sync with KOMBIT's list; null when it is not configured. */
  syncNow: (lang: Lang) => Promise<string | null>;
  syncConfigured: boolean;
  /** Whether this bot may still send (it holds the data folder lock); checked before every send. */
  fence?: Fence;
}

export interface StartedFeatures {
  schedules: Schedule[];
  routes: HttpRoute[];
  register(router: ChatRouter): void;
  /** A started feature's own state (the digest's service, say), for the front end and tests. */
  stateOf<State>(feature: Feature<State>): State;
}

/** Starts every feature (its settings read, its state loaded) and hands back their routes and schedules. */
export async function startFeatures(context: FeatureContext, features: readonly Feature[] = FEATURES): Promise<StartedFeatures> {
  const started: StartedFeature[] = [];
  for (const feature of features) started.push(await feature.start({ ...context, features }));
  return {
    schedules: started.flatMap((feature) => feature.schedules),
    routes: started.flatMap((feature) => feature.routes),
    register: (router) => {
      for (const feature of started) feature.register(router);
    },
    stateOf: <State>(feature: Feature<State>) => {
      const found = started.find((candidate) => candidate.feature === feature);
      if (!found) throw new Error(`The feature "${feature.name}" is not in the app`);
      return found.state as State;
    },
  };
}

/** Every feature's language words, for the language detector. */
export function languageWordsOf(features: readonly Feature[] = FEATURES): { da: string[]; en: string[] } {
  const words = { da: [] as string[], en: [] as string[] };
  for (const feature of features) {
    if (!feature.languageWords) continue;
    words.da.push(...feature.languageWords.da.split(/\s+/));
    words.en.push(...feature.languageWords.en.split(/\s+/));
  }
  return words;
}
