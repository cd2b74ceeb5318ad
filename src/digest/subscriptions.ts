import type { Lang } from '../i18n/language.js';
import type { KeyedRecords } from '../store/records.js';
import type { Storage } from '../store/storage.js';

export interface Subscription {
  conversationId: string;
  lang: Lang;
  subscribedAt: string;
  /** "command" when someone wrote "abonner på oversigt", "install" for a team's General channel. */
  source: 'command' | 'install';
}

/**
 * The conversations that get the weekly digest: one keyed record each (subscribing one more costs the
 * same at 10,000 subscribers as at the first), moved once from the document `subscriptions` of before.
 */
export class SubscriptionStore {
  private readonly records: KeyedRecords<Subscription>;

  constructor(storage: Storage) {
    this.records = storage.keyed<Subscription>('subscriptions', {
      legacy: { document: 'subscriptions', entries: (data) => Object.entries((data.subscriptions ?? {}) as Record<string, Subscription>) },
    });
  }

  async all(): Promise<Subscription[]> {
    return (await this.records.entries()).map(([, subscription]) => subscription);
  }

  async get(conversationId: string): Promise<Subscription | undefined> {
    return this.records.get(conversationId);
  }

  /** Subscribes a conversation (or changes its language); false when it already was, in that language. */
  async subscribe(subscription: Subscription): Promise<boolean> {
    const known = await this.records.get(subscription.conversationId);
    if (known && known.lang === subscription.lang) return false;
    await this.records.put(subscription.conversationId, known ? { ...known, lang: subscription.lang } : subscription);
    return true;
  }

  /** False when the conversation was not subscribed. */
  unsubscribe(conversationId: string): Promise<boolean> {
    return this.records.delete(conversationId);
  }
}
