import type { Lang } from '../i18n/language.js';
import type { Storage, StoredDocument } from '../store/storage.js';

export interface Subscription {
  conversationId: string;
  lang: Lang;
  subscribedAt: string;
  /** "command" when someone wrote "abonner på oversigt", "install" for a team's General channel. */
  source: 'command' | 'install';
}

/** The conversations that get the weekly digest (the document `subscriptions`). */
export class SubscriptionStore {
  private readonly document: StoredDocument<{ subscriptions: Record<string, Subscription> }>;

  constructor(storage: Storage) {
    this.document = storage.document('subscriptions', { subscriptions: {} });
  }

  async all(): Promise<Subscription[]> {
    // A record that is not one (edited by hand) is skipped, not sent to.
    return Object.values((await this.document.read()).subscriptions).filter(
      (subscription): subscription is Subscription => typeof subscription?.conversationId === 'string' && subscription.conversationId !== '',
    );
  }

  /** The damage found in the stored subscriptions (set aside, going on from the last good copy), or null. */
  problem(): string | null {
    return this.document.problem?.() ?? null;
  }

  async get(conversationId: string): Promise<Subscription | undefined> {
    return (await this.document.read()).subscriptions[conversationId];
  }

  /** Subscribes a conversation (or changes its language); false when it already was, in that language. */
  subscribe(subscription: Subscription): Promise<boolean> {
    return this.document.change(({ subscriptions }) => {
      const known = subscriptions[subscription.conversationId];
      if (known && known.lang === subscription.lang) return false;
      subscriptions[subscription.conversationId] = known ? { ...known, lang: subscription.lang } : subscription;
      return true;
    });
  }

  /** False when the conversation was not subscribed. */
  unsubscribe(conversationId: string): Promise<boolean> {
    return this.document.change(({ subscriptions }) => {
      if (!(conversationId in subscriptions)) return false;
      delete subscriptions[conversationId];
      return true;
    });
  }
}
