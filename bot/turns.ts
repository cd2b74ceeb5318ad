import { CardFactory, TurnContext, type Activity, type Attachment } from 'botbuilder';
import { MAX_MESSAGE_CHARS, type ChatTurn, type ConversationKind, type Reply } from '../src/chat/types.js';
import { fitForTeams } from '../src/chat/fit.js';
import { detectLanguage, languageOfLocale, type Lang, type LanguageDetector } from '../src/i18n/language.js';
import { splitWords } from '../src/text/words.js';

/** A Teams activity as the features see it: mention removed, language detected. */
export function chatTurnOf(context: TurnContext, lang?: Lang, detect: LanguageDetector = detectLanguage): ChatTurn {
  const activity = context.activity;
  // One character past the limit is enough for the router to say "too long"; the rest is never read.
  const text = activity.type === 'message' ? textWithoutMention(activity).slice(0, MAX_MESSAGE_CHARS + 1) : '';
  const locale = activity.locale ?? null;
  const words = splitWords(text);
  const channelData = (activity.channelData ?? {}) as { team?: { id?: string }; tenant?: { id?: string } };
  return {
    text,
    words,
    lang: lang ?? (text === '' ? languageOfLocale(locale) : detect(text, words, locale)),
    locale,
    conversation: {
      id: activity.conversation?.id ?? '',
      kind: conversationKindOf(activity.conversation?.conversationType),
      teamId: channelData.team?.id ?? null,
      tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id ?? null,
    },
    user: {
      id: activity.from?.id ?? '',
      name: activity.from?.name ?? null,
      // Only Teams vouches for the Entra ID object id; on other channels (Web Chat, Direct Line) the
      // client sets `from` itself, so an administrator's id from there is not believed.
      aadObjectId: activity.channelId === 'msteams' ? (activity.from?.aadObjectId ?? null) : null,
    },
    activityId: activity.id ?? null,
  };
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/**
 * The words a person wrote. Teams puts "<at>Bot name</at>" in a post that @mentions the bot, and may
 * send formatted text as HTML ("<p>…</p>", "&nbsp;"), which must not turn into words.
 */
function textWithoutMention(activity: Partial<Activity>): string {
  const withoutMention = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  return withoutMention
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? ' ')
    .trim();
}

function conversationKindOf(type: string | undefined): ConversationKind {
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

/** A reply as a Teams message: the card with its plain text as fallback, and a one-line summary. */
export function replyActivity(original: Reply): Partial<Activity> {
  const reply = fitForTeams(original);
  if (!reply.card) return { type: 'message', text: reply.text, textFormat: 'plain' };
  const attachments: Attachment[] = [CardFactory.adaptiveCard({ ...reply.card, fallbackText: reply.text })];
  return { type: 'message', summary: reply.summary ?? reply.text.split('\n', 1)[0], attachments };
}
