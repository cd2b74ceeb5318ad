import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

export interface StoredConversation {
  reference: Partial<ConversationReference>;
  kind: string;
  /** For personal chats: whose chat it is, so a user can be reached by Azure AD object id. */
  aadObjectId: string | null;
  updatedAt: string;
}

/**
 * Where the bot can post: a conversation reference for every conversation it has seen, recorded on
 * every incoming activity (Teams sends the install event only once), kept in DATA_DIR/conversations.json.
 */
export class ConversationStore {
  private readonly db: Low<{ conversations: Record<string, StoredConversation> }>;
  private readonly file: string;
  private loaded: Promise<void> | null = null;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'conversations.json');
    this.db = new Low(new JSONFile(this.file), { conversations: {} });
  }

  private load(): Promise<void> {
    this.loaded ??= this.db.read();
    return this.loaded;
  }

  /** Remembers where an activity came from; writes only when something changed. */
  async record(activity: Partial<Activity>, now: Date): Promise<void> {
    const id = activity.conversation?.id;
    if (!id || !activity.serviceUrl) return;
    await this.load();
    const reference = TurnContext.getConversationReference(activity);
    const kind = activity.conversation?.conversationType ?? 'personal';
    const aadObjectId = kind === 'personal' ? (activity.from?.aadObjectId ?? null) : null;
    const known = this.db.data.conversations[id];
    if (known && known.reference.serviceUrl === reference.serviceUrl && known.aadObjectId === aadObjectId) return;
    this.db.data.conversations[id] = { reference, kind, aadObjectId, updatedAt: now.toISOString() };
    await this.save();
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    await this.load();
    return this.db.data.conversations[conversationId];
  }

  /** The personal chat with a user, by Azure AD object id. */
  async personalChatOf(aadObjectId: string): Promise<StoredConversation | undefined> {
    await this.load();
    const id = aadObjectId.toLowerCase();
    return Object.values(this.db.data.conversations).find((c) => c.kind === 'personal' && c.aadObjectId?.toLowerCase() === id);
  }

  /** The bot was removed or the chat is gone (403/404): never post there again. */
  async forget(conversationId: string): Promise<void> {
    await this.load();
    if (!(conversationId in this.db.data.conversations)) return;
    delete this.db.data.conversations[conversationId];
    await this.save();
  }

  private async save(): Promise<void> {
    const write = this.saving.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await this.db.write();
    });
    this.saving = write.catch(() => undefined);
    await write;
  }
}
