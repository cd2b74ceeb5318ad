import type { ChatTurn, Reply, SendOutcome } from '../src/chat/types.js';
import type { Log } from '../src/log.js';
import type { KeyedRecords } from '../src/store/records.js';
import type { Storage } from '../src/store/storage.js';

/** A welcome still to be sent: the install's turn, from which the welcome is written when it goes out. */
interface PendingWelcome {
  turn: ChatTurn;
  queuedAt: string;
}

export interface WelcomeDeps {
  /** The welcome for an install (the help feature's), or null when no feature gives one. */
  compose: (turn: ChatTurn) => Promise<Reply | null>;
  /** Sends proactively, paced within Teams' limits and with the retries. */
  send: (conversationId: string, reply: Reply) => Promise<SendOutcome>;
  log: Log;
  /** Sends under way at once: the pacer decides the rate, these only cover the connector's latency. */
  concurrency?: number;
}

/**
 * Welcomes on install, sent from a queue rather than from the install's request: an org-wide install
 * brings thousands of installs in a few minutes, and each request ends as soon as the welcome is
 * queued (durably: the queue is a keyed record per conversation, so it survives a restart and is sent
 * then). Welcomes go out in order, paced by the sender; a failed one is logged and not tried again
 * (the user can still write to the bot, which answers).
 */
export class WelcomeQueue {
  private readonly pending: KeyedRecords<PendingWelcome>;
  /** Queued, in order, not yet taken by a worker. */
  private readonly waiting = new Map<string, PendingWelcome>();
  private workers = 0;
  private stopped = false;
  private drained: Promise<void> = Promise.resolve();
  private resolveDrained: (() => void) | null = null;

  constructor(
    storage: Storage,
    private readonly deps: WelcomeDeps,
  ) {
    this.pending = storage.keyed<PendingWelcome>('welcomes');
  }

  /** Sends the welcomes a previous run queued and did not send (a restart in the middle of a burst). */
  async resume(): Promise<number> {
    const left = await this.pending.entries();
    for (const [conversationId, welcome] of left) this.waiting.set(conversationId, welcome);
    this.startWorkers();
    if (left.length > 0) this.deps.log.info({ welcomes: left.length }, 'sending the welcomes queued before the restart');
    return left.length;
  }

  /** Queues the welcome for an install; resolves once it is durable (never waits for the sending). */
  async enqueue(turn: ChatTurn, now: Date): Promise<void> {
    const conversationId = turn.conversation.id;
    if (!conversationId) return;
    const welcome = { turn, queuedAt: now.toISOString() };
    await this.pending.put(conversationId, welcome);
    this.waiting.set(conversationId, welcome);
    this.startWorkers();
  }

  /** Takes no new welcome (a graceful stop): the queued ones are sent at the next start. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves once nothing is queued or being sent (tests, shutdown). */
  async idle(): Promise<void> {
    await this.drained;
    await this.pending.flushed();
  }

  private startWorkers(): void {
    const wanted = Math.min(this.deps.concurrency ?? 4, this.waiting.size);
    if (this.workers === 0 && wanted > 0) this.drained = new Promise((resolve) => (this.resolveDrained = resolve));
    while (this.workers < wanted && !this.stopped) {
      this.workers += 1;
      void this.work();
    }
  }

  private async work(): Promise<void> {
    try {
      while (!this.stopped) {
        const next = this.waiting.entries().next();
        if (next.done) break;
        const [conversationId, welcome] = next.value;
        this.waiting.delete(conversationId);
        await this.sendOne(conversationId, welcome);
      }
    } finally {
      this.workers -= 1;
      if (this.workers === 0) this.resolveDrained?.();
    }
  }

  private async sendOne(conversationId: string, welcome: PendingWelcome): Promise<void> {
    try {
      const reply = await this.deps.compose(welcome.turn);
      const outcome = reply ? await this.deps.send(conversationId, reply) : { outcome: 'sent' as const };
      if (outcome.outcome === 'failed') this.deps.log.error({ conversationId, reason: outcome.reason }, 'could not send the welcome; it is not tried again');
    } catch (error) {
      this.deps.log.error({ err: error, conversationId }, 'could not send the welcome; it is not tried again');
    }
    // Sent, gone or given up: off the queue (unless the install came again meanwhile and queued a new one).
    if (this.waiting.has(conversationId)) return;
    await this.pending.delete(conversationId).catch((error: unknown) => this.deps.log.error({ err: error, conversationId }, 'could not take a sent welcome off the queue'));
  }
}
