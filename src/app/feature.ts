import type { z } from 'zod';
import type { ChatRouter, Notifier } from '../chat/types.js';
import { ConfigError, type Config } from '../config.js';
import type { Lang } from '../i18n/language.js';
import type { Log } from '../log.js';
import type { RegistryChange } from '../registry/changes.js';
import type { RegistryService } from '../registry/service.js';
import type { Storage } from '../store/storage.js';
import type { Clock } from '../time/clock.js';
import type { CardAction, CardActionContribution, CardSubject, CardViewer } from './cardActions.js';
import type { DigestSection } from './digestSection.js';
import type { OverviewLine, OverviewLineContribution } from './overviewLines.js';
import { FeatureStartError, type ProvidedService, type ServiceKey, type ServiceUse } from './services.js';

/** What every feature stands on; anything else it needs, it `uses` as a service of another feature or of the edge. */
export interface FeatureDeps {
  config: Config;
  /** Where all state lives: files, PostgreSQL or memory. */
  storage: Storage;
  registry: RegistryService;
  clock: Clock;
  log: Log;
  /** Messages out of a turn: into a conversation, to a person's personal chat. */
  notifier: Notifier;
}

/** Work a feature runs on a clock: "0 8 * * 1" in Europe/Copenhagen, say. Only the bot runs them. */
export interface Schedule {
  name: string;
  cron: string;
  zone: string;
  /** Also run once when the bot starts (to catch up what was missed while it was down). */
  atStart?: boolean;
  run(now: Date): Promise<unknown>;
}

// Contributions to the front ends (HTTP routes, static pages, CLI commands, help examples): src/app/contributions.ts.
import type { CliCommand, HelpExample, HttpRoute, StaticPage } from './contributions.js';
import { pageRoutes } from './pages.js';
export type { CliCommand, HelpExample, HttpRoute, StaticPage } from './contributions.js';

/** What a feature is handed at start: the services every feature stands on, the environment, and the services it uses. */
export interface FeatureContext extends FeatureDeps {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** A service the feature declared in `uses`, provided by another feature or the edge. */
  use<T>(key: ServiceKey<T>): T;
  /** A service declared `optional(key)` in `uses`: undefined when nothing provides it. */
  useOptional<T>(key: ServiceKey<T>): T | undefined;
  /** Every started feature's digest sections, in order (for the digest; read at run time, not at start). */
  digestSections(): readonly DigestSection[];
  /**
   * The buttons other features put on a card about these subjects, for this viewer (for the features
   * that build answer and deadline cards; read at run time, not at start).
   */
  cardActions(subjects: readonly CardSubject[], viewer: CardViewer, lang: Lang): CardAction[];
  /**
   * The lines other features add to these items of the overview tab, per item (for the overview
   * feature; read at run time, not at start).
   */
  overviewLines(items: readonly CardSubject[]): Promise<OverviewLine[][]>;
  /** The app's features (for what gathers from all of them: the help's examples). */
  features?: readonly Feature[];
}

/** A feature once started: its routes, its schedules, and its state (for the app and tests). */
export interface StartedFeature {
  feature: Feature;
  register(router: ChatRouter): void;
  schedules: Schedule[];
  routes: HttpRoute[];
  /** The services it provides, by key. */
  services: Map<ServiceKey<unknown>, unknown>;
  digestSections: DigestSection[];
  /** The buttons it puts on other features' cards. */
  cardActions: CardActionContribution[];
  /** The lines it adds to items of the overview tab. */
  overviewLines: OverviewLineContribution[];
  /** Its subscription to registry changes, if any. */
  onRegistryChange: ((changes: readonly RegistryChange[]) => Promise<void>) | null;
  state: unknown;
}

/**
 * A feature as the app sees it: one folder declares it with `defineFeature`, and the app is the list
 * of them (src/app/features.ts). The settings, the language words and the services it provides and
 * uses are known before start, so the configuration is checked, and the start order found, without
 * starting anything.
 */
// The type parameter only carries the state's type to `stateOf`; nothing of that type is stored here.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- that is the parameter's whole use
export interface Feature<State = unknown> {
  readonly name: string;
  /** The environment variables the feature reads, as a zod object (checked at start). */
  readonly settings?: z.ZodObject;
  /** Words typical of Danish and of English in this feature's phrases, for language detection. */
  readonly languageWords?: { da: string; en: string };
  readonly provides: readonly ServiceKey<unknown>[];
  readonly uses: readonly ServiceUse[];
  /** Folders of static files it serves (the overview tab, say); also served as routes once started. */
  readonly pages: readonly StaticPage[];
  /** Its commands of `npm run cli`; the CLI's usage is generated from them. */
  readonly cli: readonly CliCommand[];
  /** What the help card and the Teams command menu offer of it. */
  readonly help: readonly HelpExample[];
  start(context: FeatureContext): Promise<StartedFeature>;
}

type Own<Settings, State> = { settings: Settings; state: State };

export interface FeatureDefinition<Settings, State> {
  name: string;
  settings?: z.ZodObject & z.ZodType<Settings>;
  languageWords?: { da: string; en: string };
  /** Stored state of the feature's own (a journal, a document in DATA_DIR), made once at start. */
  state?: (context: FeatureContext, settings: Settings) => Promise<State>;
  /** Its chat phrases and card verbs (a feature that only works on a clock has none). */
  register?: (router: ChatRouter, context: FeatureContext, own: Own<Settings, State>) => void;
  schedules?: (context: FeatureContext, own: Own<Settings, State>) => Schedule[];
  /** What it serves over HTTP: method, path, access (public, teams-sso, admin) and the handler. */
  routes?: (context: FeatureContext, own: Own<Settings, State>) => HttpRoute[];

  // What a feature gives to the others and takes from them.
  /** The keys of the services it gives, known before start (for the start order). */
  provides?: readonly ServiceKey<unknown>[];
  /** The services themselves, one per key in `provides`: `[provided(SurveysService, state.surveys)]`. */
  services?: (context: FeatureContext, own: Own<Settings, State>) => ProvidedService[];
  /** Services of other features (or of the edge) it needs: started after those that provide them. */
  uses?: readonly (ServiceKey<unknown> | ServiceUse)[];
  /** Sections of the weekly digest it contributes, shared or per conversation. */
  digestSections?: (context: FeatureContext, own: Own<Settings, State>) => DigestSection[];
  /** Buttons it puts on other features' cards (a system's answer, a deadline), per viewer: src/app/cardActions.ts. */
  cardActions?: (context: FeatureContext, own: Own<Settings, State>) => CardActionContribution[];
  /** Lines it adds to items of the overview tab (a count, say), in both of its languages: src/app/overviewLines.ts. */
  overviewLines?: (context: FeatureContext, own: Own<Settings, State>) => OverviewLineContribution[];
  /** Events it subscribes to: every registry change, once it is durable, with its source. */
  on?: {
    registryChange?: (changes: readonly RegistryChange[], context: FeatureContext, own: Own<Settings, State>) => Promise<void> | void;
  };
  pages?: StaticPage[];
  cli?: CliCommand[];
  help?: HelpExample[];
}

/** Declares a feature: everything it brings, typed by its own settings and state. */
export function defineFeature<Settings = undefined, State = undefined>(definition: FeatureDefinition<Settings, State>): Feature<State> {
  const uses = (definition.uses ?? []).map((use): ServiceUse => ('key' in use ? use : { key: use, optional: false }));
  const feature: Feature<State> = {
    name: definition.name,
    ...(definition.settings ? { settings: definition.settings } : {}),
    ...(definition.languageWords ? { languageWords: definition.languageWords } : {}),
    provides: definition.provides ?? [],
    uses,
    pages: definition.pages ?? [],
    cli: definition.cli ?? [],
    help: definition.help ?? [],
    async start(context) {
      const settings = definition.settings ? parseSettings(definition.name, definition.settings, context.env) : (undefined as Settings);
      const state = definition.state ? await definition.state(context, settings) : (undefined as State);
      const own = { settings, state };
      const handler = definition.on?.registryChange;
      return {
        feature,
        register: (router) => definition.register?.(router, context, own),
        schedules: definition.schedules?.(context, own) ?? [],
        routes: [...(definition.routes?.(context, own) ?? []), ...(definition.pages ?? []).flatMap(pageRoutes)],
        services: servicesOf(definition.name, definition.provides ?? [], definition.services?.(context, own) ?? []),
        digestSections: definition.digestSections?.(context, own) ?? [],
        cardActions: definition.cardActions?.(context, own) ?? [],
        overviewLines: definition.overviewLines?.(context, own) ?? [],
        onRegistryChange: handler ? async (changes) => handler(changes, context, own) : null,
        state,
      };
    },
  };
  return feature;
}

/** The services a feature made, checked against the keys it declared. */
function servicesOf(feature: string, declared: readonly ServiceKey<unknown>[], made: readonly ProvidedService[]): Map<ServiceKey<unknown>, unknown> {
  const services = new Map(made.map(({ key, value }) => [key, value]));
  const missing = declared.filter((key) => !services.has(key));
  const extra = made.filter(({ key }) => !declared.includes(key));
  if (missing.length + extra.length > 0) {
    const names = (keys: readonly ServiceKey<unknown>[]) => keys.map((key) => `"${key.name}"`).join(', ');
    throw new FeatureStartError(`The feature "${feature}" declares in \`provides\` ${names(declared)} but makes ${names(made.map(({ key }) => key))}`);
  }
  return services;
}

/** Says clearly which feature used a service it did not declare. */
export function undeclaredUse(feature: string, key: ServiceKey<unknown>): FeatureStartError {
  return new FeatureStartError(`The feature "${feature}" uses the service "${key.name}" without declaring it in \`uses\``);
}

function parseSettings<Settings>(feature: string, schema: z.ZodType<Settings>, env: NodeJS.ProcessEnv): Settings {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new ConfigError(`Invalid configuration of ${feature}: ${details}`);
}

/** Checks every feature's settings against the environment before anything starts. */
export function checkFeatureSettings(features: readonly Feature[], env: NodeJS.ProcessEnv): void {
  for (const feature of features) if (feature.settings) parseSettings(feature.name, feature.settings, env);
}
