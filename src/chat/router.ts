import type {
  ActionData,
  ActionHandler,
  ActionResult,
  Awaitable,
  ChatRouter,
  ChatTurn,
  Guard,
  LifecycleEvent,
  MessageHandler,
  MessageMatcher,
  Reply,
  RouteOptions,
  SearchHandler,
  SearchResult,
  Understanding,
} from './types.js';
import type { Log } from '../log.js';
import { metrics } from '../metrics.js';
import { MAX_MESSAGE_CHARS } from './types.js';
import { messages } from '../i18n/messages.js';
import type { Lang } from '../i18n/language.js';
import { isStoreUnavailable } from '../store/unavailable.js';
import { isStoreWriteError } from '../store/writeError.js';
import type { Word } from '../text/words.js';

interface MessageRoute {
  matcher: MessageMatcher<unknown>;
  handler: MessageHandler<unknown>;
  guard?: Guard;
  reads?: (match: unknown, turn: ChatTurn) => Iterable<number>;
}

/** A reading that did not account for the whole question: kept in case no other reading does. */
interface PartReading {
  route: MessageRoute;
  match: unknown;
  used: ReadonlySet<number>;
  leftover: { unknown: readonly Word[]; unused: readonly Word[] };
}

type Routed = { reply: Reply; understood: boolean; whole: boolean };

interface ActionRoute {
  handler: ActionHandler;
  guard?: Guard;
}

export interface RouterOptions {
  /** A handler that throws: logged here, and the person gets a polite "something went wrong". */
  log?: Pick<Log, 'error'>;
}

/**
 * Dispatches turns to the features that registered for them: phrases in order, verbs by name. A
 * route's guard runs before its handler; a handler that fails becomes a polite reply, never silence.
 */
export class Router implements ChatRouter {
  private readonly routes: MessageRoute[] = [];
  private readonly actions = new Map<string, ActionRoute>();
  private readonly searches = new Map<string, SearchHandler>();
  private welcomeHandler: ((turn: ChatTurn) => Awaitable<Reply>) | null = null;
  private fallbackHandler: ((turn: ChatTurn) => Awaitable<Reply>) | null = null;
  private readonly lifecycle = new Map<LifecycleEvent, ((turn: ChatTurn) => Awaitable<void>)[]>();
  private understandingPolicy: Understanding | null = null;

  constructor(private readonly options: RouterOptions = {}) {}

  message<T>(matcher: MessageMatcher<T>, handler: MessageHandler<T>, options: RouteOptions<T> = {}): void {
    this.routes.push({
      matcher,
      handler: handler as MessageHandler<unknown>,
      ...(options.guard ? { guard: options.guard } : {}),
      ...(options.reads ? { reads: options.reads as MessageRoute['reads'] } : {}),
    });
  }

  understanding(understanding: Understanding): void {
    this.understandingPolicy = understanding;
  }

  action(verb: string, handler: ActionHandler, options: RouteOptions = {}): void {
    if (this.actions.has(verb)) throw new Error(`Card verb "${verb}" is registered twice`);
    this.actions.set(verb, { handler, ...options });
  }

  search(commandId: string, handler: SearchHandler): void {
    if (this.searches.has(commandId)) throw new Error(`Search command "${commandId}" is registered twice`);
    this.searches.set(commandId, handler);
  }

  /** The results of a search command; null for a command no feature declared. */
  async handleSearch(commandId: string, query: string, turn: ChatTurn): Promise<SearchResult[] | null> {
    const handler = this.searches.get(commandId);
    return handler ? handler(turn, query) : null;
  }

  welcome(handler: (turn: ChatTurn) => Awaitable<Reply>): void {
    this.welcomeHandler = handler;
  }

  fallback(handler: (turn: ChatTurn) => Awaitable<Reply>): void {
    this.fallbackHandler = handler;
  }

  on(event: LifecycleEvent, handler: (turn: ChatTurn) => Awaitable<void>): void {
    this.lifecycle.set(event, [...(this.lifecycle.get(event) ?? []), handler]);
  }

  async handleLifecycle(event: LifecycleEvent, turn: ChatTurn): Promise<void> {
    for (const handler of this.lifecycle.get(event) ?? []) await handler(turn);
  }

  async handleMessage(turn: ChatTurn): Promise<Reply> {
    return (await this.route(turn)).reply;
  }

  /** The reply, and whether a phrase matched or the fallback answered ("I didn't understand"). */
  async route(turn: ChatTurn): Promise<{ reply: Reply; understood: boolean }> {
    const { reply, understood } = await this.routeOnce(turn, true);
    metrics.answers.inc({ understood: String(understood) });
    return { reply, understood };
  }

  /**
   * The first route whose reading accounts for every word of the question answers it. When readings
   * only account for part of it, a question of two parts is answered part by part; else the first
   * partial reading answers, saying what it understood.
   */
  private async routeOnce(turn: ChatTurn, maySplit: boolean): Promise<Routed> {
    if (turn.text.length > MAX_MESSAGE_CHARS) return { reply: { text: messages(turn.lang).tooLong(MAX_MESSAGE_CHARS) }, understood: false, whole: true };
    const policy = this.understandingPolicy;
    let partial: PartReading | null = null;
    for (const route of this.routes) {
      const match = await route.matcher(turn);
      if (match === null || match === undefined) continue;
      if (route.reads && policy) {
        const used = new Set(route.reads(match, turn));
        const leftover = await policy.leftover(turn, used);
        if (leftover.unknown.length > 0 || leftover.unused.length > 0) {
          // The reading that leaves least over answers, if none accounts for everything.
          const score = (reading: PartReading['leftover']) => reading.unknown.length * 100 + reading.unused.length;
          if (partial === null || score(leftover) < score(partial.leftover)) partial = { route, match, used, leftover };
          continue;
        }
      }
      return { ...(await this.run(route, match, turn)), whole: true };
    }
    if (partial && policy) {
      if (maySplit) {
        const parts = policy.parts(turn);
        if (parts.length > 1) {
          const answered: Routed[] = [];
          for (const part of parts) answered.push(await this.routeOnce(part, false));
          if (answered.every((part) => part.understood && part.whole)) {
            return { reply: policy.combine(turn, answered.map((part) => part.reply)), understood: true, whole: true };
          }
        }
      }
      const routed = await this.run(partial.route, partial.match, turn);
      // Names the reading left aside, with no word unknown: the reading is the answer.
      if (partial.leftover.unknown.length === 0) return { ...routed, whole: false };
      return { reply: await policy.partly(turn, { reply: routed.reply, used: partial.used }, partial.leftover), understood: true, whole: false };
    }
    const reply = this.fallbackHandler ? await this.fallbackHandler(turn) : { text: messages(turn.lang).notUnderstood };
    return { reply, understood: false, whole: true };
  }

  private async run(route: MessageRoute, match: unknown, turn: ChatTurn): Promise<{ reply: Reply; understood: boolean }> {
    const refusal = await route.guard?.(turn);
    if (refusal) return { reply: { text: refusal }, understood: true };
    try {
      return { reply: await route.handler(turn, match), understood: true };
    } catch (error) {
      this.options.log?.error({ err: error, conversation: turn.conversation.id }, 'a chat handler failed');
      return { reply: { text: failureText(error, turn.lang) }, understood: true };
    }
  }

  async handleAction(verb: string, data: ActionData, turn: ChatTurn): Promise<ActionResult> {
    const route = this.actions.get(verb);
    // Verbs the bot knows only, so that a label cannot be made up by whoever sends a card action.
    metrics.cardActions.inc({ verb: route ? verb : 'unknown' });
    if (!route) return { type: 'error', code: 'UNKNOWN_ACTION', text: messages(turn.lang).unknownAction };
    const refusal = await route.guard?.(turn);
    if (refusal) return { type: 'message', text: refusal };
    try {
      return await route.handler(turn, data);
    } catch (error) {
      this.options.log?.error({ err: error, verb, conversation: turn.conversation.id }, 'a card action failed');
      return { type: 'message', text: failureText(error, turn.lang) };
    }
  }

  async handleWelcome(turn: ChatTurn): Promise<Reply | null> {
    return this.welcomeHandler ? this.welcomeHandler(turn) : null;
  }
}

/** What the user is told when a handler failed: "not saved, try again" when the store refused a write or was out of reach. */
function failureText(error: unknown, lang: Lang): string {
  return isStoreWriteError(error) || isStoreUnavailable(error) ? messages(lang).notSaved : messages(lang).somethingWrong;
}
