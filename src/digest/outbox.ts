import { JournalProjection } from '../store/journal.js';
import type { EventLog, Presence } from '../store/storage.js';

export type OutboxEvent =
  /**
   * An instance is about to send: nobody else sends there until it reports, its claim runs out, or
   * its `session` (PostgreSQL) is seen to have ended.
   */
  | { type: 'claimed'; week: string; conversationId: string; at: string; by: string; until: string; session?: string }
  | { type: 'sent'; week: string; conversationId: string; at: string }
  | { type: 'failed'; week: string; conversationId: string; at: string; reason: string }
  | { type: 'gone'; week: string; conversationId: string; at: string };

/**
 * Which conversation got which week's digest. Every delivery is recorded (and flushed to disk) the
 * moment it succeeds, so a run that stops halfway is resumed with only the conversations not yet
 * sent to, and a restart never sends a week's digest twice.
 */
export class DigestOutbox {
  private readonly sent = new Set<string>();
  private readonly claims = new Map<string, { by: string; until: number; session: string | null }>();
  private latestSent: string | null = null;

  private projection!: JournalProjection<OutboxEvent>;

  private constructor() {}

  static async load(journal: EventLog<OutboxEvent>): Promise<DigestOutbox> {
    const outbox = new DigestOutbox();
    outbox.projection = await JournalProjection.open(journal, (event) => {
      if (typeof event.week !== 'string' || typeof event.conversationId !== 'string') throw new Error('not an outbox event: no week or conversation');
      outbox.apply(event);
    });
    return outbox;
  }

  /** The latest week any conversation got its digest ("2025-W08"; such keys sort by time), or null. */
  latestSentWeek(): string | null {
    return this.latestSent;
  }

  isSent(week: string, conversationId: string): boolean {
    return this.sent.has(`${week}|${conversationId}`);
  }

  record(event: OutboxEvent): Promise<void> {
    return this.projection.record(event);
  }

  /** Takes in what other instances recorded (deliveries, claims). */
  async refresh(): Promise<void> {
    await this.projection.refresh();
  }

  /** When another instance's live claim on a delivery runs out; null when none holds one. */
  claimedUntil(week: string, conversationId: string, by: string, now: Date): number | null {
    const claim = this.claims.get(`${week}|${conversationId}`);
    return claim && claim.by !== by && claim.until > now.getTime() ? claim.until : null;
  }

  /**
   * Claims a delivery before it is sent, so that no other instance sends the same conversation the
   * same week. False when it was sent already, or another live instance holds a claim that has not run
   * out. With `presence`, the claim names this instance's session, and a claim whose session ended (its
   * instance died) is taken over at once; without, a dead instance's claim runs out after `leaseMs`.
   */
  async claim(week: string, conversationId: string, by: string, now: Date, leaseMs: number, presence?: Presence): Promise<boolean> {
    const session = presence ? await presence.session() : null;
    return this.projection.transact(async (append) => {
      if (this.isSent(week, conversationId)) return false;
      if (this.claimedUntil(week, conversationId, by, now) !== null && !(await this.claimerDied(week, conversationId, presence))) return false;
      await append({
        type: 'claimed',
        week,
        conversationId,
        at: now.toISOString(),
        by,
        until: new Date(now.getTime() + leaseMs).toISOString(),
        ...(session ? { session } : {}),
      });
      return true;
    });
  }

  /** Whether the instance holding a live claim is known to be dead: its session ended (taken over at once). */
  private async claimerDied(week: string, conversationId: string, presence: Presence | undefined): Promise<boolean> {
    const session = this.claims.get(`${week}|${conversationId}`)?.session;
    return Boolean(presence && session && !(await presence.isAlive(session)));
  }

  private apply(event: OutboxEvent): void {
    const key = `${event.week}|${event.conversationId}`;
    if (event.type === 'claimed') {
      this.claims.set(key, { by: event.by, until: Date.parse(event.until), session: event.session ?? null });
      return;
    }
    this.claims.delete(key);
    if (event.type === 'sent') {
      this.sent.add(key);
      if (this.latestSent === null || event.week > this.latestSent) this.latestSent = event.week;
    }
  }
}
