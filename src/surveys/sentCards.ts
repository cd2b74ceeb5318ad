import type { SentMessage } from '../chat/types.js';
import type { Lang } from '../i18n/language.js';
import type { Log } from '../log.js';
import { JournalProjection } from '../store/journal.js';
import type { EventLog } from '../store/storage.js';

/**
 * Where a survey's cards were posted, so that each can be updated in place after a decision: the
 * survey card (then the receipt) in the chat where it was asked or answered, the review card in each
 * administrator's chat, and the lists of open surveys.
 */
export type SentCardKind = 'survey' | 'review' | 'list';

export interface SentCard extends SentMessage {
  kind: SentCardKind;
  /** The survey a survey or review card is about; null for a list. */
  surveyId: string | null;
  lang: Lang;
  /** Posted in a group chat or channel: Teams rebuilds it per viewer (refresh.userIds) there. */
  shared: boolean;
  /** A list as an administrator sees it (with the review and close buttons). */
  admin: boolean;
  /** The answer whose receipt the message holds (the card it was sent from); null for a card not answered from. */
  answerId: string | null;
  at: string;
}

export type SentCardEvent = { type: 'sent'; card: SentCard };

/** The lists updated after a decision: the latest ones only, so a decision costs the same after a year of lists. */
export const LISTS_KEPT = 20;

/**
 * The messages holding survey cards, from the journal `survey-cards`: one event per message, appended
 * once (a message noted twice is kept once); durable, so a decision after a restart still finds them.
 */
export class SentCards {
  private readonly bySurvey = new Map<string, SentCard[]>();
  private lists: SentCard[] = [];
  private readonly byMessage = new Map<string, SentCard>();
  private projection!: JournalProjection<SentCardEvent>;

  private constructor() {}

  static async load(journal: EventLog<SentCardEvent>, log?: Log): Promise<SentCards> {
    const cards = new SentCards();
    cards.projection = await JournalProjection.open(journal, (event) => cards.apply(event), log);
    return cards;
  }

  /**
   * Notes a message holding a survey card, or the answer it now holds the receipt of; nothing when
   * that is already noted (Teams re-sends an invoke it got no answer to).
   */
  async note(card: SentCard): Promise<void> {
    if (this.isNoted(card)) return;
    await this.projection.transact(async (append) => {
      if (!this.isNoted(card)) await append({ type: 'sent', card });
    });
  }

  private isNoted(card: SentCard): boolean {
    const known = this.byMessage.get(keyOf(card));
    return known !== undefined && (card.answerId === null || known.answerId === card.answerId);
  }

  /** The messages with a card about this survey, oldest first. */
  of(surveyId: string): readonly SentCard[] {
    return this.bySurvey.get(surveyId) ?? [];
  }

  /** The latest lists of open surveys (at most LISTS_KEPT), oldest first. */
  latestLists(): readonly SentCard[] {
    return this.lists;
  }

  private apply(event: SentCardEvent): void {
    const { card } = event;
    if (event.type !== 'sent' || typeof card?.conversationId !== 'string' || typeof card.activityId !== 'string') return;
    const key = keyOf(card);
    const known = this.byMessage.get(key);
    if (known) {
      // The message now holds the receipt of this answer (sent from it): updates show that receipt.
      if (card.answerId) known.answerId = card.answerId;
      return;
    }
    const noted = { ...card, answerId: card.answerId ?? null };
    this.byMessage.set(key, noted);
    if (noted.kind === 'list') {
      this.lists = [...this.lists, noted].slice(-LISTS_KEPT);
      return;
    }
    if (noted.surveyId === null) return;
    const cards = this.bySurvey.get(noted.surveyId) ?? [];
    cards.push(noted);
    this.bySurvey.set(noted.surveyId, cards);
  }
}

function keyOf(card: SentMessage): string {
  return JSON.stringify([card.conversationId, card.activityId]);
}
