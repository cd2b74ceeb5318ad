import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { Storage, StoredDocument } from '../src/store/storage.js';

export interface StoredConversation {
  reference: Partial<ConversationReference>;
  kind: string;
  /** For personal chats: whose chat it is, so a user can be reached by Azure AD object id. */
  aadObjectId: string | null;
  updatedAt: string;
}

/**
 * Where the bot can post: a conversation reference for every conversation it has seen, recorded on
 * every incoming activity (Teams sends the install event only once), kept in the document `conversations`.
 */
export class ConversationStore {
  private readonly document: StoredDocument<{ conversations: Record<string, StoredConversation> }>;

  /** Conversations recorded (or found recorded) by this process, with what identifies their reference. */
  private readonly recorded = new Map<string, string>();

  constructor(storage: Storage) {
    this.document = storage.document('conversations', { conversations: {} });
  }

  /** Remembers where an activity came from; writes only when something changed. */
  async record(activity: Partial<Activity>, now: Date): Promise<void> {
    const id = activity.conversation?.id;
    if (!id || !activity.serviceUrl) return;
    const kind = activity.conversation?.conversationType ?? 'personal';
    const aadObjectId = kind === 'personal' ? (activity.from?.aadObjectId ?? null) : null;
    // Most activities come from a conversation this process has already recorded as it is: nothing to read.
    const seenAs = `${activity.serviceUrl}|${aadObjectId ?? ''}`;
    if (this.recorded.get(id) === seenAs) return;
    const reference = TurnContext.getConversationReference(activity);
    const known = (await this.document.read()).conversations[id];
    this.recorded.set(id, seenAs);
    if (known && known.reference.serviceUrl === reference.serviceUrl && known.aadObjectId === aadObjectId) return;
    await this.document.change(({ conversations }) => {
      conversations[id] = { reference, kind, aadObjectId, updatedAt: now.toISOString() };
      return true;
    });
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    return (await this.document.read()).conversations[conversationId];
  }

  /** The personal chat with a user, by Azure AD object id. */
  async personalChatOf(aadObjectId: string): Promise<StoredConversation | undefined> {
    const id = aadObjectId.toLowerCase();
    return Object.values((await this.document.read()).conversations).find((c) => c?.kind === 'personal' && c.aadObjectId?.toLowerCase() === id);
  }

  /** The bot was removed or the chat is gone (403/404): never post there again. */
  forget(conversationId: string): Promise<boolean> {
    return this.document.change(({ conversations }) => {
      if (!(conversationId in conversations)) return false;
      delete conversations[conversationId];
      return true;
    });
  }
}
