import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { ActionData, ActionResult } from '../src/chat/types.js';
import { languageOfLocale, type Lang } from '../src/i18n/language.js';
import { messages } from '../src/i18n/messages.js';
import type { Log } from '../src/log.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/render.js';
import type { Router } from '../src/chat/router.js';
import { chatTurnOf, replyActivity } from './turns.js';

/** The Teams edge: activities in, routed to features, replies and invoke responses out. */
export class FkiBot extends ActivityHandler {
  constructor(
    private readonly router: Router,
    private readonly log: Log,
    onEveryActivity: (activity: TurnContext['activity']) => Promise<void> = async () => {},
    onRemoved: (conversationId: string) => Promise<void> = async () => {},
  ) {
    super();
    // Remember where every conversation can be reached: Teams sends the install event only once.
    this.onTurn(async (context, next) => {
      try {
        await onEveryActivity(context.activity);
      } catch (error) {
        this.log.error({ err: error, conversation: context.activity.conversation?.id }, 'could not record the conversation');
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    // Teams sends installationUpdate and conversationUpdate for one install: welcome on the first only.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.router.handleLifecycle('installed', chatTurnOf(context));
      await this.sendWelcome(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.router.handleLifecycle('uninstalled', chatTurnOf(context));
      await onRemoved(context.activity.conversation?.id ?? '');
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const value = context.activity.value as ActionData | undefined;
    // An Action.Submit (the fallback of Action.Execute in older clients) arrives as a message with `value`.
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      const turn = chatTurnOf(context, langOfData(value, context));
      const result = await this.router.handleAction(value.verb, value, turn);
      await context.sendActivity(replyActivity(result.type === 'card' ? result.reply : { text: result.text }));
      await this.post(context, result);
      return;
    }
    const turn = chatTurnOf(context);
    if (turn.text === '') return;
    const reply = await this.router.handleMessage(turn);
    await context.sendActivity(replyActivity(reply));
  }

  /** Messages an action asks to post into the conversation besides its response. */
  private async post(context: TurnContext, result: ActionResult): Promise<void> {
    if (result.type === 'error') return;
    for (const reply of result.post ?? []) await context.sendActivity(replyActivity(reply));
  }

  private async sendWelcome(context: TurnContext): Promise<void> {
    const reply = await this.router.handleWelcome(chatTurnOf(context));
    if (reply) await context.sendActivity(replyActivity(reply));
  }

  /** Action.Execute: the one place where a handler's result becomes an `adaptiveCard/action` response. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = (invokeValue.action.data ?? {}) as ActionData;
    const turn = chatTurnOf(context, langOfData(data, context));
    try {
      const result = await this.router.handleAction(invokeValue.action.verb, data, turn);
      await this.post(context, result);
      return invokeResponse(result);
    } catch (error) {
      this.log.error({ err: error, verb: invokeValue.action.verb, conversation: turn.conversation.id }, 'card action failed');
      return invokeResponse({ type: 'message', text: messages(turn.lang).somethingWrong });
    }
  }
}

function invokeResponse(result: ActionResult): AdaptiveCardInvokeResponse {
  if (result.type === 'card') {
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: { ...result.reply.card, fallbackText: result.reply.text } };
  }
  // Teams shows a message response as a short notice under the card; errors too, so the user is told.
  // botbuilder types `value` as an object, but for this response type Teams expects the message string.
  const value = result.text as unknown as Record<string, unknown>;
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value };
}

function langOfData(data: ActionData, context: TurnContext): Lang {
  return data.lang === 'en' || data.lang === 'da' ? data.lang : languageOfLocale(context.activity.locale);
}
