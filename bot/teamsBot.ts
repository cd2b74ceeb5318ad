import {
  ActivityHandler,
  ActivityTypes,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { ActionData, ActionResult, ChatTurn, Reply } from '../src/chat/types.js';
import { detectLanguage, languageOfLocale, type Lang, type LanguageDetector } from '../src/i18n/language.js';
import { messages } from '../src/i18n/messages.js';
import type { Log } from '../src/log.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/render.js';
import type { Router } from '../src/chat/router.js';
import { chatTurnOf, replyActivity } from './turns.js';
import { fitForTeams } from '../src/chat/fit.js';

export interface FkiBotOptions {
  /** Entra ID tenants (lower case) whose activities are answered; empty: any. */
  allowedTenantIds?: readonly string[];
  /** Danish or English, with every feature's words. */
  detect?: LanguageDetector;
  onEveryActivity?: (activity: TurnContext['activity']) => Promise<void>;
  onRemoved?: (conversationId: string) => Promise<void>;
  /**
   * Posts what a card action asks to post besides its invoke response, after the response: an
   * invoke's HTTP request must not wait on a delivery (Teams re-sends after 15 s). Inline when absent.
   */
  postLater?: (conversationId: string, reply: Reply) => void;
  /**
   * Queues the welcome for an install, to be sent paced and after the request (an org-wide install
   * is thousands at once). Without it the welcome is the install's reply.
   */
  queueWelcome?: (turn: ChatTurn) => Promise<void>;
}

/** The Teams edge: activities in, routed to features, replies and invoke responses out. */
export class FkiBot extends ActivityHandler {
  private readonly turnOf: (context: TurnContext, lang?: Lang) => ChatTurn;
  private readonly postLater: FkiBotOptions['postLater'];
  private readonly queueWelcome: ((turn: ChatTurn) => Promise<void>) | null;
  private readonly tenantAllowed: (activity: TurnContext['activity']) => boolean;
  private readonly recordActivity: (activity: TurnContext['activity']) => Promise<void>;

  constructor(
    private readonly router: Router,
    private readonly log: Log,
    { allowedTenantIds = [], detect = detectLanguage, onEveryActivity = async () => {}, onRemoved = async () => {}, postLater, queueWelcome }: FkiBotOptions = {},
  ) {
    super();
    this.postLater = postLater;
    this.queueWelcome = queueWelcome ?? null;
    this.recordActivity = onEveryActivity;
    this.tenantAllowed = (activity) => {
      const tenants = tenantsOf(activity);
      return allowedTenantIds.length === 0 || (tenants.length > 0 && tenants.every((tenant) => allowedTenantIds.includes(tenant)));
    };
    this.turnOf = (context, lang) => chatTurnOf(context, lang, detect);
    // Only KOMBIT's tenant: anyone else's activity gets no answer, and nothing of it is kept.
    this.onTurn(async (context, next) => {
      if (!this.tenantAllowed(context.activity)) {
        this.log.warn({ tenants: tenantsOf(context.activity), activityType: context.activity.type }, 'activity from a tenant that is not allowed: ignored');
        if (context.activity.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } satisfies InvokeResponse });
        }
        return;
      }
      await next();
    });
    // Remember where every conversation can be reached: Teams sends the install event only once. The
    // answer does not wait for the disk, but Teams hears the turn has ended only once the reference
    // is durable (its flush shared with the chats arriving together), so none is lost in a crash.
    this.onTurn(async (context, next) => {
      const recorded = onEveryActivity(context.activity).catch((error: unknown) => {
        this.log.error({ err: error, conversation: context.activity.conversation?.id }, 'could not record the conversation');
      });
      try {
        await next();
      } finally {
        await recorded;
      }
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    // Teams sends installationUpdate and conversationUpdate for one install: welcome on the first only.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.router.handleLifecycle('installed', this.turnOf(context));
      await this.sendWelcome(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.router.handleLifecycle('uninstalled', this.turnOf(context));
      await onRemoved(context.activity.conversation?.id ?? '');
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const value = context.activity.value as ActionData | undefined;
    // An Action.Submit (the fallback of Action.Execute in older clients) arrives as a message with `value`.
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      const turn = this.turnOf(context, langOfData(value, context));
      const result = await this.router.handleAction(value.verb, value, turn);
      await context.sendActivity(replyActivity(result.type === 'card' ? result.reply : { text: result.text }));
      await this.post(context, result);
      return;
    }
    const turn = this.turnOf(context);
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
    if (this.queueWelcome) return this.queueWelcome(this.turnOf(context));
    const reply = await this.router.handleWelcome(this.turnOf(context));
    if (reply) await context.sendActivity(replyActivity(reply));
  }

  /**
   * A card action whose shape botbuilder cannot read (no action, no verb, another action type) is
   * answered with a clear error in the card's own terms, never a server error.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'composeExtension/query') return this.search(context);
    if (context.activity.name === 'adaptiveCard/action' && !isCardAction(context.activity.value)) {
      const lang = languageOfLocale(context.activity.locale);
      this.log.warn({ conversation: context.activity.conversation?.id }, 'malformed adaptiveCard/action refused');
      return {
        status: 200,
        body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: messages(lang).badAction } },
      };
    }
    const response = await super.onInvokeActivity(context);
    // botbuilder answers an invoke it has no handler for with 501, a server error: it is the caller's.
    if (response.status === 501) {
      const name = String(context.activity.name ?? '').replace(/[^\w./-]/g, '').slice(0, 100);
      this.log.info({ name, conversation: context.activity.conversation?.id }, 'unknown invoke refused');
      return { status: 400, body: { error: { code: 'UnknownInvoke', message: `FKI Bot does not handle the invoke "${name}".` } } };
    }
    return response;
  }

  /**
   * The message extension: a search from the compose box. Each result is a preview in Teams' list and
   * the answer's Adaptive Card, which Teams inserts into the message being written.
   */
  private async search(context: TurnContext): Promise<InvokeResponse> {
    const value = (context.activity.value ?? {}) as { commandId?: unknown; parameters?: { name?: unknown; value?: unknown }[] };
    const parameters = Array.isArray(value.parameters) ? value.parameters : [];
    const query = parameters.find((parameter) => parameter?.name === 'query')?.value;
    const turn = this.turnOf(context);
    const results = typeof value.commandId === 'string' ? await this.router.handleSearch(value.commandId, typeof query === 'string' ? query : '', turn) : null;
    if (results === null) {
      return { status: 200, body: { composeExtension: { type: 'message', text: messages(turn.lang).unknownAction } } };
    }
    const attachments = results.map((result) => {
      const reply = fitForTeams(result.reply);
      return {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        content: reply.card ? { ...reply.card, fallbackText: reply.text } : { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: reply.text }] }] },
        preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: result.title, text: result.text } },
      };
    });
    return { status: 200, body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } } };
  }

  /** Action.Execute: the one place where a handler's result becomes an `adaptiveCard/action` response. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = (invokeValue.action.data ?? {}) as ActionData;
    const turn = this.turnOf(context, langOfData(data, context));
    try {
      const result = await this.router.handleAction(invokeValue.action.verb, data, turn);
      const conversationId = context.activity.conversation?.id;
      if (this.postLater && conversationId && result.type !== 'error') {
        for (const reply of result.post ?? []) this.postLater(conversationId, reply);
      } else {
        await this.post(context, result);
      }
      return invokeResponse(result);
    } catch (error) {
      this.log.error({ err: error, verb: invokeValue.action.verb, conversation: turn.conversation.id }, 'card action failed');
      return invokeResponse({ type: 'message', text: messages(turn.lang).somethingWrong });
    }
  }

  /**
   * Records where an activity came from before its HTTP request is answered, when its tenant is
   * allowed: Teams hears an answer only once the reference is durable, so an install answered before a
   * crash can still be welcomed after it. The turn records it again, which costs nothing when known.
   */
  async remember(activity: TurnContext['activity']): Promise<void> {
    if (!this.tenantAllowed(activity)) return;
    await this.recordActivity(activity).catch((error: unknown) => {
      this.log.error({ err: error, conversation: activity.conversation?.id }, 'could not record the conversation');
    });
  }
}

/** The invoke value of an Action.Execute as Teams sends it: an action with a verb and object data. */
function isCardAction(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const action = (value as { action?: unknown }).action;
  if (typeof action !== 'object' || action === null) return false;
  const { type, verb, data } = action as { type?: unknown; verb?: unknown; data?: unknown };
  const dataOk = data === undefined || data === null || (typeof data === 'object' && !Array.isArray(data));
  return type === 'Action.Execute' && typeof verb === 'string' && verb.length <= 100 && dataOk;
}

/**
 * Every tenant the activity names: `conversation.tenantId` and `channelData.tenant.id`. Each one that is
 * present must be allowed, so two that disagree are refused (a forged field cannot ride on a true one).
 */
function tenantsOf(activity: TurnContext['activity']): string[] {
  const channelTenant: unknown = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const conversationTenant: unknown = activity.conversation?.tenantId;
  return [conversationTenant, channelTenant]
    .filter((tenant) => tenant !== undefined && tenant !== null && tenant !== '')
    // A tenant field that is not a string is no tenant anyone allowed: kept so that it is refused.
    .map((tenant) => (typeof tenant === 'string' ? tenant.toLowerCase() : `invalid:${JSON.stringify(tenant)}`));
}

function invokeResponse(result: ActionResult): AdaptiveCardInvokeResponse {
  const reply = fitForTeams(result.type === 'card' ? result.reply : { text: result.text });
  if (reply.card) {
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: { ...reply.card, fallbackText: reply.text } };
  }
  // Teams shows a message response as a short notice under the card; errors too, so the user is told.
  // botbuilder types `value` as an object, but for this response type Teams expects the message string.
  const value = reply.text as unknown as Record<string, unknown>;
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value };
}

function langOfData(data: ActionData, context: TurnContext): Lang {
  return data.lang === 'en' || data.lang === 'da' ? data.lang : languageOfLocale(context.activity.locale);
}
