import type { z } from 'zod';
import type { ChatRouter } from '../chat/types.js';
import { ConfigError } from '../config.js';
import type { FeatureDeps } from './features.js';

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

/** What a feature is handed at start: the services every feature stands on, and the environment. */
export interface FeatureContext extends FeatureDeps {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** The app's features (for what gathers from all of them: the help's examples). */
  features?: readonly Feature[];
}

/** A feature once started: its routes, its schedules, and its state (for the app and tests). */
export interface StartedFeature {
  feature: Feature;
  register(router: ChatRouter): void;
  schedules: Schedule[];
  routes: HttpRoute[];
  state: unknown;
}

/**
 * A feature as the app sees it: one folder declares it with `defineFeature`, and the app is the list
 * of them (src/app/features.ts). The settings and the language words are known before start, so the
 * configuration is checked, and `.env.example` tested, without starting anything.
 */
// The type parameter only carries the state's type to `stateOf`; nothing of that type is stored here.
export interface Feature<State = unknown> {
  readonly name: string;
  /** The environment variables the feature reads, as a zod object (checked at start). */
  readonly settings?: z.ZodObject;
  /** Words typical of Danish and of English in this feature's phrases, for language detection. */
  readonly languageWords?: { da: string; en: string };
  /** Folders of static files it serves (the overview tab, say); also served as routes once started. */
  readonly pages: readonly StaticPage[];
  /** Its commands of `npm run cli`; the CLI's usage is generated from them. */
  readonly cli: readonly CliCommand[];
  /** What the help card and the Teams command menu offer of it. */
  readonly help: readonly HelpExample[];
  start(context: FeatureContext): Promise<StartedFeature>;
}

export interface FeatureDefinition<Settings, State> {
  name: string;
  settings?: z.ZodObject & z.ZodType<Settings>;
  languageWords?: { da: string; en: string };
  /** Stored state of the feature's own (a journal, a document in DATA_DIR), made once at start. */
  state?: (context: FeatureContext, settings: Settings) => Promise<State>;
  /** Its chat phrases and card verbs (a feature that only works on a clock has none). */
  register?: (router: ChatRouter, context: FeatureContext, own: { settings: Settings; state: State }) => void;
  schedules?: (context: FeatureContext, own: { settings: Settings; state: State }) => Schedule[];
  /** What it serves over HTTP: method, path, access (public, teams-sso, admin) and the handler. */
  routes?: (context: FeatureContext, own: { settings: Settings; state: State }) => HttpRoute[];
  pages?: StaticPage[];
  cli?: CliCommand[];
  help?: HelpExample[];
}

/** Declares a feature: everything it brings, typed by its own settings and state. */
export function defineFeature<Settings = undefined, State = undefined>(definition: FeatureDefinition<Settings, State>): Feature<State> {
  const feature: Feature<State> = {
    name: definition.name,
    ...(definition.settings ? { settings: definition.settings } : {}),
    ...(definition.languageWords ? { languageWords: definition.languageWords } : {}),
    pages: definition.pages ?? [],
    cli: definition.cli ?? [],
    help: definition.help ?? [],
    async start(context) {
      const settings = definition.settings ? parseSettings(definition.name, definition.settings, context.env) : (undefined as Settings);
      const state = definition.state ? await definition.state(context, settings) : (undefined as State);
      const own = { settings, state };
      return {
        feature,
        register: (router) => definition.register?.(router, context, own),
        schedules: definition.schedules?.(context, own) ?? [],
        routes: [...(definition.routes?.(context, own) ?? []), ...(definition.pages ?? []).flatMap(pageRoutes)],
        state,
      };
    },
  };
  return feature;
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
