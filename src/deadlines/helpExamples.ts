import type { HelpExample } from '../app/contributions.js';
import { deckFacts } from '../facts/fact.js';
import type { Lang } from '../i18n/language.js';
import type { Registry } from '../registry/registry.js';
import { dayAsUtcDate, type IsoDate } from '../time/calendarDate.js';
import { NEXT_STEP_TEXTS } from './answerTexts.js';
import type { Deadline } from './deadline.js';
import { answersWithItems } from './nextSteps.js';

const monthName = (day: IsoDate, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(dayAsUtcDate(day));

/** The data's dated items, those ahead first (nearest first), then those passed (latest first). */
function byNearness(registry: Registry, today: IsoDate, keep: (item: Deadline) => boolean = () => true): Deadline[] {
  const dated = registry.deadlines.filter((item) => item.deadline !== null && keep(item));
  const ahead = dated.filter((item) => (item.deadline as IsoDate) >= today).sort((a, b) => (a.deadline as IsoDate).localeCompare(b.deadline as IsoDate));
  const passed = dated.filter((item) => (item.deadline as IsoDate) < today).sort((a, b) => (b.deadline as IsoDate).localeCompare(a.deadline as IsoDate));
  return [...ahead, ...passed];
}

/**
 * The example as it is when it answers with items on the data in use (KOMBIT's), else the first of
 * `others` that does; the example as it is when none does (it is understood, and says what is known).
 */
function firstAnswering(title: string, others: readonly string[], registry: Registry, today: IsoDate): string {
  const data = { registry, today, facts: deckFacts() };
  return [title, ...others].find((question) => answersWithItems(question, data)) ?? title;
}

/** What the help card and the command menu offer of the deadlines; also the route's sample phrases. */
export const DEADLINE_HELP: HelpExample[] = [
  {
    rank: 20,
    da: { title: 'hvilke frister er der i marts?' },
    en: { title: 'which deadlines are there in March?' },
    fitTo: (registry, today, lang) => {
      const months = [...new Set(byNearness(registry, today).map((item) => monthName(item.deadline as IsoDate, lang)))].slice(0, 3);
      return firstAnswering(lang === 'da' ? 'hvilke frister er der i marts?' : 'which deadlines are there in March?', months.map(NEXT_STEP_TEXTS[lang].inMonthQuestion), registry, today);
    },
  },
  { rank: 21, da: { title: 'hvad sker der i næste uge?' }, en: { title: 'what happens next week?' } },
  {
    rank: 22,
    da: { title: 'hvornår er fristen for K53?' },
    en: { title: 'when is the deadline for K53?' },
    fitTo: (registry, today, lang) => {
      const codes = [...new Set(byNearness(registry, today, (item) => item.code !== null).map((item) => item.code as string))].slice(0, 3);
      return firstAnswering(NEXT_STEP_TEXTS[lang].codeQuestion('K53'), codes.map(NEXT_STEP_TEXTS[lang].codeQuestion), registry, today);
    },
  },
  {
    rank: 23,
    da: { title: 'hvornår er næste spørgetime?' },
    en: { title: 'when is the next Q&A meeting?' },
    // Left out where the data has no Q&A meeting ahead: pressing it would only say that none is known.
    fitTo: (registry, today, lang) => {
      const question = lang === 'da' ? 'hvornår er næste spørgetime?' : 'when is the next Q&A meeting?';
      return answersWithItems(question, { registry, today, facts: deckFacts() }) ? question : null;
    },
  },
  { rank: 24, card: false, menu: true, da: { title: 'frister', description: 'KLIK-opgaver og andre frister de næste 14 dage' }, en: { title: 'deadlines', description: 'KLIK tasks and other deadlines in the next 14 days' } },
];
