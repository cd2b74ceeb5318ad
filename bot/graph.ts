import { readFileSync } from 'node:fs';
import { ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
import { Client, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { ListColumn } from '../src/sync/columns.js';
import type { ListItem } from '../src/sync/rows.js';

export interface GraphSettings {
  /** https://graph.microsoft.com/ in production; a stand-in on 127.0.0.1 in tests. */
  baseUrl: string;
  /** A token minted elsewhere; replaces the credential flow when set. */
  accessToken: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  certificatePath: string;
  siteId: string;
  listId: string;
}

/** Reads the GRAPH_* settings; `null` with the reason when the list is not configured. */
export function graphSettings(env: NodeJS.ProcessEnv = process.env): GraphSettings | { missing: string } {
  const value = (name: string) => env[name]?.trim() ?? '';
  const settings: GraphSettings = {
    baseUrl: value('GRAPH_BASE_URL') || 'https://graph.microsoft.com/',
    accessToken: value('GRAPH_ACCESS_TOKEN'),
    tenantId: value('GRAPH_TENANT_ID') || value('MicrosoftAppTenantId'),
    clientId: value('GRAPH_CLIENT_ID') || value('MicrosoftAppId'),
    clientSecret: value('GRAPH_CLIENT_SECRET'),
    certificatePath: value('GRAPH_CERTIFICATE_PATH'),
    siteId: value('GRAPH_SITE_ID'),
    listId: value('GRAPH_LIST_ID'),
  };
  if (!settings.siteId || !settings.listId) return { missing: 'GRAPH_SITE_ID and GRAPH_LIST_ID (the SharePoint list with KOMBIT\'s systems)' };
  if (!settings.accessToken && !(settings.tenantId && settings.clientId && (settings.clientSecret || settings.certificatePath))) {
    return { missing: 'GRAPH_ACCESS_TOKEN, or GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (or GRAPH_CERTIFICATE_PATH)' };
  }
  return settings;
}

/** The SharePoint list behind the registry, through Microsoft Graph (app-only). */
export class GraphListClient {
  private readonly client: Client;
  private readonly listPath: string;
  private readonly baseUrl: string;

  constructor(private readonly settings: GraphSettings) {
    this.baseUrl = settings.baseUrl.replace(/\/?$/, '/');
    this.client = Client.initWithMiddleware({ authProvider: authProviderFor(settings), baseUrl: this.baseUrl });
    this.listPath = `/sites/${encodeURIComponent(settings.siteId)}/lists/${encodeURIComponent(settings.listId)}`;
  }

  async columns(): Promise<ListColumn[]> {
    const response = (await this.client.api(`${this.listPath}/columns`).get()) as { value: ListColumn[] };
    return response.value.map(({ name, displayName }) => ({ name, displayName }));
  }

  /** Every item with its fields, following @odata.nextLink from page to page. */
  async items(): Promise<ListItem[]> {
    const items: ListItem[] = [];
    let page = (await this.client.api(`${this.listPath}/items`).query({ expand: 'fields' }).top(200).get()) as GraphPage;
    for (;;) {
      items.push(...page.value.map(({ id, lastModifiedDateTime, fields }) => ({ id, lastModifiedDateTime, fields: fields ?? {} })));
      const next = page['@odata.nextLink'];
      if (!next) return items;
      page = (await this.client.api(this.relative(next)).get()) as GraphPage;
    }
  }

  /**
   * @odata.nextLink is absolute. The SDK reads absolute links only when they start with https://, so
   * a link on the configured Graph is followed as a path of it (a stand-in on http:// in the tests).
   */
  private relative(link: string): string {
    const prefix = `${this.baseUrl}v1.0/`;
    return link.startsWith(prefix) ? link.slice(prefix.length - 1) : link;
  }

  async updateItem(itemId: string, fields: Record<string, unknown>): Promise<void> {
    await this.client.api(`${this.listPath}/items/${encodeURIComponent(itemId)}/fields`).patch(fields);
  }

  async createItem(fields: Record<string, unknown>): Promise<string> {
    const created = (await this.client.api(`${this.listPath}/items`).post({ fields })) as { id: string };
    return created.id;
  }
}

interface GraphPage {
  value: { id: string; lastModifiedDateTime: string; fields?: Record<string, unknown> }[];
  '@odata.nextLink'?: string;
}

function authProviderFor(settings: GraphSettings): AuthenticationProvider {
  if (settings.accessToken) return { getAccessToken: async () => settings.accessToken };
  const credential = settings.clientSecret
    ? new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret)
    : new ClientCertificateCredential(settings.tenantId, settings.clientId, { certificate: readFileSync(settings.certificatePath, 'utf8') });
  return new TokenCredentialAuthenticationProvider(credential, { scopes: ['https://graph.microsoft.com/.default'] });
}
