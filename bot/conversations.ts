import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { KeyedRecords } from '../src/store/records.js';
import type { Storage } from '../src/store/storage.js';

export interface StoredConversation {
  reference: Partial<ConversationReference>;
  kind: string;
  /** For personal chats: whose chat it is, so a user can be reached by Azure AD object id. */
  aadObjectId: string | null;
  updatedAt: string;
}

/**
 * Where the bot can post: a conversation reference for every conversation it has seen, recorded on
 * every incoming activity (Teams sends the install event only once), one keyed record each, so that
 * recording a new chat costs the same at 10,000 chats as at the first. Found by conversation id or,
 * for personal chats, by the user's Azure AD object id, both in O(1).
 */
export class ConversationStore {
  private readonly records: KeyedRecords<StoredConversation>;

  constructor(storage: Storage) {
    this.records = storage.keyed<StoredConversation>('conversations', {
      indexBy: (conversation) => (conversation.kind === 'personal' ? conversation.aadObjectId : null),
      // Before, all references were one document: moved once, the first time the bot starts with this.
      legacy: { document: 'conversations', entries: (data) => Object.entries((data.conversations ?? {}) as Record<string, StoredConversation>) },
    });
  }

  /**
   * Remembers where an activity came from. Writes only when something changed; the promise resolves
   * when the reference is durable (changes arriving together share one flush).
   */
  async record(activity: Partial<Activity>, now: Date): Promise<void> {
    const id = activity.conversation?.id;
    if (!id || !activity.serviceUrl) return;
    const kind = activity.conversation?.conversationType ?? 'personal';
    const aadObjectId = kind === 'personal' ? (activity.from?.aadObjectId ?? null) : null;
    const known = await this.records.get(id);
    if (known && known.reference.serviceUrl === activity.serviceUrl && known.aadObjectId === aadObjectId) return;
    const reference = TurnContext.getConversationReference(activity);
    await this.records.put(id, { reference, kind, aadObjectId, updatedAt: now.toISOString() });
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    return this.records.get(conversationId);
  }

  /** The personal chat with a user, by Azure AD object id. */
  async personalChatOf(aadObjectId: string): Promise<StoredConversation | undefined> {
    return this.records.findBy(aadObjectId);
  }

  /** How many conversations the bot can post into. */
  count(): Promise<number> {
    return this.records.size();
  }

  /** The bot was removed or the chat is gone (403/404): never post there again. */
  forget(conversationId: string): Promise<boolean> {
    return this.records.delete(conversationId);
  }

  /** Resolves when every reference recorded so far is durable (shutdown, tests). */
  flushed(): Promise<void> {
    return this.records.flushed();
  }
}
