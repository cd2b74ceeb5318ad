import { JournalProjection } from '../store/journal.js';
import type { EventLog } from '../store/storage.js';

export type OutboxEvent =
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
  private readonly failures = new Map<string, number>();

  private projection!: JournalProjection<OutboxEvent>;

  private constructor() {}

  static async load(journal: EventLog<OutboxEvent>): Promise<DigestOutbox> {
    const outbox = new DigestOutbox();
    outbox.projection = await JournalProjection.open(journal, (event) => outbox.apply(event));
    return outbox;
  }

  isSent(week: string, conversationId: string): boolean {
    return this.sent.has(`${week}|${conversationId}`);
  }

  /** How many runs of that week failed to deliver to the conversation. */
  failuresOf(week: string, conversationId: string): number {
    return this.failures.get(`${week}|${conversationId}`) ?? 0;
  }

  record(event: OutboxEvent): Promise<void> {
    return this.projection.record(event);
  }

  private apply(event: OutboxEvent): void {
    const key = `${event.week}|${event.conversationId}`;
    if (event.type === 'sent') this.sent.add(key);
    if (event.type === 'failed') this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
  }
}
