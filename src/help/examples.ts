import type { HelpExample } from '../app/contributions.js';
import type { Feature } from '../app/feature.js';
import type { Lang } from '../i18n/language.js';

/** Every feature's help examples, by rank (ties in the order of the feature list). */
export function helpExamplesOf(features: readonly Feature[]): HelpExample[] {
  return features
    .flatMap((feature) => feature.help)
    .map((example, index) => ({ example, index }))
    .sort((a, b) => (a.example.rank ?? 50) - (b.example.rank ?? 50) || a.index - b.index)
    .map(({ example }) => example);
}

/** What the help card (and the "didn't understand" reply) suggests typing, in one language. */
export function cardExamples(examples: readonly HelpExample[], lang: Lang): string[] {
  return examples.filter((example) => example.card !== false).map((example) => example[lang].title);
}
