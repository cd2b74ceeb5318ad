import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../src/config.js';
import { detectLanguage } from '../src/i18n/language.js';
import { splitWords } from '../src/text/words.js';
import { messages } from '../src/i18n/messages.js';
import type { Log } from '../src/log.js';

/**
 * botbuilder's CloudAdapter. With an empty app id it authenticates nothing (local mode); with one,
 * every request must carry a valid Bot Framework token.
 */
export function createAdapter(config: Config, log: Log): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId,
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const activity = context.activity;
    log.error(
      { err: error, activityType: activity.type, activityId: activity.id, conversation: activity.conversation?.id },
      'unhandled error in turn',
    );
    if (activity.type !== 'message') return;
    try {
      const text = activity.text ?? '';
      await context.sendActivity(messages(detectLanguage(text, splitWords(text), activity.locale)).somethingWrong);
    } catch (sendError) {
      log.error({ err: sendError, conversation: activity.conversation?.id }, 'could not tell the user about the error');
    }
  };
  return adapter;
}
