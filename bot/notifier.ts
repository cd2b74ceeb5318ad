import { metrics } from '../src/metrics.js';
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Notifier, Reply, SentMessage } from '../src/chat/types.js';
import type { DigestSender, SendOutcome } from '../src/digest/service.js';
import type { Log } from '../src/log.js';
import type { ConversationStore } from './conversations.js';
import type { SendPacer } from './pacing.js';
import { replyActivity } from './turns.js';
import { alwaysHeld, type Fence } from '../src/store/fence.js';

/**
 * Retry caps for a proactive message: Teams throttles (429) and now and then fails (5xx). These are
 * the outer layer, for outages that last: botbuilder's HTTP pipeline already retries each call up to
 * three times (429/503 after Retry-After, other 5xx with exponential back-off) before it fails one try.
 */
export const DELIVERY = { maxAttempts: 4, baseDelayMs: 2_000, maxDelayMs: 60_000 } as const;
const TRANSIENT = new Set([412, 429, 500, 502, 503, 504]);
const GONE = new Set([403, 404]);

export interface DeliveryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Paces every try within Teams' limits; shared by all the app's senders. None: unpaced. */
  pacer?: SendPacer;
  /** Checked before every try: a bot that lost its data folder lock sends nothing. */
  fence: Fence;
}

/**
 * Posts messages proactively with botbuilder. Transient failures are retried with exponential back-off
 * and jitter, honouring Retry-After; a conversation that is gone is forgotten; a message that finally
 * cannot be delivered is logged as an error with the reason.
 */
export class ProactiveNotifier implements Notifier, DigestSender {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly options: DeliveryOptions;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationStore,
    private readonly log: Log,
    options: Partial<DeliveryOptions> = {},
  ) {
    this.options = { ...DELIVERY, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), fence: alwaysHeld, ...options };
  }

  toConversation(conversationId: string, reply: Reply): void {
    this.track(this.send(conversationId, reply));
  }

  /** Delivers into a known conversation, with the retries; says how it ended. */
  async send(conversationId: string, reply: Reply): Promise<SendOutcome> {
    const stored = await this.conversations.get(conversationId);
    if (!stored) {
      this.log.error({ conversationId }, 'cannot post: the bot has no reference to that conversation');
      return { outcome: 'failed', reason: 'no conversation reference' };
    }
    return this.deliver(conversationId, stored.reference, reply);
  }

  /** Replaces a message the bot posted (updateActivity), after the turn, with the same retries as a post. */
  update(message: SentMessage, reply: Reply): void {
    this.track(
      this.conversations.get(message.conversationId).then((stored) => {
        if (!stored) {
          this.log.error({ conversationId: message.conversationId }, 'cannot update a message: the bot has no reference to that conversation');
          return;
        }
        return this.deliver(message.conversationId, stored.reference, reply, message.activityId).then(() => undefined);
      }),
    );
  }

  async personalChatOf(aadObjectId: string): Promise<string | null> {
    return (await this.conversations.personalChatOf(aadObjectId))?.reference.conversation?.id ?? null;
  }

  async canReachUser(aadObjectId: string): Promise<boolean> {
    return (await this.conversations.personalChatOf(aadObjectId)) !== undefined;
  }

  toUser(aadObjectId: string, reply: Reply): void {
    this.track(
      this.conversations.personalChatOf(aadObjectId).then((stored) => {
        if (!stored) {
          this.log.info({ aadObjectId }, 'no personal chat with this user yet: the message waits in "åbne forespørgsler"');
          return;
        }
        return this.deliver(stored.reference.conversation?.id ?? '', stored.reference, reply).then(() => undefined);
      }),
    );
  }

  /** Resolves when every delivery started so far has finished (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(delivery: Promise<unknown>): void {
    const tracked = delivery
      .catch((error: unknown) => this.log.error({ err: error }, 'notification failed'))
      .then(() => undefined);
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  /** Posts the reply, or with `replacing` updates that message instead; a posted reply is told its id (`onSent`). */
  private async deliver(conversationId: string, reference: Partial<ConversationReference>, reply: Reply, replacing?: string): Promise<SendOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      if (!this.options.fence.holds()) {
        this.log.error({ conversationId, why: this.options.fence.problem() }, 'not sent: this bot lost its data folder lock to another bot');
        return { outcome: 'failed', reason: 'fenced: another bot holds the data folder lock' };
      }
      try {
        await this.options.pacer?.take(conversationId);
        const activityId = await this.sendOnce(reference, reply, replacing);
        if (activityId !== null && replacing === undefined) await this.tellSent(reply, { conversationId, activityId });
        return activityId === null ? { outcome: 'sent' } : { outcome: 'sent', activityId };
      } catch (error) {
        const status = statusOf(error);
        if (status !== null && GONE.has(status) && replacing !== undefined) {
          // The message may be deleted while the chat lives on: the conversation is not forgotten for that.
          this.log.warn({ conversationId, status }, 'could not update a message: it or its conversation is gone');
          return { outcome: 'failed', reason: `HTTP ${status}` };
        }
        if (status !== null && GONE.has(status)) {
          this.log.warn({ conversationId, status }, 'the bot is no longer in that conversation: forgetting it');
          await this.conversations.forget(conversationId);
          return { outcome: 'gone' };
        }
        const transient = status === null || TRANSIENT.has(status);
        if (!transient || attempt >= this.options.maxAttempts) {
          this.log.error({ conversationId, status, attempts: attempt, err: error }, 'could not deliver a message');
          return { outcome: 'failed', reason: status === null ? String((error as Error)?.message ?? error) : `HTTP ${status}` };
        }
        metrics.outboundRetries.inc({ target: 'teams' });
        await this.options.sleep(this.delayBefore(attempt, error));
      }
    }
  }

  /**
   * One try. An error inside the turn would go to the adapter's onTurnError, which handles it, and the
   * call would then look like a success: catch it here and hand it to the retry loop instead.
   */
  private async sendOnce(reference: Partial<ConversationReference>, reply: Reply, replacing?: string): Promise<string | null> {
    let failure: unknown = null;
    let activityId: string | null = replacing ?? null;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        if (replacing === undefined) activityId = (await context.sendActivity(replyActivity(reply)))?.id ?? null;
        else await context.updateActivity({ ...replyActivity(reply), id: replacing });
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== null) throw failure;
    return activityId;
  }

  /** The feature hears where its message landed; its failing to note that does not undo the delivery. */
  private async tellSent(reply: Reply, sent: SentMessage): Promise<void> {
    try {
      await reply.onSent?.(sent);
    } catch (error) {
      this.log.error({ err: error, conversationId: sent.conversationId }, 'a posted message could not be noted for later updates');
    }
  }

  private delayBefore(attempt: number, error: unknown): number {
    const retryAfter = retryAfterMs(error);
    if (retryAfter !== null) return Math.min(retryAfter, this.options.maxDelayMs);
    const exponential = this.options.baseDelayMs * 2 ** (attempt - 1);
    return Math.min(this.options.maxDelayMs, exponential / 2 + Math.random() * (exponential / 2));
  }
}

function statusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : null;
}

/** Retry-After in seconds or as an HTTP date, from the connector's error response. */
function retryAfterMs(error: unknown): number | null {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } })?.response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  // A wait the connector asks for, measured on the real clock it dated it by, not the bot's Clock.
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
