import { cardTemplate, renderCard } from '../../cards/render.js';
import type { Reply } from '../chat/types.js';
import { formatDay } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import type { IsoDate } from '../time/calendarDate.js';
import { stackCards } from '../../cards/compose.js';
import { messageCard } from '../../cards/textCards.js';
import type { AskedKind } from './askedKind.js';
import type { DeckFact } from './fact.js';
import { FACT_TEXTS, sourceName } from './texts.js';
import { sourceUrl } from '../links/sources.js';
import { nextStepsOf, type NextStep } from '../links/nextStep.js';

const FACTS = cardTemplate(new URL('./cards/facts.json', import.meta.url));

export interface FactView {
  text: string;
  /** The source's row opens its page where one is known. */
  details: { label: string; value: string; url: string | null }[];
  /** The source's page (the fact's own link, from the deck): a button that opens it. */
  link: { title: string; url: string } | null;
}

/**
 * A fact in the answer's language: the deck's own Danish sentence, or in English its translation,
 * marked as KOMBIT's Danish text translated; always with its source.
 */
export function presentFact(fact: DeckFact, lang: Lang): FactView {
  const details: FactView['details'] = [];
  const link = linkOf(fact, lang);
  const url = link?.url ?? null;
  if (lang === 'da') {
    details.push({ label: FACT_TEXTS.da.source, value: sourceName(fact.source, 'da'), url });
    if (fact.day) details.push({ label: FACT_TEXTS.da.asOf, value: formatDay(fact.day as IsoDate, 'da'), url: null });
    return { text: fact.text, details, link };
  }
  const en = FACT_TEXTS.en;
  details.push({ label: en.source, value: `${sourceName(fact.source, 'en')} (${en.translated})`, url });
  if (fact.day) details.push({ label: en.asOf, value: formatDay(fact.day as IsoDate, 'en'), url: null });
  return { text: fact.textEn, details, link };
}

/** "Åbn kilden" with the fact's own address; none when the deck gives none (never a made-up one). */
function linkOf(fact: DeckFact, lang: Lang): FactView['link'] {
  const url = sourceUrl(fact.source, fact.url);
  return url === null ? null : { title: FACT_TEXTS[lang].openLink, url };
}

/** Lines of facts as plain text: what the CLI prints and the card's fallback. */
export function factLines(views: readonly FactView[]): string[] {
  return views.flatMap((view) => [
    view.text,
    ...view.details.map((detail) => `  ${detail.label}: ${detail.value}`),
    ...(view.link ? [`  ${view.link.title}: ${view.link.url}`] : []),
  ]);
}

/**
 * The reply with the deck's facts about a subject; `notTold` when the question asked for a name, a
 * number or a day that none of them tells: then that is said first, and the facts are what is known.
 * Under them one to three next steps: "Åbn kilden" (the first source with a page; each fact's source
 * row opens its own), then `next` (a related question, the overview).
 */
export function factsReply(
  facts: readonly DeckFact[],
  lang: Lang,
  subject?: string,
  notTold: AskedKind | null = null,
  next: readonly NextStep[] = [],
): Reply & { card: NonNullable<Reply['card']> } {
  const title = FACT_TEXTS[lang].title(subject ?? [...new Set(facts.map((fact) => fact.subject))].join(', '));
  const views = facts.map((fact) => presentFact(fact, lang));
  const steps = nextStepsOf([views.find((view) => view.link !== null)?.link ?? null, ...next]);
  const card = renderCard(FACTS, { title, facts: views, asks: steps.filter((step) => 'question' in step), opens: steps.filter((step) => 'url' in step) });
  if (notTold === null) return { text: [title, ...factLines(views)].join('\n'), card };
  const note = FACT_TEXTS[lang].notTold(notTold);
  return { text: [note, title, ...factLines(views)].join('\n'), card: stackCards([messageCard([note]), card]) };
}
