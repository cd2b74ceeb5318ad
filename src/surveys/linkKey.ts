import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import type { Storage } from '../store/storage.js';
import { linkKeyId } from './linkToken.js';

/** Where a key made by the bot itself is kept, and the ids of the keys it has signed with: beside the surveys. */
const KEY_DOCUMENT = 'survey-link-key';
/** Enough for every key change within a link's life (SURVEY_LINK_DAYS, at most a year). */
const KEPT_KEY_IDS = 20;

export interface SurveyLinkKey {
  secret: string;
  /** Whether this start made the key (no SURVEY_LINK_SECRET, and none kept yet). */
  made: boolean;
  /** The ids of keys the bot signed links with before this one: a link signed with one of them is too old, not forged. */
  retiredKeyIds: string[];
}

/**
 * The key that signs survey links. SURVEY_LINK_SECRET when it is set (production must set it);
 * without it, a key made once and kept in the storage, so that the links already sent keep working
 * after a restart. Each key's id (never the key) is kept too, so that a link signed before the key
 * changed is told apart from one that was altered.
 */
export async function surveyLinkKey(config: Pick<Config, 'surveyLinkSecret' | 'surveyLinkSecretGenerated'>, storage: Storage): Promise<SurveyLinkKey> {
  const document = storage.document<{ key: string; keyIds: string[] }>(KEY_DOCUMENT, { key: '', keyIds: [] });
  let made = false;
  let secret = config.surveyLinkSecret;
  await document.change((stored) => {
    stored.keyIds ??= [];
    let changed = false;
    if (config.surveyLinkSecretGenerated) {
      if (stored.key === '') {
        stored.key = randomBytes(32).toString('base64url');
        made = changed = true;
      }
      secret = stored.key;
    }
    const id = linkKeyId(secret);
    if (stored.keyIds.at(-1) !== id) {
      stored.keyIds = [...stored.keyIds.filter((known) => known !== id), id].slice(-KEPT_KEY_IDS);
      changed = true;
    }
    return changed;
  });
  const current = linkKeyId(secret);
  return { secret, made, retiredKeyIds: (await document.read()).keyIds.filter((id) => id !== current) };
}
