import { messages } from '../i18n/messages.js';
import type { Lang } from '../i18n/language.js';
import { turnState } from './turnState.js';
import type { ChatTurn, Guard } from './types.js';

/** Whether the person of the turn is one of KOMBIT's administrators: asked once a turn, then read from turn.state. */
export const Admin = turnState<boolean>('admin');

type AdminDirectory = { isAdmin(aadObjectId: string | null): Promise<boolean> };

/** Whether the turn's person is an administrator; the directory is asked at most once a turn. */
export async function isAdminInTurn(turn: ChatTurn, admins: AdminDirectory): Promise<boolean> {
  const known = turn.state.get(Admin);
  if (known !== undefined) return known;
  const isAdmin = await admins.isAdmin(turn.user.aadObjectId);
  turn.state.set(Admin, isAdmin);
  return isAdmin;
}

/**
 * Only KOMBIT's administrators: anyone else is told, in one sentence per language, what only
 * administrators can do ("synkronisere listen"), and nothing changes.
 */
export function adminOnly(admins: AdminDirectory, what: (lang: Lang) => string): Guard {
  return async (turn) => ((await isAdminInTurn(turn, admins)) ? null : messages(turn.lang).adminsOnly(what(turn.lang)));
}
