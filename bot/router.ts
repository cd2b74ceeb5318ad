import type {
  ActionData,
  ActionHandler,
  ActionResult,
  Awaitable,
  ChatRouter,
  ChatTurn,
  MessageHandler,
  MessageMatcher,
  Reply,
} from '../src/chat/types.js';
import { messages } from '../src/i18n/messages.js';

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

  async handleMessage(turn: ChatTurn): Promise<Reply> {
    for (const route of this.routes) {
      const match = await route.matcher(turn);
      if (match !== null && match !== undefined) return route.handler(turn, match);
    }
    if (this.fallbackHandler) return this.fallbackHandler(turn);
    return { text: messages(turn.lang).notUnderstood };
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
