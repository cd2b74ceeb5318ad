import { messages } from '../i18n/messages.js';
import type { Lang } from '../i18n/language.js';
import type { Guard } from './types.js';

/**
 * Only KOMBIT's administrators: anyone else is told, in one sentence per language, what only
 * administrators can do ("synkronisere listen"), and nothing changes.
 */
export function adminOnly(admins: { isAdmin(aadObjectId: string | null): Promise<boolean> }, what: (lang: Lang) => string): Guard {
  return async (turn) => ((await admins.isAdmin(turn.user.aadObjectId)) ? null : messages(turn.lang).adminsOnly(what(turn.lang)));
}
