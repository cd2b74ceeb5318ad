import { service } from '../app/services.js';
import type { KeyedRecords } from '../store/records.js';
import type { Storage } from '../store/storage.js';
import { isLang, type Lang } from './language.js';

interface SpokenLanguage {
  lang: Lang;
  at: string;
}

/** What the language middleware asks and tells about a conversation's language. */
export interface LanguageMemory {
  /** The language the conversation last spoke in words that told it, or null if never. */
  lastOf(conversationId: string): Promise<Lang | null>;
  /** Remembers it; resolves once durable. */
  remember(conversationId: string, lang: Lang, now: Date): Promise<void>;
}

/**
 * The conversations' languages as a service (provided by the edge, which keeps them): what a feature
 * sends unasked (a reminder, a summary) is written in the conversation's last language, then the
 * DEFAULT_LANGUAGE, as a reply would be.
 */
export const ConversationLanguagesService = service<LanguageMemory>('conversation languages');

/**
 * The language each conversation last spoke, one keyed record per conversation (a write costs the
 * same with ten conversations as with ten thousand, and only when the language changes), so that
 * "Aula" after an English question is answered in English, also after a restart.
 */
export class ConversationLanguages implements LanguageMemory {
  private readonly records: KeyedRecords<SpokenLanguage>;

  constructor(storage: Storage) {
    this.records = storage.keyed<SpokenLanguage>('languages');
  }

  async lastOf(conversationId: string): Promise<Lang | null> {
    if (!conversationId) return null;
    const record = await this.records.get(conversationId);
    return record && isLang(record.lang) ? record.lang : null;
  }

  async remember(conversationId: string, lang: Lang, now: Date): Promise<void> {
    if (!conversationId) return;
    if ((await this.lastOf(conversationId)) === lang) return;
    await this.records.put(conversationId, { lang, at: now.toISOString() });
  }
}
