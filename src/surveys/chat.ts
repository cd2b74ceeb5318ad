import { textField } from '../chat/phrases.js';
import type { ChatRouter } from '../chat/types.js';
import { messages } from '../i18n/messages.js';
import { SurveyVerbs } from './verbs.js';

/**
 * "Ask the vendor". The survey itself is the next piece of work; until then the button says
 * plainly that surveys are coming, so nobody waits for an answer that will not come.
 */
export function registerSurveys(router: ChatRouter): void {
  router.action(SurveyVerbs.request, (turn, data) => {
    const system = textField(data, 'system') ?? '?';
    return { type: 'message', text: messages(turn.lang).surveysComing(system) };
  });
}
