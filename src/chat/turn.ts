import type { Lang } from '../i18n/language.js';
import { splitWords } from '../text/words.js';
import { TurnState } from './turnState.js';
import type { ChatTurn, TurnEvent } from './types.js';

/**
 * A turn made outside Teams (the CLI's `ask`, tests): a message in a personal chat unless told
 * otherwise, with a fresh `state`. Teams' turns are made from the activity, in bot/turns.ts.
 */
export function chatTurn(text: string, options: { lang?: Lang; event?: TurnEvent; conversation?: Partial<ChatTurn['conversation']>; user?: Partial<ChatTurn['user']> } = {}): ChatTurn {
  return {
    text,
    words: splitWords(text),
    lang: options.lang ?? 'da',
    locale: null,
    conversation: { id: 'local', kind: 'personal', teamId: null, channelId: null, tenantId: null, namedTenantIds: [], ...options.conversation },
    user: { id: 'local', name: null, aadObjectId: null, ...options.user },
    activityId: null,
    event: options.event ?? { type: 'message' },
    state: new TurnState(),
  };
}
