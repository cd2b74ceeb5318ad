import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { defaultRetryPolicy, type Pipeline } from '@azure/core-rest-pipeline';
import type { Config } from '../src/config.js';
import { detectLanguage } from '../src/i18n/language.js';
import { splitWords } from '../src/text/words.js';
import { messages } from '../src/i18n/messages.js';
import type { Log } from '../src/log.js';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * botbuilder's CloudAdapter, with authentication and the turn as two steps, so that the HTTP request
 * can be answered as soon as it is authenticated and the turn (replies and their retries) run after.
 */
export class FkiAdapter extends CloudAdapter {
  /** Checks the request's Bot Framework token (nothing in local mode); throws AuthenticationError. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs one authenticated turn; an invoke's response comes back. */
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/**
 * The waits of botbuilder's own retry of a failed call to the Bot Connector (a 5xx, a 429 without
 * Retry-After, a connection refused): three retries from `retryDelayInMs`, doubling with jitter, each
 * at most `maxRetryDelayInMs` (core-rest-pipeline's defaults: 1 s and 64 s). A Retry-After is honoured
 * as it is. Tests shorten the waits; what is retried and how often stays botbuilder's.
 */
export interface ConnectorRetry {
  retryDelayInMs: number;
  maxRetryDelayInMs: number;
}

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** Bot Framework authentication whose connector clients retry with the given waits. */
class RetryTunedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly retry: ConnectorRetry,
  ) {
    super(options);
  }

  /** For proactive sends. */
  override createConnectorFactory(...args: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>): ConnectorFactory {
    return this.tuned(super.createConnectorFactory(...args));
  }

  /** For a turn's replies: the request's authentication brings the factory they are sent through. */
  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(...args);
    return result.connectorFactory ? { ...result, connectorFactory: this.tuned(result.connectorFactory) } : result;
  }

  private tuned(factory: ConnectorFactory): ConnectorFactory {
    return { create: async (serviceUrl, audience) => withRetry(await factory.create(serviceUrl, audience), this.retry) };
  }
}

/**
 * Swaps the connector client's retry policy for the same policy with other waits. botbuilder passes
 * no retry options to core-rest-pipeline and keeps its pipeline in a private field, so this reaches
 * in; a botbuilder whose client no longer has that policy fails here rather than quietly waiting.
 */
function withRetry(client: ConnectorClient, retry: ConnectorRetry): ConnectorClient {
  const tuned = defaultRetryPolicy({ retryDelayInMs: retry.retryDelayInMs, maxRetryDelayInMs: retry.maxRetryDelayInMs });
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (pipeline?.removePolicy({ name: tuned.name }).length !== 1) throw new Error(`botbuilder's connector client has no ${tuned.name} to tune`);
  pipeline.addPolicy(tuned, { phase: 'Retry' });
  return client;
}

/**
 * The bot's adapter. With an empty app id it authenticates nothing (local mode); with one,
 * every request must carry a valid Bot Framework token. botbuilder's retry waits unless `retry` says others.
 */
export function createAdapter(config: Config, log: Log, retry?: ConnectorRetry): FkiAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId,
  };
  const adapter = new FkiAdapter(retry ? new RetryTunedAuthentication(options, retry) : new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const activity = context.activity;
    log.error(
      { err: error, activityType: activity.type, activityId: activity.id, conversation: activity.conversation?.id },
      'unhandled error in turn',
    );
    if (activity.type !== 'message') return;
    try {
      const text = activity.text ?? '';
      await context.sendActivity(messages(detectLanguage(text, splitWords(text), config.defaultLanguage)).somethingWrong);
    } catch (sendError) {
      log.error({ err: sendError, conversation: activity.conversation?.id }, 'could not tell the user about the error');
    }
  };
  return adapter;
}
