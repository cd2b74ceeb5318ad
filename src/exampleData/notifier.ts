import type { Notifier } from '../chat/types.js';
import type { Lang } from '../i18n/language.js';
import { markReply } from './feature.js';

/**
 * The bot's own notifications marked "Eksempeldata" (survey receipts, review cards, Følg messages):
 * they never pass through the turn's middleware that marks replies. The Playground alone wraps the
 * features' notifier with it, when it runs on example data. The notice is in the default language,
 * Danish: a notification is sent unasked, outside any turn's language (the English notice starts
 * with the same word).
 */
export function markedNotifier(notifier: Notifier, lang: Lang = 'da'): Notifier {
  return {
    send: (conversationId, reply) => notifier.send(conversationId, markReply(reply, lang)),
    personalChatOf: (aadObjectId) => notifier.personalChatOf(aadObjectId),
    toConversation: (conversationId, reply) => notifier.toConversation(conversationId, markReply(reply, lang)),
    toUser: (aadObjectId, reply) => notifier.toUser(aadObjectId, markReply(reply, lang)),
    canReachUser: (aadObjectId) => notifier.canReachUser(aadObjectId),
    update: (message, reply) => notifier.update(message, markReply(reply, lang)),
  };
}
