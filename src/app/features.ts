import { registerAnswers } from '../answers/chat.js';
import type { ChatRouter, Notifier, Reply } from '../chat/types.js';
import { registerDeadlines } from '../deadlines/chat.js';
import { registerDigest } from '../digest/chat.js';
import type { DigestService } from '../digest/service.js';
import type { SubscriptionStore } from '../digest/subscriptions.js';
import { registerHelp } from '../help/chat.js';
import type { Lang } from '../i18n/language.js';
import type { Log } from '../log.js';
import { registerOperations } from '../operations/chat.js';
import type { RegistryService } from '../registry/service.js';
import { registerSmallTalk } from '../smalltalk/chat.js';
import type { AdminDirectory } from '../surveys/admins.js';
import { registerSurveys, type SurveysDeps } from '../surveys/chat.js';
import type { SurveyLinks } from '../surveys/links.js';
import type { SurveyService } from '../surveys/service.js';
import { registerSync } from '../sync/chat.js';
import type { IsoDate } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';

/** What the features stand on; the bot and `cli ask` both hand over the same. */
export interface FeatureDeps {
  registry: RegistryService;
  clock: Clock;
  log: Log;
  surveys: SurveyService;
  admins: AdminDirectory;
  links: SurveyLinks;
  notifier: Notifier;
  afterApproval?: SurveysDeps['afterApproval'];
  digests: DigestService;
  subscriptions: SubscriptionStore;
  compose: (asOf: IsoDate, lang: Lang) => Promise<Reply>;
  digestZone: string;
  subscribeTeamsOnInstall: boolean;
  /** One sync with KOMBIT's list; null when it is not configured. */
  syncNow: (lang: Lang) => Promise<string | null>;
  statusPageUrl: string;
}

/**
 * The features, in the order their phrases are tried: commands that start a message first, then
 * deadline and "what happens" questions, then questions about a system's switch. The bot and
 * `cli ask` route through this one list, so the CLI answers exactly what the bot would.
 */
export function registerFeatures(router: ChatRouter, deps: FeatureDeps): void {
  registerSmallTalk(router);
  registerHelp(router);
  registerOperations(router, deps);
  registerSurveys(router, deps);
  registerSync(router, deps);
  registerDigest(router, { ...deps, zone: deps.digestZone });
  registerDeadlines(router, deps);
  registerAnswers(router, { ...deps, pendingAnswers: async () => {
      await deps.surveys.refresh();
      return deps.surveys.pendingAnswers();
    },
  });
}
