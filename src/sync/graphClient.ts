import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Client, MiddlewareFactory, RetryHandler, RetryHandlerOptions, type AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { metrics } from '../metrics.js';
import type { ListColumn } from './columns.js';
import type { GraphSettings } from './graph.js';
import type { ListItem } from './rows.js';

/** The source the settings name: the SharePoint list, or else the Excel table. */
export function graphSource(settings: GraphSettings): GraphListClient | GraphExcelTable {
  return settings.siteId && settings.listId ? new GraphListClient(settings) : new GraphExcelTable(settings);
}

function graphClient(settings: GraphSettings): { client: Client; baseUrl: string } {
  const baseUrl = settings.baseUrl.replace(/\/?$/, '/');
  // The SDK's own chain, with its retry handler's decision counted: a throttled or failing Graph is seen.
  const middleware = MiddlewareFactory.getDefaultMiddlewareChain(authProviderFor(settings));
  const retries = new RetryHandler(
    new RetryHandlerOptions(undefined, undefined, () => {
      metrics.outboundRetries.inc({ target: 'graph' });
      return true;
    }),
  );
  const chain = middleware.map((handler) => (handler instanceof RetryHandler ? retries : handler));
  return { client: Client.initWithMiddleware({ middleware: chain, baseUrl }), baseUrl };
}

/**
 * Every entry of a collection, following @odata.nextLink. The link is absolute, and the SDK reads
 * absolute links only when they start with https://: a link on the configured Graph is followed as a
 * path of it (a stand-in on http:// in the tests).
 */
async function allPages<T>(client: Client, baseUrl: string, first: Promise<unknown>): Promise<T[]> {
  const entries: T[] = [];
  const prefix = `${baseUrl}v1.0/`;
  let page = (await first) as { value: T[]; '@odata.nextLink'?: string };
  for (;;) {
    entries.push(...page.value);
    const next = page['@odata.nextLink'];
    if (!next) return entries;
    page = (await client.api(next.startsWith(prefix) ? next.slice(prefix.length - 1) : next).get()) as typeof page;
  }
}

/**
 * An Excel table in the room's files, as a list: a row is an item (its index is its id), the header
 * row names the columns. Rows carry no change time of their own, so each takes the workbook's.
 */
export class GraphExcelTable {
  private readonly client: Client;
  private readonly baseUrl: string;
  private readonly tablePath: string;
  private readonly filePath: string;
  private header: string[] | null = null;

  constructor(settings: GraphSettings) {
    ({ client: this.client, baseUrl: this.baseUrl } = graphClient(settings));
    this.filePath = `/drives/${encodeURIComponent(settings.driveId)}/items/${encodeURIComponent(settings.itemId)}`;
    this.tablePath = `${this.filePath}/workbook/tables/${encodeURIComponent(settings.table)}`;
  }

  async columns(): Promise<ListColumn[]> {
    return (await this.headerNames()).map((name) => ({ name, displayName: name }));
  }

  async items(): Promise<ListItem[]> {
    const header = await this.headerNames();
    const file = (await this.client.api(this.filePath).get()) as { lastModifiedDateTime: string };
    const rows = await allPages<{ index: number; values: unknown[][] }>(this.client, this.baseUrl, this.client.api(`${this.tablePath}/rows`).get());
    return rows.map((row) => ({
      id: String(row.index),
      lastModifiedDateTime: file.lastModifiedDateTime,
      fields: Object.fromEntries(header.map((name, column) => [name, row.values[0]?.[column] ?? ''])),
    }));
  }

  /** Replaces the mapped cells of a row, keeping the others as they are. */
  async updateItem(itemId: string, fields: Record<string, unknown>): Promise<void> {
    const header = await this.headerNames();
    const rowPath = `${this.tablePath}/rows/itemAt(index=${Number(itemId)})`;
    const current = (await this.client.api(rowPath).get()) as { values: unknown[][] };
    const values = header.map((name, column) => (name in fields ? (fields[name] ?? '') : (current.values[0]?.[column] ?? '')));
    await this.client.api(rowPath).patch({ values: [values] });
  }

  async createItem(fields: Record<string, unknown>): Promise<string> {
    const header = await this.headerNames();
    const added = (await this.client.api(`${this.tablePath}/rows/add`).post({ values: [header.map((name) => fields[name] ?? '')] })) as { index: number };
    return String(added.index);
  }

  private async headerNames(): Promise<string[]> {
    if (!this.header) {
      const columns = (await this.client.api(`${this.tablePath}/columns`).get()) as { value: { name: string; index: number }[] };
      this.header = [...columns.value].sort((a, b) => a.index - b.index).map((column) => column.name);
    }
    return this.header;
  }
}

/** The SharePoint list behind the registry, through Microsoft Graph (app-only). */
export class GraphListClient {
  private readonly client: Client;
  private readonly listPath: string;
  private readonly baseUrl: string;

  constructor(private readonly settings: GraphSettings) {
    ({ client: this.client, baseUrl: this.baseUrl } = graphClient(settings));
    this.listPath = `/sites/${encodeURIComponent(settings.siteId)}/lists/${encodeURIComponent(settings.listId)}`;
  }

  async columns(): Promise<ListColumn[]> {
    const response = (await this.client.api(`${this.listPath}/columns`).get()) as { value: ListColumn[] };
    return response.value.map(({ name, displayName }) => ({ name, displayName }));
  }

  /** Every item with its fields, following @odata.nextLink from page to page. */
  async items(): Promise<ListItem[]> {
    const first = this.client.api(`${this.listPath}/items`).query({ expand: 'fields' }).top(200).get();
    const items = await allPages<GraphListItem>(this.client, this.baseUrl, first);
    return items.map(({ id, lastModifiedDateTime, fields }) => ({ id, lastModifiedDateTime, fields: fields ?? {} }));
  }

  async updateItem(itemId: string, fields: Record<string, unknown>): Promise<void> {
    await this.client.api(`${this.listPath}/items/${encodeURIComponent(itemId)}/fields`).patch(fields);
  }

  async createItem(fields: Record<string, unknown>): Promise<string> {
    const created = (await this.client.api(`${this.listPath}/items`).post({ fields })) as { id: string };
    return created.id;
  }
}

interface GraphListItem {
  id: string;
  lastModifiedDateTime: string;
  fields?: Record<string, unknown>;
}

/**
 * @azure/identity takes about 150 ms to load: loaded when credentials are first needed, not at start
 * (most starts, and every CLI command but sync, never use it).
 */
const require = createRequire(import.meta.url);
const identity = () => require('@azure/identity') as typeof import('@azure/identity');

/** Graph's credential from the settings; also the edge's app installer's (bot/appInstaller.ts), for the person's tenant. */
export function authProviderFor(settings: Pick<GraphSettings, 'accessToken' | 'tenantId' | 'clientId' | 'clientSecret' | 'certificatePath'>): AuthenticationProvider {
  if (settings.accessToken) return { getAccessToken: async () => settings.accessToken };
  const { ClientCertificateCredential, ClientSecretCredential } = identity();
  const credential = settings.clientSecret
    ? new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret)
    : new ClientCertificateCredential(settings.tenantId, settings.clientId, { certificate: readFileSync(settings.certificatePath, 'utf8') });
  return new TokenCredentialAuthenticationProvider(credential, { scopes: ['https://graph.microsoft.com/.default'] });
}
