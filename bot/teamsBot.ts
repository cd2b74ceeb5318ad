import {
  ActivityTypes,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { appMiddleware, tenantsAllowed, type TurnHandler } from '../src/chat/pipeline.js';
import type { ActionResult, ChatTurn, Reply, SearchResult, TurnOutcome } from '../src/chat/types.js';
import type { LanguageMemory } from '../src/i18n/conversationLanguages.js';
import { languageDetector, type Lang, type LanguageDetector } from '../src/i18n/language.js';
import { messages } from '../src/i18n/messages.js';
import type { Log } from '../src/log.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/render.js';
import type { Router } from '../src/chat/router.js';
import { chatTurnOf, replyActivity, TeamsActivity, tenantsOf } from './turns.js';
import { fitForTeams } from '../src/chat/fit.js';

export interface FkiBotOptions {
  /** Entra ID tenants (lower case) whose activities are answered; empty: any. */
  allowedTenantIds?: readonly string[];
  /** Danish or English, with every feature's words. */
  detect?: LanguageDetector;
  /** Each conversation's last language, for turns whose words do not tell one. */
  languages?: LanguageMemory;
  /** DEFAULT_LANGUAGE. */
  defaultLanguage?: Lang;
  /** The clock's time, when a conversation's language is remembered. */
  now?: () => Date;
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

/**
 * The Teams edge: an activity becomes a `ChatTurn`, the turn runs through the pipeline (tenant,
 * conversation, language, errors, the features' middleware, the router: src/chat/pipeline.ts), and
 * its outcome becomes Teams' reply or invoke response.
 */
export class FkiBot {
  private readonly runTurn: TurnHandler;
  private readonly allowedTenantIds: readonly string[];
  private readonly recordActivity: (activity: TurnContext['activity']) => Promise<void>;
  private readonly onRemoved: (conversationId: string) => Promise<void>;
  private readonly postLater: FkiBotOptions['postLater'];
  private readonly queueWelcome: ((turn: ChatTurn) => Promise<void>) | null;

  constructor(
    private readonly router: Router,
    private readonly log: Log,
    { allowedTenantIds = [], detect = languageDetector(), languages, defaultLanguage, now, onEveryActivity = async () => {}, onRemoved = async () => {}, postLater, queueWelcome }: FkiBotOptions = {},
  ) {
    this.allowedTenantIds = allowedTenantIds;
    this.recordActivity = onEveryActivity;
    this.onRemoved = onRemoved;
    this.postLater = postLater;
    this.queueWelcome = queueWelcome ?? null;
    this.runTurn = router.pipeline(
      appMiddleware({
        log,
        allowedTenantIds,
        detect,
        ...(languages ? { languages } : {}),
        ...(defaultLanguage ? { defaultLanguage } : {}),
        ...(now ? { now } : {}),
        recordConversation: (turn) => onEveryActivity(turn.state.require(TeamsActivity) as Activity),
      }),
    );
  }

  /** One activity: its turn through the pipeline, and the outcome sent the way Teams expects it. */
  async run(context: TurnContext): Promise<void> {
    const turn = chatTurnOf(context.activity);
    const outcome = await this.runTurn(turn);
    const isInvoke = context.activity.type === ActivityTypes.Invoke;
    if (outcome.type === 'refused') {
      if (isInvoke) await respond(context, { status: 403 });
      return;
    }
    if (isInvoke) await respond(context, await this.invokeResponse(context, turn, outcome));
    else await this.send(context, turn, outcome);
  }

  /** A message's reply, an Action.Submit's result, a welcome or a goodbye. */
  private async send(context: TurnContext, turn: ChatTurn, outcome: TurnOutcome): Promise<void> {
    if (outcome.type === 'reply') {
      await sendNoted(context, outcome.reply);
    } else if (outcome.type === 'action') {
      const { result } = outcome;
      await sendNoted(context, result.type === 'card' ? result.reply : { text: result.text });
      await this.post(context, result);
    } else if (turn.event.type === 'installed') {
      // Teams sends installationUpdate and conversationUpdate for one install: welcome on the first only.
      await this.sendWelcome(context, turn);
    } else if (turn.event.type === 'uninstalled') {
      await this.onRemoved(turn.conversation.id);
    }
  }

  /** Messages an action asks to post into the conversation besides its response. */
  private async post(context: TurnContext, result: ActionResult): Promise<void> {
    if (result.type === 'error') return;
    for (const reply of result.post ?? []) await sendNoted(context, reply);
  }

  private async sendWelcome(context: TurnContext, turn: ChatTurn): Promise<void> {
    if (this.queueWelcome) return this.queueWelcome(turn);
    const reply = await this.router.handleWelcome(turn);
    if (reply) await context.sendActivity(replyActivity(reply));
  }

  /**
   * The one place where a turn's outcome becomes an invoke's response: a card action's result, a
   * search's results, and a clear refusal of a card action botbuilder cannot read or an invoke the
   * bot does not handle, never a server error.
   */
  private async invokeResponse(context: TurnContext, turn: ChatTurn, outcome: TurnOutcome): Promise<InvokeResponse> {
    if (outcome.type === 'action') {
      const { result } = outcome;
      if (this.postLater && turn.conversation.id && result.type !== 'error') {
        for (const reply of result.post ?? []) this.postLater(turn.conversation.id, reply);
      } else {
        await this.post(context, result);
      }
      return { status: 200, body: adaptiveCardResponse(result) };
    }
    if (outcome.type === 'search') return { status: 200, body: searchResponse(outcome.results, turn) };
    const name = String(context.activity.name ?? '');
    if (name === 'adaptiveCard/action') {
      this.log.warn({ conversation: turn.conversation.id }, 'malformed adaptiveCard/action refused');
      const message = messages(turn.lang).badAction;
      return { status: 200, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } } };
    }
    const shown = name.replace(/[^\w./-]/g, '').slice(0, 100);
    this.log.info({ name: shown, conversation: turn.conversation.id }, 'unknown invoke refused');
    return { status: 400, body: { error: { code: 'UnknownInvoke', message: `FKI Bot does not handle the invoke "${shown}".` } } };
  }

  /**
   * Records where an activity came from before its HTTP request is answered, when its tenant is
   * allowed: Teams hears an answer only once the reference is durable, so an install answered before a
   * crash can still be welcomed after it. The turn records it again, which costs nothing when known.
   */
  async remember(activity: TurnContext['activity']): Promise<void> {
    if (!tenantsAllowed(this.allowedTenantIds, tenantsOf(activity))) return;
    await this.recordActivity(activity).catch((error: unknown) => {
      this.log.error({ err: error, conversation: activity.conversation?.id }, 'could not record the conversation');
    });
  }
}

/** Sends a reply into the turn's conversation and tells the feature where it landed (`Reply.onSent`). */
async function sendNoted(context: TurnContext, reply: Reply): Promise<void> {
  const sent = await context.sendActivity(replyActivity(reply));
  const conversationId = context.activity.conversation?.id;
  // Noting where it landed is the feature's; its failing must not turn a delivered reply into an error.
  if (reply.onSent && sent?.id && conversationId) await Promise.resolve(reply.onSent({ conversationId, activityId: sent.id })).catch(() => undefined);
}

async function respond(context: TurnContext, response: InvokeResponse): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
}

/**
 * The message extension: each result is a preview in Teams' list and the answer's Adaptive Card,
 * which Teams inserts into the message being written.
 */
function searchResponse(results: SearchResult[] | null, turn: ChatTurn): unknown {
  if (results === null) return { composeExtension: { type: 'message', text: messages(turn.lang).unknownAction } };
  const attachments = results.map((result) => {
    const reply = fitForTeams(result.reply);
    return {
      contentType: ADAPTIVE_CARD_CONTENT_TYPE,
      content: reply.card ? { ...reply.card, fallbackText: reply.text } : { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: reply.text }] }] },
      preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: result.title, text: result.text } },
    };
  });
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

/** Action.Execute's response: a replacement card, or a message shown under the card. */
function adaptiveCardResponse(result: ActionResult): AdaptiveCardInvokeResponse {
  const reply = fitForTeams(result.type === 'card' ? result.reply : { text: result.text });
  if (reply.card) {
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: { ...reply.card, fallbackText: reply.text } };
  }
  // Teams shows a message response as a short notice under the card; errors too, so the user is told.
  // botbuilder types `value` as an object, but for this response type Teams expects the message string.
  const value = reply.text as unknown as Record<string, unknown>;
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value };
}
