import type { Client } from '@microsoft/microsoft-graph-client';
import type { PersonalChatInstaller } from '../src/app/services.js';
import type { Log } from '../src/log.js';
import { metrics } from '../src/metrics.js';
import { graphCredentialSettings, type GraphCredentialSettings } from '../src/sync/graph.js';

/** How the edge reaches Microsoft Graph to install the app for a person, from GRAPH_* and TEAMS_APP_CATALOG_ID. */
export interface AppInstallerSettings extends GraphCredentialSettings {
  // tenantId: the tenant whose token is used when the person's own is not known.
  /** The app's id in the tenant's app catalog; empty: looked up by the manifest's id. */
  catalogAppId: string;
  /** The manifest's id (MicrosoftAppId), which the catalog knows the app by as its external id. */
  manifestAppId: string;
}

/** The settings, or null when Graph has no credential or there is no app to install. */
export function appInstallerSettings(env: NodeJS.ProcessEnv): AppInstallerSettings | null {
  const value = (name: string) => env[name]?.trim() ?? '';
  const settings: AppInstallerSettings = {
    ...graphCredentialSettings(env),
    catalogAppId: value('TEAMS_APP_CATALOG_ID'),
    manifestAppId: value('MicrosoftAppId'),
  };
  const credential = settings.accessToken !== '' || (settings.clientId !== '' && (settings.clientSecret !== '' || settings.certificatePath !== ''));
  const app = settings.catalogAppId !== '' || settings.manifestAppId !== '';
  return credential && app ? settings : null;
}

export interface AppInstallerOptions {
  /** Tries per install, the first included (429 and 5xx are tried again). */
  maxAttempts: number;
  /** Waits between tries (a test's own returns at once). */
  sleep: (ms: number) => Promise<void>;
}

const DEFAULTS: AppInstallerOptions = { maxAttempts: 4, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
/** The longest wait between two tries, whatever Retry-After asks: a longer outage is the feature's hourly retry. */
const MAX_WAIT_MS = 30_000;

/**
 * Installs the app for a person through Microsoft Graph (`POST /users/{id}/teamwork/installedApps`,
 * app-only, permission TeamsAppInstallation.ReadWriteSelfForUser.All in the person's tenant). Teams then
 * sends the bot the personal install's conversationUpdate, which gives it the 1:1 chat. 409: the app
 * was installed already (the same update came or comes); 403: the tenant does not allow it.
 */
export class GraphAppInstaller implements PersonalChatInstaller {
  private readonly options: AppInstallerOptions;
  /** One Graph client per tenant: an app-only token is for one tenant. */
  private readonly clients = new Map<string, Promise<Client>>();
  private readonly catalogIds = new Map<string, Promise<string>>();

  constructor(
    private readonly settings: AppInstallerSettings,
    private readonly log: Log,
    options: Partial<AppInstallerOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async install(aadObjectId: string, tenantId: string | null): Promise<'installed' | 'refused' | 'failed'> {
    const tenant = tenantId ?? this.settings.tenantId;
    try {
      const client = await this.clientFor(tenant);
      const catalogId = await this.catalogIdIn(tenant, client);
      const body = { 'teamsApp@odata.bind': `${this.settings.baseUrl.replace(/\/?$/, '/')}v1.0/appCatalogs/teamsApps/${encodeURIComponent(catalogId)}` };
      await this.tried(() => client.api(`/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`).post(body));
      return 'installed';
    } catch (error) {
      const status = statusOf(error);
      if (status === 409) return 'installed';
      if (status === 403 || status === 404) {
        this.log.warn({ status, tenant }, 'follow: Graph refused to install the app for a person (permission TeamsAppInstallation.ReadWriteSelfForUser.All, or the app is not in the tenant\'s catalog)');
        return 'refused';
      }
      // Nothing that failed is kept: the next try looks up the catalog and makes the client again.
      this.catalogIds.delete(tenant);
      this.clients.delete(this.settings.accessToken !== '' ? '' : tenant);
      this.log.warn({ status, tenant, err: error instanceof Error ? error.message : String(error) }, 'follow: installing the app for a person failed; tried again later');
      return 'failed';
    }
  }

  /** The app's id in the tenant's catalog: the setting, else the entry whose external id is the manifest's, else the manifest's id (an app of the Teams store). */
  private catalogIdIn(tenant: string, client: Client): Promise<string> {
    if (this.settings.catalogAppId !== '') return Promise.resolve(this.settings.catalogAppId);
    let id = this.catalogIds.get(tenant);
    if (!id) {
      const filter = `externalId eq '${this.settings.manifestAppId.replace(/'/g, "''")}'`;
      // Without AppCatalog.Read.All (403) the install is still tried with the manifest's id.
      id = this.tried(() => client.api('/appCatalogs/teamsApps').filter(filter).get() as Promise<{ value: { id: string }[] }>).then(
        (found) => found.value[0]?.id ?? this.settings.manifestAppId,
        (error: unknown) => {
          if (statusOf(error) === 403) return this.settings.manifestAppId;
          throw error;
        },
      );
      this.catalogIds.set(tenant, id);
    }
    return id;
  }

  /** A call tried again on 429 and 5xx, after Retry-After or a doubling wait. */
  private async tried<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        const status = statusOf(error);
        const transient = status === 429 || (status !== null && status >= 500);
        if (!transient || attempt >= this.options.maxAttempts) throw error;
        metrics.outboundRetries.inc({ target: 'graph' });
        await this.options.sleep(Math.min(retryAfterMs(error) ?? 1000 * 2 ** (attempt - 1), MAX_WAIT_MS));
      }
    }
  }

  private clientFor(tenant: string): Promise<Client> {
    const key = this.settings.accessToken !== '' ? '' : tenant;
    let client = this.clients.get(key);
    if (!client) {
      client = this.newClient(tenant);
      this.clients.set(key, client);
    }
    return client;
  }

  /** The SDK's chain without its retry handler (the retries are this class's own); loaded at the first install. */
  private async newClient(tenant: string): Promise<Client> {
    const { Client, MiddlewareFactory, RetryHandler } = await import('@microsoft/microsoft-graph-client');
    const { authProviderFor } = await import('../src/sync/graphClient.js');
    const auth = authProviderFor({ ...this.settings, tenantId: tenant });
    const middleware = MiddlewareFactory.getDefaultMiddlewareChain(auth).filter((handler) => !(handler instanceof RetryHandler));
    return Client.initWithMiddleware({ middleware, baseUrl: this.settings.baseUrl.replace(/\/?$/, '/') });
  }
}

function statusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status > 0 ? status : null;
}

function retryAfterMs(error: unknown): number | null {
  const headers = (error as { headers?: Headers } | null)?.headers;
  const value = headers?.get?.('retry-after');
  if (value === null || value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
