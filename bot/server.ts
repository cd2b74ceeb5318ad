import { readFileSync } from 'node:fs';
import restify from 'restify';
import type { App } from './app.js';
import { registerSurveyPages } from './surveyPages.js';
import { registerTab } from './tabRoutes.js';
import { healthOf } from './health.js';
import { metricsRegistry } from '../src/metrics.js';
import { receiveActivity } from './inbound.js';
import { mayViewOperations } from './opsAccess.js';
import { BodyRefused, readBody } from './requestBody.js';

/** A request (headers and body) must arrive within this; a slow sender holds only its own socket. */
const REQUEST_TIMEOUT_MS = 20_000;

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** restify with the bot's routes: POST /api/messages, GET /healthz, GET /metrics, the survey pages, the tab. */
export async function startServer(app: App, port = app.config.port, host = app.config.host): Promise<RunningServer> {
  // Survey link tokens are longer than find-my-way's default limit of 100 characters for a route parameter.
  const options = { name: 'fki-bot', version: VERSION, maxParamLength: 500 } as restify.ServerOptions;
  const server = restify.createServer(options);
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.server.headersTimeout = REQUEST_TIMEOUT_MS;
  // The bot's own body reader, not restify's bodyParser: its gunzip stream had no error handler (one
  // request with a broken gzip body ended the process) and its size limit did not hold after inflating.
  server.use((req, res, next) => {
    if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return next();
    readBody(req, app.config.maxBodyBytes).then(
      (body) => {
        req.body = body.kind === 'none' ? undefined : body.value;
        next();
      },
      (error: unknown) => {
        const refused = error instanceof BodyRefused ? error : new BodyRefused(400, 'The body could not be read.');
        app.log.warn({ method: req.method, url: req.url, status: refused.status, reason: refused.message }, 'request body refused');
        res.header('connection', 'close');
        res.send(refused.status, { error: refused.message });
        next(false);
      },
    );
  });

  server.post('/api/messages', async (req, res) => {
    await receiveActivity(req, res, { adapter: app.adapter, run: (context) => app.bot.run(context), beforeAnswer: (activity) => app.bot.remember(activity), turns: app.turns, log: app.log });
  });

  registerSurveyPages(server, {
    surveys: app.surveys,
    secret: app.config.surveyLinkSecret,
    clock: app.clock,
    log: app.log,
    onAnswer: app.onLinkAnswer,
  });

  registerTab(server, { registry: app.registry, clock: app.clock });

  // What the features serve over HTTP (the calendar feed).
  for (const route of app.routes) {
    server.get(route.path, async (req, res) => {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const answer = await route.handle({ query });
      res.writeHead(answer.status, { 'content-type': answer.type, 'x-content-type-options': 'nosniff', ...answer.headers });
      res.end(answer.body);
    });
  }

  // 200 while the bot can answer and record (a damaged registry answered from its last good copy
  // says so in registry.problem), 503 when it cannot; the sync's state is reported beside.
  // Anyone (a load balancer's probe) gets ok or not; the parts, with file names and reasons, are for
  // operators only (OPS_TOKEN, see opsAccess.ts).
  server.get('/healthz', async (req, res) => {
    const health = await healthOf(app);
    res.header('cache-control', 'no-store');
    res.send(health.ok ? 200 : 503, mayViewOperations(req, app.config) ? { version: VERSION, ...health } : { ok: health.ok });
  });

  server.get('/metrics', async (req, res) => {
    if (!mayViewOperations(req, app.config)) {
      res.header('www-authenticate', 'Bearer');
      res.send(401, { error: '/metrics needs Authorization: Bearer <OPS_TOKEN>.' });
      return;
    }
    res.writeHead(200, { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' });
    res.end(await metricsRegistry.metrics());
  });

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
