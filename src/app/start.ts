import type { ChatRouter } from '../chat/types.js';
import { cardActionsFor, type CardActionContribution } from './cardActions.js';
import type { DigestSection } from './digestSection.js';
import { overviewLinesFor } from './overviewLines.js';
import { undeclaredUse, type Feature, type FeatureContext, type FeatureDeps, type HttpRoute, type Schedule, type StartedFeature } from './feature.js';
import { FeatureStartError, ServiceRegistry, type ProvidedService, type ServiceKey } from './services.js';

/** What the app hands every feature: what they stand on, and the environment. */
export interface AppContext extends FeatureDeps {
  env: NodeJS.ProcessEnv;
  dataDir: string;
}

export interface StartedFeatures {
  schedules: Schedule[];
  routes: HttpRoute[];
  /** Registers every feature's phrases and verbs in the order of the list; `registered` hears each feature's name after its own. */
  register(router: ChatRouter, registered?: (feature: string) => void): void;
  /** A service by its key, for the edge where it must call one (the survey form page, say). */
  service<T>(key: ServiceKey<T>): T;
  /** A started feature's own state (the digest's service, say), for the front end and tests. */
  stateOf<State>(feature: Feature<State>): State;
}

/**
 * The order features start in: each after the features that provide what it uses, otherwise in the
 * order of the list. A used service nobody provides, or a cycle, is an error naming the features.
 */
export function startOrder(features: readonly Feature[], fromEdge: readonly ServiceKey<unknown>[] = []): Feature[] {
  const providerOf = new Map<ServiceKey<unknown>, Feature>();
  for (const feature of features) {
    for (const key of feature.provides) {
      const other = providerOf.get(key);
      if (other || fromEdge.includes(key)) throw new FeatureStartError(`The service "${key.name}" is provided twice: by "${feature.name}" and by "${other?.name ?? 'the edge'}"`);
      providerOf.set(key, feature);
    }
  }
  const ordered: Feature[] = [];
  const state = new Map<Feature, 'starting' | 'placed'>();
  const place = (feature: Feature, path: readonly Feature[]) => {
    if (state.get(feature) === 'placed') return;
    if (state.get(feature) === 'starting') {
      const cycle = [...path.slice(path.indexOf(feature)), feature].map((f) => f.name).join(' → ');
      throw new FeatureStartError(`The features use each other's services in a cycle: ${cycle}`);
    }
    state.set(feature, 'starting');
    for (const use of feature.uses) {
      const provider = providerOf.get(use.key);
      if (provider) place(provider, [...path, feature]);
      else if (!use.optional && !fromEdge.includes(use.key)) {
        throw new FeatureStartError(`The feature "${feature.name}" uses the service "${use.key.name}", which no feature in the app provides`);
      }
    }
    state.set(feature, 'placed');
    ordered.push(feature);
  };
  for (const feature of features) place(feature, []);
  return ordered;
}

/**
 * Starts every feature in dependency order (its settings read, its state loaded, its services made),
 * subscribes their event handlers, and hands back their routes, schedules and services. `edge` holds
 * the services the front end provides (the bot's digest sender, say).
 */
export async function startFeatures(app: AppContext, features: readonly Feature[], edge: readonly ProvidedService[] = []): Promise<StartedFeatures> {
  const services = new ServiceRegistry();
  for (const { key, value } of edge) services.add(key, value, 'the edge');
  const started = new Map<Feature, StartedFeature>();
  let sections: DigestSection[] | null = null;
  const digestSections = () => {
    if (started.size < features.length) throw new FeatureStartError('The digest sections are known once every feature has started');
    sections ??= features
      .flatMap((feature) => started.get(feature)?.digestSections ?? [])
      .sort((a, b) => a.order - b.order);
    return sections;
  };
  let contributions: CardActionContribution[] | null = null;
  const cardActions: FeatureContext['cardActions'] = (subjects, viewer, lang) => {
    if (started.size < features.length) throw new FeatureStartError('The card actions are known once every feature has started');
    contributions ??= features.flatMap((feature) => started.get(feature)?.cardActions ?? []);
    return cardActionsFor(contributions, subjects, viewer, lang);
  };

  const overviewLines: FeatureContext['overviewLines'] = (items) => {
    if (started.size < features.length) throw new FeatureStartError('The overview lines are known once every feature has started');
    const contributions = features.flatMap((feature) => (started.get(feature)?.overviewLines ?? []).map((contribution) => ({ feature: feature.name, contribution })));
    return overviewLinesFor(contributions, items);
  };

  for (const feature of startOrder(features, edge.map((service) => service.key))) {
    const declared = (key: ServiceKey<unknown>) => feature.uses.some((use) => use.key === key);
    const context: FeatureContext = {
      ...app,
      use: <T>(key: ServiceKey<T>): T => {
        if (!declared(key)) throw undeclaredUse(feature.name, key);
        const value = services.get(key);
        if (value === undefined) throw new FeatureStartError(`The service "${key.name}" that "${feature.name}" uses is not there (declared optional?)`);
        return value;
      },
      useOptional: <T>(key: ServiceKey<T>): T | undefined => {
        if (!declared(key)) throw undeclaredUse(feature.name, key);
        return services.get(key);
      },
      digestSections,
      cardActions,
      overviewLines,
      features,
    };
    const one = await feature.start(context);
    for (const [key, value] of one.services) services.add(key, value, feature.name);
    if (one.onRegistryChange) app.registry.subscribe(feature.name, one.onRegistryChange);
    started.set(feature, one);
  }

  // The router tries phrases in the order of the list, whatever order the features started in.
  const inListOrder = features.map((feature) => started.get(feature)!);
  // Changes another process made reach the subscribers when the registry is next read: at the latest
  // within a minute, even when nobody asks anything.
  const watch: Schedule[] = inListOrder.some((feature) => feature.onRegistryChange)
    ? [{ name: 'registry changes from other processes', cron: '* * * * *', zone: app.config.zone, run: () => app.registry.current() }]
    : [];
  return {
    schedules: [...inListOrder.flatMap((feature) => feature.schedules), ...watch],
    routes: inListOrder.flatMap((feature) => feature.routes),
    register: (router, registered) => {
      for (const feature of inListOrder) {
        feature.register(router);
        registered?.(feature.feature.name);
      }
    },
    service: <T>(key: ServiceKey<T>): T => {
      const value = services.get(key);
      if (value === undefined) throw new FeatureStartError(`No feature in the app provides the service "${key.name}"`);
      return value;
    },
    stateOf: <State>(feature: Feature<State>) => {
      const found = started.get(feature);
      if (!found) throw new Error(`The feature "${feature.name}" is not in the app`);
      return found.state as State;
    },
  };
}
