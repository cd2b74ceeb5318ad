import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SerialQueue } from '../store/serial.js';
import { metrics } from '../metrics.js';
import type { Reply, SendOutcome } from '../chat/types.js';
import { weekKey, isoWeekOf } from '../deadlines/digest.js';
import type { ComposeDigest, DigestRunCache } from './compose.js';
import type { DigestBlocked } from '../deadlines/texts.js';
import type { Log } from '../log.js';
import { alwaysHeld, type Fence } from '../store/fence.js';
import { calendarDayAt } from '../time/calendarDate.js';
import type { DigestOutbox } from './outbox.js';
import type { RateLimiter } from './rateLimiter.js';
import { dueTimeOfWeek } from './schedule.js';
import { SteadyTime, type Elapsed } from '../time/steadyTime.js';
import { systemClock, type Clock } from '../time/clock.js';
import type { Subscription, SubscriptionStore } from './subscriptions.js';
import type { Presence } from '../store/storage.js';

/** How one delivery ended; the sender retries transient failures itself before it says "failed". */
export type { SendOutcome } from '../chat/types.js';

/** Where digests go out: into a conversation, by id. */
export interface DigestSender {
  send(conversationId: string, reply: Reply): Promise<SendOutcome>;
}

export interface DigestDeps {
  subscriptions: SubscriptionStore;
  outbox: DigestOutbox;
  sender: DigestSender;
  /**
   * The digest for a day in a language for a conversation, built from the data as it is now; what all
   * conversations share is made once per run (`run`).
   */
  compose: ComposeDigest;
  limiter: RateLimiter;
  schedule: { pattern: string; zone: string };
  log?: Log;
  /** How many deliveries may be under way at once (the rate limiter paces their starts); DIGEST_CONCURRENCY unless set. */
  concurrency?: number;
  /** Who claims deliveries: this process. */
  instance?: string;
  /**
   * With several instances: how long a claim holds before another may send in its place (a crash
   * mid-delivery). Unset: one instance only, nothing to claim.
   */
  claimMs?: number;
  /** Whether this bot may still send (it holds the data folder lock); checked before every send. */
  fence?: Fence;
  /** Time that only moves forward at the real pace, to tell a wall clock jump (a test passes its own). */
  elapsed?: Elapsed;
  /** Waits (a test passes its own). */
  sleep?: (ms: number) => Promise<void>;
  /** What time it is for claims and the times recorded; the system's unless a test passes its own. */
  clock?: Clock;
  /**
   * With several instances: whose sessions are alive, so that the claims of an instance that died are
   * taken over at once rather than when they run out.
   */
  presence?: Presence;
}

/**
 * Deliveries under way at once: one, so that a crash can leave at most one conversation in doubt (sent
 * by Teams or not), and only that one may get the digest twice. The rate limiter still caps the pace.
 */
export const DIGEST_CONCURRENCY = 1;

export interface RunSummary {
  week: string;
  due: boolean;
  sent: number;
  failed: number;
  gone: number;
  /** Subscribers that already had this week's digest. */
  already: number;
  /** Subscribers that joined after this week's digest was due: theirs starts next week. */
  notYet: number;
  /** Which deliveries failed or found the conversation gone, and why (`null`: the bot was removed from it). */
  failures: DeliveryFailure[];
}

/** One conversation the digest did not reach: where it is, how it subscribed, and what Teams said. */
export interface DeliveryFailure {
  conversationId: string;
  source: Subscription['source'];
  reason: string | null;
}

/**
 * Sends the week's digest to every subscribed conversation exactly once. A run does nothing before
 * the week's due time (unless forced by an administrator), sends only to conversations that do not
 * have this week's digest yet, and records each delivery as it happens. Runs never overlap.
 */
export class DigestService {
  private readonly runs = new SerialQueue();

  private readonly instance: string;
  private readonly clock: Clock;
  private stopped = false;
  private fenceReported = false;

  /** The week is the calendar week of the time that really passed, not of a wall clock that jumped ahead. */
  private readonly steady: SteadyTime;

  constructor(private readonly deps: DigestDeps) {
    this.clock = deps.clock ?? systemClock;
    this.instance = deps.instance ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.steady = new SteadyTime(deps.elapsed, (offMs) =>
      deps.log?.error(
        { jumpedHours: Math.round(offMs / 360_000) / 10 },
        'the system clock jumped away from the time that really passed: the weekly digest keeps to the time measured (nothing early, nothing twice) until the clock agrees again',
      ),
    );
  }

  run(now: Date, options: { force?: boolean } = {}): Promise<RunSummary> {
    return this.runs.run(() => this.runOnce(now, options.force ?? false));
  }

  /** Starts no new delivery (a graceful stop): those under way finish, the rest wait for the next run. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Whether a run could send now: not when this bot lost its data folder lock, nor when the
   * subscriptions cannot be read; `fromCopy` when they were damaged and their last good copy is used.
   */
  async readiness(): Promise<{ blocked: DigestBlocked | null; fromCopy: boolean }> {
    if (!(this.deps.fence ?? alwaysHeld).holds()) return { blocked: 'lock-lost', fromCopy: false };
    try {
      await this.deps.subscriptions.all();
    } catch (error) {
      this.deps.log?.error({ err: error }, 'weekly digest: the subscriptions cannot be read');
      return { blocked: 'subscriptions-unreadable', fromCopy: false };
    }
    return { blocked: null, fromCopy: this.deps.subscriptions.problem() !== null };
  }

  /** Resolves once no run is in progress or waiting (a test, a graceful shutdown). */
  idle(): Promise<void> {
    return this.runs.idle();
  }

  private async runOnce(wallNow: Date, force: boolean): Promise<RunSummary> {
    const { subscriptions, outbox, schedule } = this.deps;
    const now = this.steady.at(wallNow);
    const today = calendarDayAt(now, schedule.zone);
    const week = weekKey(isoWeekOf(today));
    const dueAt = dueTimeOfWeek(schedule.pattern, schedule.zone, now);
    const due = force || (dueAt !== null && now.getTime() >= dueAt.getTime());
    const summary: RunSummary = { week, due, sent: 0, failed: 0, gone: 0, already: 0, notYet: 0, failures: [] };
    if (!due || this.stopped || !this.mayStillSend()) return summary;

    // Deliveries recorded by another instance (one that led before this one) count too.
    await outbox.refresh();
    const latest = outbox.latestSentWeek();
    if (latest !== null && week < latest) {
      // The clock went back: a week before one already sent is over, never sent (again) now.
      this.deps.log?.warn({ week, latest }, 'the clock says an earlier week than the latest digest sent: nothing sent (the clock went back?)');
      return { ...summary, due: false };
    }
    const pending: Subscription[] = [];
    for (const subscription of await subscriptions.all()) {
      if (outbox.isSent(week, subscription.conversationId)) summary.already += 1;
      else if (!force && dueAt !== null && Date.parse(subscription.subscribedAt) > dueAt.getTime()) summary.notYet += 1;
      else pending.push(subscription);
    }
    const run: DigestRunCache = new Map();
    const replyIn = (subscription: Subscription) =>
      this.deps.compose(today, subscription.lang, { conversationId: subscription.conversationId, lang: subscription.lang }, run);

    // Deliveries another instance claimed are left to it, unless it dies: its claim then runs out.
    const heldElsewhere: Subscription[] = [];
    await this.deliverAll(week, pending, replyIn, summary, heldElsewhere);
    if (heldElsewhere.length > 0 && !this.stopped) {
      // Wait for those claims to run out, then look again: sent by the other instance, or ours now.
      const now = this.clock.now();
      const until = Math.max(...heldElsewhere.map((s) => outbox.claimedUntil(week, s.conversationId, this.instance, now) ?? 0));
      await (this.deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(Math.max(0, until - now.getTime()) + 50);
      await outbox.refresh();
      const retry = heldElsewhere.splice(0);
      summary.already += retry.filter((s) => outbox.isSent(week, s.conversationId)).length;
      await this.deliverAll(week, retry.filter((s) => !outbox.isSent(week, s.conversationId)), replyIn, summary, heldElsewhere);
      // Still claimed by a live instance: it is delivering them.
      summary.already += heldElsewhere.length;
    }
    // A run every few minutes usually finds nothing to do: only runs that sent or failed are news.
    if (summary.sent + summary.failed + summary.gone > 0) this.deps.log?.info({ ...summary, failures: summary.failures.length }, 'weekly digest run');
    else this.deps.log?.debug({ ...summary }, 'weekly digest run: nothing to send');
    return summary;
  }

  /** Sends to each conversation, a few at a time, each after claiming it where instances share the work. */
  private async deliverAll(
    week: string,
    queue: readonly Subscription[],
    replyIn: (subscription: Subscription) => Promise<Reply>,
    summary: RunSummary,
    heldElsewhere: Subscription[],
  ): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < queue.length && !this.stopped && this.mayStillSend()) {
        const subscription = queue[next++]!;
        if (await this.claimedElsewhere(week, subscription, heldElsewhere, summary)) continue;
        await this.sendOne(week, subscription, replyIn, summary);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.deps.concurrency ?? DIGEST_CONCURRENCY, queue.length) }, worker));
  }

  /** True when the delivery is not this instance's to make: sent meanwhile, or claimed by another. */
  private async claimedElsewhere(week: string, subscription: Subscription, heldElsewhere: Subscription[], summary: RunSummary): Promise<boolean> {
    const { claimMs, outbox } = this.deps;
    if (claimMs === undefined) return false;
    if (await outbox.claim(week, subscription.conversationId, this.instance, this.clock.now(), claimMs, this.deps.presence)) return false;
    if (outbox.isSent(week, subscription.conversationId)) summary.already += 1;
    else heldElsewhere.push(subscription);
    return true;
  }

  /** False once this bot lost its data folder lock: the bot that took it over sends instead. */
  private mayStillSend(): boolean {
    const fence = this.deps.fence ?? alwaysHeld;
    if (fence.holds()) return true;
    if (!this.fenceReported) this.deps.log?.error({ why: fence.problem() }, 'weekly digest: sends nothing, this bot lost its data folder lock');
    this.fenceReported = true;
    return false;
  }

  private async sendOne(week: string, subscription: Subscription, replyIn: (subscription: Subscription) => Promise<Reply>, summary: RunSummary): Promise<void> {
    const { outbox, subscriptions } = this.deps;
    await this.deps.limiter.take();
    // Checked again at the last moment: the lock may have been lost while this delivery waited its turn.
    if (!this.mayStillSend()) return;
    const result = await this.deps.sender.send(subscription.conversationId, await replyIn(subscription));
    const at = this.clock.now().toISOString();
    metrics.digests.inc({ outcome: result.outcome });
    if (result.outcome === 'sent') {
      await outbox.record({ type: 'sent', week, conversationId: subscription.conversationId, at });
      summary.sent += 1;
    } else if (result.outcome === 'gone') {
      await outbox.record({ type: 'gone', week, conversationId: subscription.conversationId, at });
      await subscriptions.unsubscribe(subscription.conversationId);
      summary.gone += 1;
      summary.failures.push({ conversationId: subscription.conversationId, source: subscription.source, reason: null });
    } else {
      await outbox.record({ type: 'failed', week, conversationId: subscription.conversationId, at, reason: result.reason });
      this.deps.log?.error({ week, conversationId: subscription.conversationId, reason: result.reason }, 'digest not delivered; retried at the next run this week');
      summary.failed += 1;
      summary.failures.push({ conversationId: subscription.conversationId, source: subscription.source, reason: result.reason });
    }
  }
}
