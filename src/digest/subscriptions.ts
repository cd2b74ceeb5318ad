import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Lang } from '../i18n/language.js';

export interface Subscription {
  conversationId: string;
  lang: Lang;
  subscribedAt: string;
  /** "command" when someone wrote "abonner på oversigt", "install" for a team's General channel. */
  source: 'command' | 'install';
}

/** The conversations that get the weekly digest, in DATA_DIR/subscriptions.json. */
export class SubscriptionStore {
  private readonly db: Low<{ subscriptions: Record<string, Subscription> }>;
  private readonly file: string;
  private loaded: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'subscriptions.json');
    this.db = new Low(new JSONFile(this.file), { subscriptions: {} });
  }

  async all(): Promise<Subscription[]> {
    await this.load();
    return Object.values(this.db.data.subscriptions);
  }

  async get(conversationId: string): Promise<Subscription | undefined> {
    await this.load();
    return this.db.data.subscriptions[conversationId];
  }

  /** Subscribes a conversation (or changes its language); false when it already was, in that language. */
  subscribe(subscription: Subscription): Promise<boolean> {
    return this.change((subscriptions) => {
      const known = subscriptions[subscription.conversationId];
      if (known && known.lang === subscription.lang) return false;
      subscriptions[subscription.conversationId] = known ? { ...known, lang: subscription.lang } : subscription;
      return true;
    });
  }

  /** False when the conversation was not subscribed. */
  unsubscribe(conversationId: string): Promise<boolean> {
    return this.change((subscriptions) => {
      if (!(conversationId in subscriptions)) return false;
      delete subscriptions[conversationId];
      return true;
    });
  }

  private load(): Promise<void> {
    this.loaded ??= this.db.read();
    return this.loaded;
  }

  /** One change at a time, each written before the next begins. */
  private change(apply: (subscriptions: Record<string, Subscription>) => boolean): Promise<boolean> {
    const next = this.queue.then(async () => {
      await this.load();
      const changed = apply(this.db.data.subscriptions);
      if (changed) {
        await mkdir(path.dirname(this.file), { recursive: true });
        await this.db.write();
      }
      return changed;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
