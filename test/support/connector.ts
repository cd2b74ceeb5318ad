import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  replyToId: string | null;
  activity: Record<string, unknown>;
  /** When the call arrived (ms since the epoch). */
  at: number;
}

/**
 * A stand-in for the Bot Connector service on 127.0.0.1: records every activity the bot sends
 * (replies and proactive messages) and answers like the real one.
 */
export interface InjectedFailure {
  status: number;
  headers?: Record<string, string>;
}

export class StandInConnector {
  readonly calls: ConnectorCall[] = [];
  /** Messages the bot replaced (PUT …/activities/{id}: updateActivity), apart from what it posted. */
  readonly updates: ConnectorCall[] = [];
  /** Calls refused so far, with the status they got. */
  readonly refused: { conversationId: string; status: number }[] = [];
  /** Decides, per call, whether to fail it the way Teams sometimes does; null lets it through. */
  failWith: (conversationId: string) => InjectedFailure | null = () => null;
  /** Milliseconds Teams takes to take a message; a sender that goes away meanwhile has posted nothing. */
  delayMs = 0;
  /**
   * As Teams does once a message has arrived: it is posted even when the sender goes away before the
   * answer (a crash mid-send). Off: a sender that goes away has posted nothing.
   */
  keepsWhatArrived = false;
  /** Requests that arrived, taken or not yet. */
  arrived = 0;
  private server: Server | null = null;
  private counter = 0;
  /** Activity ids a reply was taken for, and who waits for one (the benchmark's clients). */
  private readonly repliedTo = new Set<string>();
  private readonly waiting = new Map<string, () => void>();
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then(async (body) => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
        if (req.method === 'PUT' && match?.[2]) {
          const conversationId = decodeURIComponent(match[1] ?? '');
          const failure = this.failWith(conversationId);
          if (failure) {
            this.refused.push({ conversationId, status: failure.status });
            respond(res, failure.status, { error: { code: 'Failed', message: 'injected' } });
            return;
          }
          const activityId = decodeURIComponent(match[2]);
          this.updates.push({ method: 'PUT', path: req.url ?? '', conversationId, replyToId: activityId, activity: body === '' ? {} : (JSON.parse(body) as Record<string, unknown>), at: Date.now() });
          respond(res, 200, { id: activityId });
          return;
        }
        if (req.method !== 'POST' || !match) {
          respond(res, 404, { error: { code: 'NotFound' } });
          return;
        }
        const conversationId = decodeURIComponent(match[1] ?? '');
        this.arrived += 1;
        if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        if ((res.destroyed || req.socket.destroyed) && !this.keepsWhatArrived) return;
        const failure = this.failWith(conversationId);
        if (failure) {
          this.refused.push({ conversationId, status: failure.status });
          for (const [name, value] of Object.entries(failure.headers ?? {})) res.setHeader(name, value);
          respond(res, failure.status, { error: { code: failure.status === 429 ? 'Throttled' : 'Failed', message: 'injected' } });
          return;
        }
        this.calls.push({
          method: req.method,
          path: req.url ?? '',
          conversationId,
          replyToId: match[2] ? decodeURIComponent(match[2]) : null,
          activity: body === '' ? {} : (JSON.parse(body) as Record<string, unknown>),
          at: Date.now(),
        });
        this.counter += 1;
        respond(res, 200, { id: `sent-${this.counter}` });
        const replyToId = match[2] ? decodeURIComponent(match[2]) : null;
        if (replyToId !== null) {
          this.repliedTo.add(replyToId);
          this.waiting.get(replyToId)?.();
          this.waiting.delete(replyToId);
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /**
   * Resolves once a reply to the activity with this id has been taken: a bot may answer the HTTP
   * request before its reply is sent, so the request alone does not say the question was answered.
   */
  replyTo(activityId: string): Promise<void> {
    if (this.repliedTo.has(activityId)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(activityId, resolve));
  }

  /** Activities sent into one conversation, oldest first. */
  sentTo(conversationId: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.conversationId === conversationId).map((call) => call.activity);
  }

  /** The messages replaced in one conversation (updateActivity), oldest first: their ids and new content. */
  updatesIn(conversationId: string): { activityId: string; activity: Record<string, unknown> }[] {
    return this.updates.filter((call) => call.conversationId === conversationId).map((call) => ({ activityId: call.replyToId ?? '', activity: call.activity }));
  }

  clear(): void {
    this.calls.length = 0;
    this.updates.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function respond(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
