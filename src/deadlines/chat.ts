import { digestCard } from '../../cards/digestCard.js';
import type { ChatRouter, Reply } from '../chat/types.js';
import { digestMessages } from '../i18n/digestMessages.js';
import { formatRelative } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import type { RegistryService } from '../registry/service.js';
import { calendarDayAt, dayAsUtcDate, DANISH_ZONE, type IsoDate } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import { deadlineLead, digestViewToText, type DigestView } from './present.js';
import { answerDeadlineQuestion, daysUntil, isDeadlineQuestion, type DeadlineAnswer } from './questions.js';

export interface DeadlinesDeps {
  registry: RegistryService;
  clock: Clock;
}

const longDays = {
  da: new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** "frister", "hvornår er fristen for K53?", "KLIK-opgaver for SAPA", "hvad er nyt i KLIK?". */
export function registerDeadlines(router: ChatRouter, { registry, clock }: DeadlinesDeps): void {
  router.message(
    async (turn) => {
      if (!isDeadlineQuestion(turn.words)) return null;
      return answerDeadlineQuestion(turn.words, await registry.current(), calendarDayAt(clock.now(), DANISH_ZONE));
    },
    (turn, answer) => deadlineReply(answer, turn.lang, calendarDayAt(clock.now(), DANISH_ZONE)),
  );
}

function deadlineReply(answer: DeadlineAnswer, lang: Lang, today: IsoDate): Reply {
  const m = digestMessages(lang);
  const title =
    answer.kind === 'upcoming' ? m.deadlinesTitle : answer.kind === 'new' ? m.newTitle : answer.kind === 'code' ? m.codeTitle(answer.code) : m.solutionTitle(answer.solution);
  const empty = answer.kind === 'upcoming' ? m.noDeadlines : answer.kind === 'new' ? m.nothingNew : answer.kind === 'code' ? m.unknownCode(answer.code) : m.noDeadlines;
  const lines = answer.items.map((deadline) => {
    const days = daysUntil(deadline, today);
    const when = deadline.deadline === null || days === null ? m.noDeadlineDate : `${longDays[lang].format(dayAsUtcDate(deadline.deadline))} (${formatRelative(days, lang)})`;
    return { lead: deadlineLead(deadline, lang), text: `${deadline.title} · ${when}` };
  });
  const view: DigestView = {
    title,
    empty: lines.length === 0 ? empty : null,
    sections: lines.length === 0 ? [] : [{ heading: m.count(lines.length), groups: [{ heading: null, lines }] }],
  };
  return { text: digestViewToText(view), card: digestCard(view) };
}
