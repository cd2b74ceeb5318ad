import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ListColumn } from '../../src/sync/columns.js';
import type { ListItem } from '../../src/sync/rows.js';

/**
 * A stand-in for Microsoft Graph on 127.0.0.1, serving one SharePoint list: its columns, its items in
 * pages linked by @odata.nextLink, throttling (429 with Retry-After) on request, and a record of
 * every PATCH and POST.
 */
export class StandInGraph {
  url = '';
  columns: ListColumn[] = [];
  items: ListItem[] = [];
  pageSize = 100;
  /** How many of the next requests to throttle. */
  throttleNext = 0;
  /** When set, PATCH and POST fail with this status (Retry-After: 0), as an outage would. */
  failWrites: number | null = null;
  /** Statuses the next POST or PATCH requests fail with, one each in order (Retry-After: 0). */
  failNext: number[] = [];
  /** The tenant's Teams app catalog (GET /appCatalogs/teamsApps?$filter=externalId eq '…'). */
  appCatalog: { id: string; externalId: string }[] = [];
  /** Runs after a page of items is read and before it is sent: something happening while a sync reads. */
  whileServingItems: (() => Promise<void>) | null = null;
  /** The Excel table: its header and rows, and when the workbook last changed. */
  workbook = { driveId: 'drive-1', itemId: 'item-1', table: 'Systemer', modified: '2026-11-01T08:00:00Z', header: [] as string[], rows: [] as unknown[][] };
  readonly requests: { method: string; path: string }[] = [];
  readonly writes: { method: string; path: string; body: unknown }[] = [];
  private server: Server | null = null;

  constructor(
    readonly siteId = 'kombit.sharepoint.com,site-1,web-1',
    readonly listId = 'list-systemer',
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The workbook's routes: the file, the table's columns and rows, one row, and adding a row. */
  private workbookRoute(method: string, path: string, body: unknown): { status: number; body: unknown } | null {
    const { driveId, itemId, table } = this.workbook;
    const file = `/v1.0/drives/${driveId}/items/${itemId}`;
    const tablePath = `${file}/workbook/tables/${table}`;
    if (method === 'GET' && path === file) return { status: 200, body: { id: itemId, lastModifiedDateTime: this.workbook.modified } };
    if (method === 'GET' && path === `${tablePath}/columns`) return { status: 200, body: { value: this.workbook.header.map((name, index) => ({ name, index })) } };
    if (method === 'GET' && path === `${tablePath}/rows`) return { status: 200, body: { value: this.workbook.rows.map((values, index) => ({ index, values: [values] })) } };
    const row = new RegExp(`^${tablePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/rows/itemAt\\(index=(\\d+)\\)$`).exec(path);
    if (row && method === 'GET') return { status: 200, body: { index: Number(row[1]), values: [this.workbook.rows[Number(row[1])]] } };
    if (this.failWrites !== null && (method === 'PATCH' || method === 'POST')) return null;
    if (row && method === 'PATCH') {
      this.writes.push({ method, path, body });
      this.workbook.rows[Number(row[1])] = (body as { values: unknown[][] }).values[0]!;
      return { status: 200, body };
    }
    if (method === 'POST' && path === `${tablePath}/rows/add`) {
      this.writes.push({ method, path, body });
      this.workbook.rows.push((body as { values: unknown[][] }).values[0]!);
      return { status: 201, body: { index: this.workbook.rows.length - 1 } };
    }
    return null;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({ method: req.method ?? '', path: url.pathname });
    if (this.throttleNext > 0) {
      this.throttleNext -= 1;
      return send(res, 429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '0' });
    }
    const list = `/v1.0/sites/${encodeURIComponent(this.siteId)}/lists/${encodeURIComponent(this.listId)}`;
    const path = decodeURIComponent(url.pathname) === decodeURIComponent(list) ? list : url.pathname;
    if (req.method === 'GET' && decodeURIComponent(path) === decodeURIComponent(`${list}/columns`)) return send(res, 200, { value: this.columns });
    if (req.method === 'GET' && decodeURIComponent(path) === decodeURIComponent(`${list}/items`)) {
      const top = Number(url.searchParams.get('$top') ?? this.pageSize);
      const size = Math.min(top, this.pageSize);
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const page = this.items.slice(skip, skip + size);
      const next = skip + size < this.items.length ? `${this.url}${list}/items?expand=fields&$top=${top}&$skiptoken=${skip + size}` : undefined;
      const during = this.whileServingItems;
      this.whileServingItems = null;
      await during?.();
      return send(res, 200, { value: page, ...(next ? { '@odata.nextLink': next } : {}) });
    }
    const body = await readJson(req);
    if (req.method === 'GET' && url.pathname === '/v1.0/appCatalogs/teamsApps') {
      const externalId = /^externalId eq '(.*)'$/.exec(url.searchParams.get('$filter') ?? '')?.[1];
      return send(res, 200, { value: this.appCatalog.filter((app) => externalId === undefined || app.externalId === externalId) });
    }
    const failure = req.method === 'PATCH' || req.method === 'POST' ? this.failNext.shift() : undefined;
    if (failure !== undefined) return send(res, failure, { error: { code: failure === 409 ? 'Conflict' : 'Failed' } }, { 'retry-after': '0' });
    const workbook = this.workbookRoute(req.method ?? '', decodeURIComponent(url.pathname), body);
    if (workbook) return send(res, workbook.status, workbook.body);
    if ((req.method === 'PATCH' || req.method === 'POST') && this.failWrites !== null) {
      return send(res, this.failWrites, { error: { code: 'serviceNotAvailable' } }, { 'retry-after': '0' });
    }
    if (req.method === 'PATCH' || req.method === 'POST') {
      this.writes.push({ method: req.method, path: decodeURIComponent(url.pathname), body });
      return send(res, req.method === 'POST' ? 201 : 200, req.method === 'POST' ? { id: String(this.items.length + 1) } : body);
    }
    send(res, 404, { error: { code: 'itemNotFound' } });
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(JSON.stringify(body));
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve(text === '' ? null : (JSON.parse(text) as unknown));
    });
  });
}
