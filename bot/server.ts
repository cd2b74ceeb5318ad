import { readFileSync } from 'node:fs';
import restify from 'restify';
import type { JWTVerifyGetKey } from 'jose';
import type { App } from './app.js';
import type { HttpRequest, HttpRoute } from '../src/app/contributions.js';
import { operationsRoutes } from './health.js';
import { receiveActivity } from './inbound.js';
import { BodyRefused, readBody } from './requestBody.js';
import { authorize, type AccessDeps } from './routeAccess.js';
import { teamsSsoVerifier } from './teamsSso.js';

/** A request (headers and body) must arrive within this; a slow sender holds only its own socket. */
const REQUEST_TIMEOUT_MS = 20_000;

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The keys Teams sign-in tokens are checked against; Entra ID's published keys unless a test gives its own. */
  ssoKeys?: JWTVerifyGetKey;
}

/**
 * restify with POST /api/messages and every route the features contribute (their pages among them),
 * beside the edge's own /healthz and /metrics. Each route's access (public, teams-sso, admin) is
 * checked in one place before its body is read or its handler runs.
 */
export async function startServer(app: App, port = app.config.port, host = app.config.host, options: ServerOptions = {}): Promise<RunningServer> {
  // Survey link tokens are longer than find-my-way's default limit of 100 characters for a route parameter.
  const restifyOptions = { name: 'fki-bot', version: VERSION, maxParamLength: 500 } as restify.ServerOptions;
  const server = restify.createServer(restifyOptions);
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.server.headersTimeout = REQUEST_TIMEOUT_MS;

  server.post('/api/messages', async (req, res) => {
    if (!(await bodyRead(req, res, app))) return;
    await receiveActivity(req, res, { adapter: app.adapter, run: (context) => app.bot.run(context), beforeAnswer: (activity) => app.bot.remember(activity), turns: app.turns, log: app.log });
  });

  const access: AccessDeps = {
    config: app.config,
    // Without an app id no sign-in token can be for this bot: teams-sso routes follow local mode (routeAccess.ts).
    sso: app.config.appId === '' ? null : teamsSsoVerifier({ appId: app.config.appId, publicBaseUrl: app.config.publicBaseUrl, allowedTenantIds: app.config.allowedTenantIds, clock: app.clock, ...(options.ssoKeys ? { keys: options.ssoKeys } : {}) }),
    isAdmin: (aadObjectId) => app.admins.isAdmin(aadObjectId),
  };
  const claimed = new Map<string, string>([['POST /api/messages', 'the bot']]);
  for (const route of [...operationsRoutes(app, VERSION), ...app.routes]) {
    const key = `${route.method} ${route.path}`;
    if (claimed.has(key)) throw new Error(`Two routes claim ${key}`);
    claimed.set(key, route.path);
    mount(server, route, access, app);
  }

  server.on('restifyError', (req, _res, error, callback) => {
    const status = Number(error.statusCode ?? 500);
    if (status >= 500) {
      app.log.error({ err: error, method: req.method, url: req.url, status }, 'request failed');
      // What failed inside (a database address, a file path) is for the log, never for the caller.
      const generic = { code: 'InternalError', message: 'Something went wrong on our side. Please try again later.' };
      Object.assign(error, { toJSON: () => generic, toString: () => generic.message });
    } else {
      app.log.warn({ method: req.method, url: req.url, status, reason: error.message }, 'request refused');
    }
    return callback();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const REGISTER = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'del' } as const;
const HAS_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** One contributed route: access first, then the body (within MAX_BODY_BYTES), then the handler. */
function mount(server: restify.Server, route: HttpRoute, access: AccessDeps, app: App): void {
  server[REGISTER[route.method]](route.path, async (req: restify.Request, res: restify.Response) => {
    const decision = await authorize(route.access, req.headers, access);
    if (!decision.ok) {
      app.log.info({ method: req.method, url: req.url?.replace(/\?.*$/, ''), status: decision.status }, 'route access refused');
      // The body is never read for a caller who may not call: close rather than drain it.
      if (HAS_BODY.has(route.method)) res.header('connection', 'close');
      if (decision.status === 401) res.header('www-authenticate', 'Bearer');
      res.send(decision.status, { error: decision.error });
      return;
    }
    if (HAS_BODY.has(route.method) && !(await bodyRead(req, res, app))) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const request: HttpRequest = {
      method: route.method,
      path: url.pathname,
      params: { ...(req.params as Record<string, string>) },
      query: url.searchParams,
      headers,
      body: req.body as unknown,
      caller: decision.caller,
    };
    const answer = await route.handle(request);
    res.writeHead(answer.status, { 'content-type': answer.type, 'x-content-type-options': 'nosniff', ...answer.headers });
    res.end(answer.body);
  });
}

/**
 * Reads a POST's body into req.body with the bot's own reader, not restify's bodyParser: its gunzip
 * stream had no error handler (one request with a broken gzip body ended the process) and its size
 * limit did not hold after inflating. False when the body was refused (the 4xx is sent).
 */
async function bodyRead(req: restify.Request, res: restify.Response, app: App): Promise<boolean> {
  try {
    const body = await readBody(req, app.config.maxBodyBytes);
    req.body = body.kind === 'none' ? undefined : body.value;
    return true;
  } catch (error) {
    const refused = error instanceof BodyRefused ? error : new BodyRefused(400, 'The body could not be read.');
    app.log.warn({ method: req.method, url: req.url, status: refused.status, reason: refused.message }, 'request body refused');
    res.header('connection', 'close');
    res.send(refused.status, { error: refused.message });
    return false;
  }
}
