import type { LanguageMemory } from '../i18n/conversationLanguages.js';
import { DEFAULT_LANGUAGE, isLang, languageDetector, languageOr, type Lang, type LanguageDetector } from '../i18n/language.js';
import { messages } from '../i18n/messages.js';
import type { Log } from '../log.js';
import { isStoreUnavailable } from '../store/unavailable.js';
import { isStoreWriteError } from '../store/writeError.js';
import { splitWords } from '../text/words.js';
import type { ChatTurn, Middleware, TurnOutcome } from './types.js';

/**
 * The turn pipeline: the app's middleware, in this order, then the features' own (`router.use`, in
 * the order of the features), then the router (a route's guard, then its handler):
 *
 * 1. tenant allow-list: a turn from a tenant not allowed stops here, and nothing of it is kept;
 * 2. conversation record: where the conversation can be reached, kept durably before the turn ends;
 * 3. language: Danish or English, from the card's data or the words; where they do not tell, the
 *    conversation's last language, then DEFAULT_LANGUAGE (never the client's locale: Teams reports
 *    en-US for many Danes);
 * 4. error boundary: a throwing middleware or handler after it becomes a polite reply in the user's
 *    language and one log line with the turn's context.
 */
export interface PipelineOptions {
  log: Pick<Log, 'warn' | 'error'>;
  /** Entra ID tenants (lower case) whose activities are answered; empty: any. */
  allowedTenantIds?: readonly string[];
  /** Keeps where the turn's conversation can be reached (the edge's conversation store). */
  recordConversation?: (turn: ChatTurn) => Promise<void>;
  detect?: LanguageDetector;
  /** What each conversation last spoke (kept durably); without it, only the words and the default. */
  languages?: LanguageMemory;
  /** DEFAULT_LANGUAGE: the language of a turn whose words do not tell, in a conversation never heard. */
  defaultLanguage?: Lang;
  /** When a language is remembered (the turn's time). */
  now?: () => Date;
}

/** What the end of the pipeline is: the router's dispatch, in the app. */
export type TurnHandler = (turn: ChatTurn) => Promise<TurnOutcome>;

/** The app's middleware, in their defined order (see above). */
export function appMiddleware(options: PipelineOptions): Middleware[] {
  return [
    tenantAllowList(options.allowedTenantIds ?? [], options.log),
    ...(options.recordConversation ? [conversationRecord(options.recordConversation, options.log)] : []),
    language(options.detect ?? languageDetector(), {
      ...(options.languages ? { memory: options.languages } : {}),
      ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
      ...(options.now ? { now: options.now } : {}),
      log: options.log,
    }),
    errorBoundary(options.log),
  ];
}

/**
 * Runs middleware around one another, each deciding whether the rest runs (grammY's and Koa's
 * composition): `middleware[0]` first, `last` at the core.
 */
export function composeMiddleware(middleware: readonly Middleware[], last: TurnHandler): TurnHandler {
  return (turn) => {
    const step = async (index: number): Promise<TurnOutcome> => {
      const current = middleware[index];
      if (current === undefined) return last(turn);
      let called = false;
      return current(turn, () => {
        if (called) return Promise.reject(new Error('a middleware called next() twice in one turn'));
        called = true;
        return step(index + 1);
      });
    };
    return step(0);
  };
}

/** True when every tenant an activity names is allowed (an empty allow-list allows any). */
export function tenantsAllowed(allowed: readonly string[], named: readonly string[]): boolean {
  return allowed.length === 0 || (named.length > 0 && named.every((tenant) => allowed.includes(tenant)));
}

/** Only KOMBIT's tenant: anyone else's turn gets no answer, and nothing of it is kept. */
export function tenantAllowList(allowed: readonly string[], log: Pick<Log, 'warn'>): Middleware {
  return async (turn, next) => {
    if (tenantsAllowed(allowed, turn.conversation.namedTenantIds)) return next();
    log.warn({ tenants: turn.conversation.namedTenantIds, event: turn.event.type }, 'activity from a tenant that is not allowed: ignored');
    return { type: 'refused' };
  };
}

/**
 * Remembers where every conversation can be reached: Teams sends the install event only once. The
 * answer does not wait for the disk, but the turn ends only once the reference is durable, so none is
 * lost in a crash. A failure to record is logged; the person is answered all the same.
 */
export function conversationRecord(record: (turn: ChatTurn) => Promise<void>, log: Pick<Log, 'error'>): Middleware {
  return (turn, next) =>
    nextWhile(record(turn), next, (error) => log.error({ err: error, conversation: turn.conversation.id }, 'could not record the conversation'));
}

/**
 * Runs the rest of the turn while `write` goes on, and ends the turn only once the write is done; a
 * write that fails is handed to `failed` (logged), never to the person, who is answered all the same.
 */
async function nextWhile(write: Promise<unknown>, next: () => Promise<TurnOutcome>, failed: (error: unknown) => void): Promise<TurnOutcome> {
  const written = write.catch(failed);
  try {
    return await next();
  } finally {
    await written;
  }
}

/**
 * The user's language. A card's button carries the language of the card; a message (or a compose-box
 * search) is read with every feature's words. Where neither tells ("Aula", "status for FBS", 👍, an
 * install, a welcome), the conversation's last language decides, then the default. What the words or
 * a button told is remembered for the conversation before the turn ends (a failure to remember is
 * logged; the person is answered all the same).
 */
export function language(
  detect: LanguageDetector,
  options: { memory?: LanguageMemory; defaultLanguage?: Lang; now?: () => Date; log?: Pick<Log, 'error'> } = {},
): Middleware {
  const { memory, defaultLanguage = DEFAULT_LANGUAGE, now = () => new Date(), log } = options;
  return async (turn, next) => {
    const told = toldLanguage(turn, detect);
    const conversationId = turn.conversation.id;
    turn.lang = languageOr(told, told === null && memory ? await memory.lastOf(conversationId) : null, defaultLanguage);
    if (told === null || !memory) return next();
    return nextWhile(memory.remember(conversationId, told, now()), next, (error) =>
      log?.error({ err: error, conversation: conversationId }, 'could not remember the conversation\'s language'),
    );
  };
}

/** The language a turn itself tells: a button's, or its words'; null when it tells none. */
function toldLanguage(turn: ChatTurn, detect: LanguageDetector): Lang | null {
  const event = turn.event;
  if (event.type === 'action') return isLang(event.data.lang) ? event.data.lang : null;
  if (event.type === 'message') return turn.text === '' ? null : detect(turn.text, turn.words);
  if (event.type === 'search') return event.query.trim() === '' ? null : detect(event.query, splitWords(event.query));
  return null;
}

/**
 * A middleware or handler that throws becomes a polite reply in the user's language ("not saved" when
 * the store refused a write), and one log line with the turn's context. Turns with nobody to answer
 * (an install, a search) fail on, so that Teams sends them again.
 */
export function errorBoundary(log: Pick<Log, 'error'>): Middleware {
  return async (turn, next) => {
    try {
      return await next();
    } catch (error) {
      if (turn.event.type !== 'message' && turn.event.type !== 'action') throw error;
      log.error({ err: error, ...turnContext(turn) }, turn.event.type === 'action' ? 'a card action failed' : 'a chat handler failed');
      const text = isStoreWriteError(error) || isStoreUnavailable(error) ? messages(turn.lang).notSaved : messages(turn.lang).somethingWrong;
      return answerWith(turn, text);
    }
  };
}

/** A plain-text answer in the shape the turn expects: a reply to a message, a message under a card. */
export function answerWith(turn: ChatTurn, text: string): TurnOutcome {
  if (turn.event.type === 'action') return { type: 'action', result: { type: 'message', text } };
  if (turn.event.type === 'message') return { type: 'reply', reply: { text }, understood: true };
  return { type: 'none' };
}

/** Where a turn happened, for log lines: never what the person wrote. */
export function turnContext(turn: ChatTurn): Record<string, unknown> {
  return {
    event: turn.event.type,
    ...(turn.event.type === 'action' ? { verb: turn.event.verb } : {}),
    conversation: turn.conversation.id,
    conversationKind: turn.conversation.kind,
    ...(turn.conversation.teamId ? { teamId: turn.conversation.teamId } : {}),
    ...(turn.conversation.channelId ? { channelId: turn.conversation.channelId } : {}),
    activityId: turn.activityId,
    lang: turn.lang,
  };
}
