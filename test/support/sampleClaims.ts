import type { Router } from '../../src/chat/router.js';
import { chatTurn } from '../../src/chat/turn.js';
import type { Lang } from '../../src/i18n/language.js';
import { splitWords } from '../../src/text/words.js';

/** Who owns a phrase route: the name of the feature that registered the route at that place. */
export type OwnerOf = (route: number) => string;

/**
 * Runs every sample phrase of every route through the router, as a person in a personal chat would
 * write it, and lists each sample claimed by two features: declared by two, answered by another than
 * the one that declared it, or by nobody. Empty when every feature owns its samples.
 */
export async function sampleClaims(router: Router, ownerOf: OwnerOf): Promise<string[]> {
  const problems: string[] = [];
  const declared = new Map<string, string>();
  for (const { route, samples } of router.samples()) {
    if (samples === null) {
      problems.push(`${ownerOf(route)}: a phrase route (#${route}) without sample phrases`);
      continue;
    }
    for (const lang of ['da', 'en'] as const) {
      for (const sample of samples[lang]) {
        const key = `${lang}:${splitWords(sample).map((word) => word.folded).join(' ')}`;
        const other = declared.get(key);
        if (other !== undefined && other !== ownerOf(route)) problems.push(`"${sample}" is declared by both ${other} and ${ownerOf(route)}`);
        declared.set(key, ownerOf(route));
        const answered = await router.routeExplained(chatTurn(sample, { lang: lang satisfies Lang, conversation: { id: 'samples' }, user: { id: 'samples' } }));
        if (answered.route === null) problems.push(`"${sample}" of ${ownerOf(route)} is answered by no single feature (${answered.understood ? 'in parts' : 'not understood'})`);
        else if (ownerOf(answered.route) !== ownerOf(route)) problems.push(`"${sample}" is claimed by ${ownerOf(route)}, which declares it, and ${ownerOf(answered.route)}, which answers it`);
      }
    }
  }
  return problems;
}
