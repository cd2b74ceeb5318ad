import { answerCard } from './card.js';
import { textField } from '../chat/phrases.js';
import { defineFeature } from '../app/feature.js';
import type { ChatRouter, Reply } from '../chat/types.js';
import { answerTexts } from './texts.js';
import type { RegistryService } from '../registry/service.js';
import type { SwitchTopic } from '../registry/system.js';
import { calendarDayAt, DANISH_ZONE } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import { answerAbout, answerQuestion, type Answered, type PendingReport } from './answer.js';
import { present, viewToText } from './present.js';
import { AnswerVerbs } from './verbs.js';

export interface AnswersDeps {
  registry: RegistryService;
  clock: Clock;
  /** Vendors' answers not yet reviewed by KOMBIT, by system name key: shown, marked as unconfirmed. */
  pendingAnswers?: () => ReadonlyMap<string, PendingReport> | Promise<ReadonlyMap<string, PendingReport>>;
}

const TOPICS: readonly SwitchTopic[] = ['ch2', 'sts2', 'both'];

/** Questions about CH2/STS2 dates, and the "did you mean" buttons of ambiguous answers. */
export function registerAnswers(router: ChatRouter, { registry, clock, pendingAnswers }: AnswersDeps): void {
  const today = () => calendarDayAt(clock.now(), DANISH_ZONE);

  router.message(
    async (turn) =>
      answerQuestion(turn.text, {
        registry: await registry.current(),
        today: today(),
        locale: turn.locale,
        lang: turn.lang,
        words: turn.words,
        pending: await pendingAnswers?.(),
      }),
    (_turn, answered) => answerReply(answered),
  );

  router.action(AnswerVerbs.pick, async (turn, data) => {
    const name = textField(data, 'system');
    const topic = TOPICS.find((candidate) => candidate === data.topic) ?? 'both';
    const system = name === null ? undefined : (await registry.current()).find(name);
    if (system === undefined) {
      return { type: 'error', code: 'SYSTEM_NOT_FOUND', text: answerTexts(turn.lang).systemGone(name ?? '') };
    }
    const answer = answerAbout([system], topic, today(), await pendingAnswers?.());
    return { type: 'card', reply: answerReply({ lang: turn.lang, today: today(), answer }) };
  });
}

export function answerReply(answered: Answered): Reply & { card: NonNullable<Reply['card']> } {
  const view = present(answered);
  return { text: viewToText(view), card: answerCard(view) };
}

export const answers = defineFeature({
  name: 'answers',
  register: (router, context) =>
    registerAnswers(router, {
      ...context,
      // Vendors' answers not yet reviewed, taking in what the CLI recorded meanwhile.
      pendingAnswers: async () => {
        await context.surveys.refresh();
        return context.surveys.pendingAnswers();
      },
    }),
});
