import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/render.js';
import type { Lang } from '../i18n/language.js';
import type { Word } from '../text/words.js';
import type { TurnState } from './turnState.js';

/**
 * What features see of a chat turn and answer with. No botbuilder here: `bot/` translates Teams
 * activities into these and back, so a move to another SDK touches `bot/` alone.
 */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/**
 * The longest message the bot reads. Questions are short; a longer text gets a polite "too long"
 * (see Router), so no message can cost the bot more than a question does.
 */
export const MAX_MESSAGE_CHARS = 2000;

/** What happened, that a turn runs for: a message, a card button, a compose-box search, an install. */
export type TurnEvent =
  | { type: 'message' }
  | { type: 'action'; verb: string; data: ActionData }
  | { type: 'search'; commandId: string | null; query: string }
  | { type: 'installed' }
  | { type: 'uninstalled' }
  /** Anything else Teams sends (a membership change, an invoke the bot does not handle): recorded, not answered. */
  | { type: 'other'; name: string };

export interface ChatTurn {
  /** The message text, with the @mention of the bot removed. Empty for card actions. */
  text: string;
  /** The text split into words, folded: computed once per turn for every feature that reads it. */
  words: readonly Word[];
  /** The user's language: set from the locale when the turn is made, decided by the language middleware. */
  lang: Lang;
  locale: string | null;
  conversation: {
    id: string;
    kind: ConversationKind;
    /** The team of a channel conversation (Teams: channelData.team.id); null outside a team. */
    teamId: string | null;
    /** The channel of a channel conversation (Teams: channelData.channel.id); null outside a channel. */
    channelId: string | null;
    tenantId: string | null;
    /** Every tenant the activity names (it may name two that disagree): what the tenant allow-list checks. */
    namedTenantIds: readonly string[];
  };
  user: { id: string; name: string | null; aadObjectId: string | null };
  activityId: string | null;
  /**
   * The message whose card a button was pressed on (Teams: the invoke's replyToId), so a feature can
   * update that message later; null or absent for anything else.
   */
  cardMessageId?: string | null;
  event: TurnEvent;
  /** A typed per-turn bag: middleware fills it for the middleware and handlers after it (see turnState). */
  state: TurnState;
}

/** A message to post: a card with a plain-text version for notifications and screen readers. */
export interface Reply {
  /** The whole reply as plain text: the card's fallback text, what screen readers and the CLI get. */
  text: string;
  card?: AdaptiveCard;
  /** A short preview for notifications and the activity feed; the first line of `text` when left out. */
  summary?: string;
  /**
   * Told where the message landed once it is posted (the edge calls it after delivery), so that the
   * feature can update that message in place later with `Notifier.update`.
   */
  onSent?: (sent: SentMessage) => Awaitable<void>;
}

/** A message the bot posted: its conversation and its id there (what `Notifier.update` replaces). */
export interface SentMessage {
  conversationId: string;
  activityId: string;
}

/**
 * What a card button's handler answers; `bot/` turns it into the invoke response. `post` are further
 * messages for the conversation the button was pressed in (a survey card, say).
 */
export type ActionResult =
  | { type: 'card'; reply: Reply & { card: AdaptiveCard }; post?: Reply[] }
  | { type: 'message'; text: string; post?: Reply[] }
  | { type: 'error'; code: string; text: string };

/**
 * Messages to people outside the current turn. Delivery happens after the turn, with retries; a
 * message that cannot be delivered is logged by the notifier, never dropped silently.
 */
/** How a delivery ended: posted, the conversation is gone (the bot was removed), or it failed for now. */
export type SendOutcome = { outcome: 'sent'; activityId?: string } | { outcome: 'gone' } | { outcome: 'failed'; reason: string };

export interface Notifier {
  /** Into a conversation, with the retries, waiting for the outcome (for deliveries that are recorded). */
  send(conversationId: string, reply: Reply): Promise<SendOutcome>;
  /** The personal chat the bot has with a user, by Azure AD object id; null when it has none. */
  personalChatOf(aadObjectId: string): Promise<string | null>;
  /** Into a conversation the bot has seen (a personal chat, a group chat, a channel thread). */
  toConversation(conversationId: string, reply: Reply): void;
  /** Into the personal chat of a user, by Azure AD object id, if the bot has one with them. */
  toUser(aadObjectId: string, reply: Reply): void;
  /** Whether the bot has a personal chat with the user to post into. */
  canReachUser(aadObjectId: string): Promise<boolean>;
  /**
   * Replaces a message the bot posted earlier (Teams: updateActivity) with this reply, after the turn,
   * with the retries; a message that cannot be updated is logged, never dropped silently.
   */
  update(message: SentMessage, reply: Reply): void;
}

export type Awaitable<T> = T | Promise<T>;
export type ActionData = Record<string, unknown>;

export type MessageMatcher<T> = (turn: ChatTurn) => Awaitable<T | null | undefined>;
export type MessageHandler<T> = (turn: ChatTurn, match: T) => Awaitable<Reply>;
/** A card button's handler: its data already checked against the verb's schema. */
export type ActionHandler<Data = ActionData> = (turn: ChatTurn, data: Data) => Awaitable<ActionResult>;

/** How a turn ended, for the edge to send: a reply, a card action's result, search results, or nothing. */
export type TurnOutcome =
  | { type: 'reply'; reply: Reply; understood: boolean }
  | { type: 'action'; result: ActionResult }
  | { type: 'search'; results: SearchResult[] | null }
  /** Handled, with nothing to say (an install, an empty message). */
  | { type: 'none' }
  /** Stopped by a middleware before anything was kept (a tenant not allowed): nothing is answered. */
  | { type: 'refused' };

/**
 * One step of the turn pipeline, as grammY's `bot.use` and Bolt's `app.use`: it may look at the
 * turn, fill `turn.state`, answer without calling `next()` (and so stop the turn), or call `next()`
 * and look at (or replace) what the rest of the pipeline answered.
 */
export type Middleware = (turn: ChatTurn, next: () => Promise<TurnOutcome>) => Promise<TurnOutcome>;

/** Sample phrases of a route: what it answers, as people write it; a test proves no other route takes them. */
export interface Samples {
  da: readonly string[];
  en: readonly string[];
}

/**
 * A check that runs before a handler, as middleware does in Bolt or grammY: null lets the turn through,
 * a text refuses it politely (and nothing changes). `adminOnly` in `src/chat/guards.ts` is one.
 */
export type Guard = (turn: ChatTurn) => Awaitable<string | null>;

export interface RouteOptions<T = unknown> {
  /** Route middleware: runs once the route is chosen, before its handler (adminOnly). */
  guard?: Guard;
  /** Questions this route answers (2–4 per language); test/chat/samples.test.ts runs them all. */
  samples?: Samples;
  /**
   * The words of the turn (indexes into `turn.words`) the route's reading used. A route that declares
   * it answers only when its reading accounts for the question (see Understanding); a route without it
   * is a command that takes the whole message.
   */
  reads?: (match: T, turn: ChatTurn) => Iterable<number>;
}

/** What a reading left of a question: content words no reading knows, and known names it did not use. */
export interface Leftover {
  unknown: readonly Word[];
  unused: readonly Word[];
}

/**
 * How the bot tells a question it understood from one it understood in part (provided by a feature,
 * src/reading): which words a reading left over, how a question splits into parts, and the replies
 * for a two-part question and for a question understood in part.
 */
export interface Understanding {
  leftover(turn: ChatTurn, used: ReadonlySet<number>): Awaitable<Leftover>;
  /** The parts of a question asked in one ("SAPA's CH2 date and the deadline of KLIK 05"), each a turn. */
  parts(turn: ChatTurn): ChatTurn[];
  combine(turn: ChatTurn, replies: Reply[]): Reply;
  /** The reply when no reading accounts for the whole question: what was understood, and questions to ask. */
  partly(turn: ChatTurn, reading: { reply: Reply; used: ReadonlySet<number> }, leftover: Leftover): Awaitable<Reply>;
}

/** One result of a search from the compose box: a preview in the list, and the card it inserts. */
export interface SearchResult {
  title: string;
  text: string;
  reply: Reply & { card: AdaptiveCard };
}

export type SearchHandler = (turn: ChatTurn, query: string) => Awaitable<SearchResult[]>;

/** Where a feature declares its chat phrases and card verbs. First matching phrase wins. */
export interface ChatRouter {
  /** A search command of the message extension (the compose box), by its command id. */
  search(commandId: string, handler: SearchHandler): void;
  message<T>(matcher: MessageMatcher<T>, handler: MessageHandler<T>, options?: RouteOptions<T>): void;
  /** How readings are checked against the whole question (one feature provides it). */
  understanding(understanding: Understanding): void;
  /** Answers a question as if it had been asked in the turn (a button that asks a question). */
  route(turn: ChatTurn): Promise<{ reply: Reply; understood: boolean }>;
  /**
   * A card verb. Its data is checked against the schema (zod) before the handler runs; data that does
   * not fit is answered "the card was not valid", logged, and changes nothing.
   */
  action<Schema extends z.ZodType>(verb: string, schema: Schema, handler: ActionHandler<z.output<Schema>>, options?: RouteOptions): void;
  /** A middleware of the feature's own: runs on every turn after the app's (tenant, language, errors), in the order of the features. */
  use(middleware: Middleware): void;
  /** When the bot is added to a chat or team. */
  welcome(handler: (turn: ChatTurn) => Awaitable<Reply>): void;
  /** When no phrase matched. */
  fallback(handler: (turn: ChatTurn) => Awaitable<Reply>): void;
  /** When the bot is installed in (or removed from) a chat or team; every handler runs. */
  on(event: LifecycleEvent, handler: (turn: ChatTurn) => Awaitable<void>): void;
}

export type LifecycleEvent = 'installed' | 'uninstalled';

/** A feature: one folder, one `register`, one line in the bot's feature list. */
export type Feature = (router: ChatRouter) => void;
