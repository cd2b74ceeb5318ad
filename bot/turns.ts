import { CardFactory, TurnContext, type Activity, type Attachment } from 'botbuilder';
import { MAX_MESSAGE_CHARS, type ActionData, type ChatTurn, type ConversationKind, type Reply, type TurnEvent } from '../src/chat/types.js';
import { fitForTeams } from '../src/chat/fit.js';
import { TurnState, turnState } from '../src/chat/turnState.js';
import { DEFAULT_LANGUAGE } from '../src/i18n/language.js';
import { splitWords } from '../src/text/words.js';
import type { AdaptiveCard } from '../cards/render.js';

/** The Teams activity a turn was made from, for the edge's own middleware (the conversation record). */
export const TeamsActivity = turnState<Partial<Activity>>('teams.activity');

/**
 * A Teams activity as the features see it: the mention removed, where it happened (team, channel,
 * tenants), and what happened (the event). The language is the default until the pipeline's
 * language middleware decides it (the words, the conversation's last language, DEFAULT_LANGUAGE); the
 * locale is kept for what it is, the client's setting, and never decides the language alone.
 */
export function chatTurnOf(activity: Partial<Activity>): ChatTurn {
  // One character past the limit is enough for the router to say "too long"; the rest is never read.
  const text = activity.type === 'message' ? textWithoutMention(activity).slice(0, MAX_MESSAGE_CHARS + 1) : '';
  const locale = activity.locale ?? null;
  const channelData = (activity.channelData ?? {}) as { team?: { id?: unknown }; channel?: { id?: unknown }; tenant?: { id?: unknown } };
  const state = new TurnState();
  state.set(TeamsActivity, activity);
  return {
    text,
    words: splitWords(text),
    lang: DEFAULT_LANGUAGE,
    locale,
    conversation: {
      id: activity.conversation?.id ?? '',
      kind: conversationKindOf(activity.conversation?.conversationType),
      teamId: idOf(channelData.team?.id),
      channelId: idOf(channelData.channel?.id),
      tenantId: activity.conversation?.tenantId ?? idOf(channelData.tenant?.id),
      namedTenantIds: tenantsOf(activity),
    },
    user: {
      id: activity.from?.id ?? '',
      name: activity.from?.name ?? null,
      // Only Teams vouches for the Entra ID object id; on other channels (Web Chat, Direct Line) the
      // client sets `from` itself, so an administrator's id from there is not believed.
      aadObjectId: activity.channelId === 'msteams' ? (activity.from?.aadObjectId ?? null) : null,
    },
    activityId: activity.id ?? null,
    // Teams names the message a card button was pressed on in the invoke's replyToId.
    cardMessageId: activity.type === 'invoke' || (activity.type === 'message' && activity.value !== undefined) ? (activity.replyToId ?? null) : null,
    event: eventOf(activity),
    state,
  };
}

/** What the activity is, in the router's terms; a malformed card action or an unknown invoke is 'other'. */
function eventOf(activity: Partial<Activity>): TurnEvent {
  const value: unknown = activity.value;
  switch (activity.type) {
    case 'message':
      // An Action.Submit (the fallback of Action.Execute in older clients) arrives as a message with `value`.
      if (isObject(value) && typeof value.verb === 'string') return { type: 'action', verb: value.verb, data: value };
      return { type: 'message' };
    case 'installationUpdate':
      if (activity.action === 'add' || activity.action === 'add-upgrade') return { type: 'installed' };
      if (activity.action === 'remove' || activity.action === 'remove-upgrade') return { type: 'uninstalled' };
      return { type: 'other', name: 'installationUpdate' };
    case 'invoke':
      if (activity.name === 'adaptiveCard/action' && isCardAction(value)) {
        const { verb, data } = value.action;
        return { type: 'action', verb, data: isObject(data) ? data : {} };
      }
      if (activity.name === 'composeExtension/query') return searchOf(value);
      return { type: 'other', name: `invoke:${String(activity.name ?? '')}` };
    default:
      return { type: 'other', name: String(activity.type ?? '') };
  }
}

/** The compose box's search: its command and the text typed. */
function searchOf(value: unknown): TurnEvent {
  const { commandId, parameters } = (isObject(value) ? value : {}) as { commandId?: unknown; parameters?: unknown };
  const list = Array.isArray(parameters) ? (parameters as unknown[]) : [];
  const query = list.find((parameter) => isObject(parameter) && parameter.name === 'query');
  const text = isObject(query) ? query.value : undefined;
  return { type: 'search', commandId: typeof commandId === 'string' ? commandId : null, query: typeof text === 'string' ? text : '' };
}

/** The invoke value of an Action.Execute as Teams sends it: an action with a verb and object data. */
export function isCardAction(value: unknown): value is { action: { type: 'Action.Execute'; verb: string; data?: ActionData | null } } {
  if (!isObject(value)) return false;
  const action = value.action;
  if (!isObject(action)) return false;
  const { type, verb, data } = action;
  const dataOk = data === undefined || data === null || (isObject(data) && !Array.isArray(data));
  return type === 'Action.Execute' && typeof verb === 'string' && verb.length <= 100 && dataOk;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function idOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Every tenant the activity names: `conversation.tenantId` and `channelData.tenant.id`. Each one that is
 * present must be allowed, so two that disagree are refused (a forged field cannot ride on a true one).
 */
export function tenantsOf(activity: Partial<Activity>): string[] {
  const channelTenant: unknown = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const conversationTenant: unknown = activity.conversation?.tenantId;
  return [conversationTenant, channelTenant]
    .filter((tenant) => tenant !== undefined && tenant !== null && tenant !== '')
    // A tenant field that is not a string is no tenant anyone allowed: kept so that it is refused.
    .map((tenant) => (typeof tenant === 'string' ? tenant.toLowerCase() : `invalid:${JSON.stringify(tenant)}`));
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

/**
 * A reply as a Teams message: the card with its plain text as fallback, and a one-line summary. A reply
 * of several lines without a card goes out as a card of its lines, since Teams and the Playground run
 * the lines of a plain message together; one line stays plain text.
 */
export function replyActivity(original: Reply): Partial<Activity> {
  const lines = original.card ? null : original.text.split('\n');
  const reply = fitForTeams(lines && lines.length > 1 ? { ...original, card: linesCard(lines) } : original);
  if (!reply.card) return { type: 'message', text: reply.text, textFormat: 'plain' };
  const attachments: Attachment[] = [CardFactory.adaptiveCard({ ...reply.card, fallbackText: reply.text })];
  return { type: 'message', summary: reply.summary ?? reply.text.split('\n', 1)[0], attachments };
}

/**
 * One block per line, a blank line as space before the next. Each line is a TextRun, which Teams
 * never reads as Markdown, so what a person typed (`**x**`, `[a](b)`, `<b>`) shows as typed.
 */
function linesCard(lines: readonly string[]): AdaptiveCard {
  const body: unknown[] = [];
  let gap = false;
  for (const line of lines) {
    if (line.trim() === '') {
      gap = body.length > 0;
      continue;
    }
    body.push({ type: 'RichTextBlock', spacing: gap ? 'Medium' : 'None', inlines: [{ type: 'TextRun', text: line }] });
    gap = false;
  }
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}
