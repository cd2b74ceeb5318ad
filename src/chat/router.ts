import type {
  ActionData,
  ActionHandler,
  ActionResult,
  Awaitable,
  ChatRouter,
  ChatTurn,
  LifecycleEvent,
  MessageHandler,
  MessageMatcher,
  Reply,
} from './types.js';
import { MAX_MESSAGE_CHARS } from './types.js';
import { messages } from '../i18n/messages.js';

interface MessageRoute {
  matcher: MessageMatcher<unknown>;
  handler: MessageHandler<unknown>;
}

/** Dispatches turns to the features that registered for them: phrases in order, verbs by name. */
export class Router implements ChatRouter {
  private readonly routes: MessageRoute[] = [];
  private readonly actions = new Map<string, ActionHandler>();
  private welcomeHandler: ((turn: ChatTurn) => Awaitable<Reply>) | null = null;
  private fallbackHandler: ((turn: ChatTurn) => Awaitable<Reply>) | null = null;
  private readonly lifecycle = new Map<LifecycleEvent, ((turn: ChatTurn) => Awaitable<void>)[]>();

  message<T>(matcher: MessageMatcher<T>, handler: MessageHandler<T>): void {
    this.routes.push({ matcher, handler: handler as MessageHandler<unknown> });
  }

  action(verb: string, handler: ActionHandler): void {
    if (this.actions.has(verb)) throw new Error(`Card verb "${verb}" is registered twice`);
    this.actions.set(verb, handler);
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
    if (turn.text.length > MAX_MESSAGE_CHARS) return { reply: { text: messages(turn.lang).tooLong(MAX_MESSAGE_CHARS) }, understood: false };
    for (const route of this.routes) {
      const match = await route.matcher(turn);
      if (match !== null && match !== undefined) return { reply: await route.handler(turn, match), understood: true };
    }
    const reply = this.fallbackHandler ? await this.fallbackHandler(turn) : { text: messages(turn.lang).notUnderstood };
    return { reply, understood: false };
  }

  async handleAction(verb: string, data: ActionData, turn: ChatTurn): Promise<ActionResult> {
    const handler = this.actions.get(verb);
    if (!handler) return { type: 'error', code: 'UNKNOWN_ACTION', text: messages(turn.lang).unknownAction };
    return handler(turn, data);
  }

  async handleWelcome(turn: ChatTurn): Promise<Reply | null> {
    return this.welcomeHandler ? this.welcomeHandler(turn) : null;
  }
}
