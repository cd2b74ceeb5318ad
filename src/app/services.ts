import type { Fence } from '../store/fence.js';

/**
 * A typed key for a service one feature provides and others use: `service<SurveyService>('surveys')`.
 * The type travels with the key, so `context.use(SurveysService)` is a `SurveyService` without a cast.
 */
export interface ServiceKey<T> {
  readonly name: string;
  /** Never set: only carries the service's type. */
  readonly type?: T;
}

export function service<T>(name: string): ServiceKey<T> {
  return { name };
}

/** A key a feature uses, and whether it starts without it (`optional(key)`). */
export interface ServiceUse {
  readonly key: ServiceKey<unknown>;
  readonly optional: boolean;
}

/** A use the feature can do without: `context.useOptional(key)` is then undefined. */
export function optional<T>(key: ServiceKey<T>): ServiceUse {
  return { key, optional: true };
}

/** A service handed in from outside the features (the edge): the key and the value. */
export interface ProvidedService<T = unknown> {
  readonly key: ServiceKey<T>;
  readonly value: T;
}

export function provided<T>(key: ServiceKey<T>, value: T): ProvidedService<T> {
  return { key, value };
}

/** The services started so far, by key. */
export class ServiceRegistry {
  private readonly values = new Map<ServiceKey<unknown>, unknown>();

  add<T>(key: ServiceKey<T>, value: T, by: string): void {
    if (this.values.has(key)) throw new FeatureStartError(`The service "${key.name}" is provided twice (again by ${by})`);
    this.values.set(key, value);
  }

  has(key: ServiceKey<unknown>): boolean {
    return this.values.has(key);
  }

  get<T>(key: ServiceKey<T>): T | undefined {
    return this.values.get(key) as T | undefined;
  }
}

/** The features cannot start: a service used that nobody provides, a cycle, one provided twice. */
export class FeatureStartError extends Error {
  override readonly name = 'FeatureStartError';
}

/**
 * Services the edge provides, not a feature: this bot's data folder lock (the digest checks it before
 * every send). Outside Teams there is none, and a feature that uses it optionally goes without.
 */
export const FenceService = service<Fence>('fence');

/**
 * Installs the app for a person, so that the bot has a 1:1 chat with them (Microsoft Graph
 * `POST /users/{id}/teamwork/installedApps`, where the tenant allows it); Teams then tells the bot of
 * the new chat as of any install. `installed`: done, or it already was; `refused`: the tenant or the
 * person does not allow it (tell them how to start the chat instead); `failed`: try again later.
 */
export interface PersonalChatInstaller {
  install(aadObjectId: string, tenantId: string | null): Promise<'installed' | 'refused' | 'failed'>;
}

/** Provided by the edge where it can install the app for people; a feature uses it `optional`. */
export const PersonalChatInstallerService = service<PersonalChatInstaller>('personal chat installer');
