import type { HelpExample } from '../app/contributions.js';
import type { Feature } from '../app/feature.js';
import type { Lang } from '../i18n/language.js';
import type { Registry } from '../registry/registry.js';
import type { IsoDate } from '../time/calendarDate.js';

/** Every feature's help examples, by rank (ties in the order of the feature list). */
export function helpExamplesOf(features: readonly Feature[]): HelpExample[] {
  return features
    .flatMap((feature) => feature.help)
    .map((example, index) => ({ example, index }))
    .sort((a, b) => (a.example.rank ?? 50) - (b.example.rank ?? 50) || a.index - b.index)
    .map(({ example }) => example);
}

/** The data the examples are asked of: the registry in use, as of today. */
export interface ExampleData {
  registry: Registry;
  today: IsoDate;
}

/**
 * What the help card (and the "didn't understand" reply, and a greeting) suggests typing, in one
 * language: each example asked of the data in use when given, so that pressing it gets a real answer.
 */
export function cardExamples(examples: readonly HelpExample[], lang: Lang, data?: ExampleData): string[] {
  const shown = examples.filter((example) => example.card !== false);
  if (data === undefined) return shown.map((example) => example[lang].title);
  const fitted = shown.flatMap((example) => {
    const question = example.fitTo ? example.fitTo(data.registry, data.today, lang) : example[lang].title;
    return question === null ? [] : [question];
  });
  return [...new Set(fitted)];
}
