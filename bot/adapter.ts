import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
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
 * The bot's adapter. With an empty app id it authenticates nothing (local mode); with one,
 * every request must carry a valid Bot Framework token.
 */
export function createAdapter(config: Config, log: Log): FkiAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId,
  };
  const adapter = new FkiAdapter(new ConfigurationBotFrameworkAuthentication(options));
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
