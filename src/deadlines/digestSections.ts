import type { DigestSection } from '../app/digestSection.js';
import type { Registry } from '../registry/registry.js';
import type { IsoDate } from '../time/calendarDate.js';
import { buildDigest, type Digest } from './digest.js';
import { presentDigestPart, type DigestPart } from './present.js';

/** One registry and day give one digest: built once for all its sections and languages. */
const built = new WeakMap<Registry, Map<IsoDate, Digest>>();

function digestOf(registry: Registry, asOf: IsoDate): Digest {
  let byDay = built.get(registry);
  if (!byDay) built.set(registry, (byDay = new Map()));
  let digest = byDay.get(asOf);
  if (!digest) byDay.set(asOf, (digest = buildDigest({ deadlines: registry.deadlines, systems: registry.systems, surveys: [], asOf })));
  return digest;
}

const PARTS: readonly DigestPart[] = ['dueSoon', 'happeningSoon', 'published', 'sent', 'passed', 'switching'];

/**
 * The deadlines' sections of the weekly digest: due in the next two weeks, happening then, published
 * or sent and passed in the last week, and the systems switching in the next 30 days.
 */
export const deadlineDigestSections: readonly DigestSection[] = PARTS.map((part, index) => ({
  key: `deadlines.${part}`,
  order: (index + 1) * 10,
  compute: ({ registry, asOf, lang }) => presentDigestPart(digestOf(registry, asOf), part, lang),
}));
