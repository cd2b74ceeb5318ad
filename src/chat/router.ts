import type { z } from 'zod';
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
  Middleware,
  Reply,
  RouteOptions,
  Samples,
  SearchHandler,
  SearchResult,
  TurnOutcome,
  Understanding,
} from './types.js';
import type { Log } from '../log.js';
import { metrics } from '../metrics.js';
import { MAX_MESSAGE_CHARS } from './types.js';
import { messages } from '../i18n/messages.js';
import type { Word } from '../text/words.js';
import { composeMiddleware, turnContext, type TurnHandler } from './pipeline.js';

interface MessageRoute {
  /** Its place in the order of registration: which route answered, for the sample phrases' test. */
  index: number;
  matcher: MessageMatcher<unknown>;
  handler: MessageHandler<unknown>;
  guard?: Guard;
  reads?: (match: unknown, turn: ChatTurn) => Iterable<number>;
  samples?: Samples;
}

/** A reading that did not account for the whole question: kept in case no other reading does. */
interface PartReading {
  route: MessageRoute;
  match: unknown;
  used: ReadonlySet<number>;
  leftover: { unknown: readonly Word[]; unused: readonly Word[] };
}

type Routed = { reply: Reply; understood: boolean; whole: boolean; route: number | null };

interface ActionRoute {
  schema: z.ZodType;
  handler: ActionHandler<unknown>;
  guard?: Guard;
}

export interface RouterOptions {
  /** Card data that did not fit its verb's schema is logged here. */
  log?: Pick<Log, 'warn'>;
}

/**
 * Dispatches turns to the features that registered for them: phrases in order, verbs by name, after
 * the features' own middleware. A route's guard runs before its handler. Errors are the pipeline's
 * (src/chat/pipeline.ts): the router lets them pass to its error boundary.
 */
export class Router implements ChatRouter {
  private readonly routes: MessageRoute[] = [];
  private readonly featureMiddleware: Middleware[] = [];
  private readonly actions = new Map<string, ActionRoute>();
  private readonly searches = new Map<string, SearchHandler>();
  private welcomeHandler: ((turn: ChatTurn) => Awaitable<Reply>) | null = null;
  private fallbackHandler: ((turn: ChatTurn) => Awaitable<Reply>) | null = null;
  private readonly lifecycle = new Map<LifecycleEvent, ((turn: ChatTurn) => Awaitable<void>)[]>();
  private understandingPolicy: Understanding | null = null;

  constructor(private readonly options: RouterOptions = {}) {}

  message<T>(matcher: MessageMatcher<T>, handler: MessageHandler<T>, options: RouteOptions<T> = {}): void {
    this.routes.push({
      index: this.routes.length,
      matcher,
      handler: handler as MessageHandler<unknown>,
      ...(options.guard ? { guard: options.guard } : {}),
      ...(options.reads ? { reads: options.reads as MessageRoute['reads'] } : {}),
      ...(options.samples ? { samples: options.samples } : {}),
    });
  }

  use(middleware: Middleware): void {
    this.featureMiddleware.push(middleware);
  }

  /**
   * The whole pipeline for a turn: the app's middleware (tenant, conversation, language, errors: see
   * appMiddleware), then the features' own in the order they registered, then the route.
   */
  pipeline(appMiddleware: readonly Middleware[]): TurnHandler {
    return (turn) => composeMiddleware([...appMiddleware, ...this.featureMiddleware], (routed) => this.dispatch(routed))(turn);
  }

  /** The end of the pipeline: the turn to the route, verb, search or lifecycle handlers it is for. */
  async dispatch(turn: ChatTurn): Promise<TurnOutcome> {
    const event = turn.event;
    switch (event.type) {
      case 'message': {
        if (turn.text === '') return { type: 'none' };
        const { reply, understood } = await this.route(turn);
        return { type: 'reply', reply, understood };
      }
      case 'action':
        return { type: 'action', result: await this.handleAction(event.verb, event.data, turn) };
      case 'search':
        return { type: 'search', results: event.commandId === null ? null : await this.handleSearch(event.commandId, event.query, turn) };
      case 'installed':
      case 'uninstalled':
        await this.handleLifecycle(event.type, turn);
        return { type: 'none' };
      case 'other':
        return { type: 'none' };
    }
  }

  /** Every phrase route in order, with its sample phrases (null: it declared none); see `routeExplained`. */
  samples(): { route: number; samples: Samples | null }[] {
    return this.routes.map((route) => ({ route: route.index, samples: route.samples ?? null }));
  }

  understanding(understanding: Understanding): void {
    this.understandingPolicy = understanding;
  }

  action<Schema extends z.ZodType>(verb: string, schema: Schema, handler: ActionHandler<z.output<Schema>>, options: RouteOptions = {}): void {
    if (this.actions.has(verb)) throw new Error(`Card verb "${verb}" is registered twice`);
    this.actions.set(verb, { schema, handler: handler as ActionHandler<unknown>, ...(options.guard ? { guard: options.guard } : {}) });
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
    const { reply, understood } = await this.routeExplained(turn);
    return { reply, understood };
  }

  /** As `route`, and which route answered (its place in the order; null: the fallback, or several parts). */
  async routeExplained(turn: ChatTurn): Promise<{ reply: Reply; understood: boolean; route: number | null }> {
    const { reply, understood, route } = await this.routeOnce(turn, true);
    metrics.answers.inc({ understood: String(understood) });
    return { reply, understood, route };
  }

  /**
   * The first route whose reading accounts for every word of the question answers it. When readings
   * only account for part of it, a question of two parts is answered part by part; else the first
   * partial reading answers, saying what it understood.
   */
  private async routeOnce(turn: ChatTurn, maySplit: boolean): Promise<Routed> {
    if (turn.text.length > MAX_MESSAGE_CHARS) return { reply: { text: messages(turn.lang).tooLong(MAX_MESSAGE_CHARS) }, understood: false, whole: true, route: null };
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
            return { reply: policy.combine(turn, answered.map((part) => part.reply)), understood: true, whole: true, route: null };
          }
        }
      }
      const routed = await this.run(partial.route, partial.match, turn);
      // Names the reading left aside, with no word unknown: the reading is the answer.
      if (partial.leftover.unknown.length === 0) return { ...routed, whole: false };
      return { reply: await policy.partly(turn, { reply: routed.reply, used: partial.used }, partial.leftover), understood: true, whole: false, route: routed.route };
    }
    const reply = this.fallbackHandler ? await this.fallbackHandler(turn) : { text: messages(turn.lang).notUnderstood };
    return { reply, understood: false, whole: true, route: null };
  }

  private async run(route: MessageRoute, match: unknown, turn: ChatTurn): Promise<{ reply: Reply; understood: boolean; route: number }> {
    const refusal = await route.guard?.(turn);
    if (refusal) return { reply: { text: refusal }, understood: true, route: route.index };
    return { reply: await route.handler(turn, match), understood: true, route: route.index };
  }

  async handleAction(verb: string, data: ActionData, turn: ChatTurn): Promise<ActionResult> {
    const route = this.actions.get(verb);
    // Verbs the bot knows only, so that a label cannot be made up by whoever sends a card action.
    metrics.cardActions.inc({ verb: route ? verb : 'unknown' });
    if (!route) return { type: 'error', code: 'UNKNOWN_ACTION', text: messages(turn.lang).unknownAction };
    const refusal = await route.guard?.(turn);
    if (refusal) return { type: 'message', text: refusal };
    const parsed = route.schema.safeParse(data);
    if (!parsed.success) {
      // Where and what, never the values: they are what someone typed, or forged.
      const problems = parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.code}`);
      this.options.log?.warn({ ...turnContext(turn), verb, problems }, 'card data that does not fit its verb refused');
      return { type: 'error', code: 'INVALID_CARD_DATA', text: messages(turn.lang).badAction };
    }
    return route.handler(turn, parsed.data);
  }

  async handleWelcome(turn: ChatTurn): Promise<Reply | null> {
    return this.welcomeHandler ? this.welcomeHandler(turn) : null;
  }
}
