import type { CardSubject, CardSubjectKind, CardSubjects } from './cardActions.js';

/*
 * Lines a feature adds to the items of the overview tab (GET /api/overview and the page): "Følges af 3"
 * under a system, say. The overview asks the app for the lines of its items; the feature that
 * contributes them knows nothing of the tab, and the tab nothing of the feature.
 */

/** One line under an item, in each of the tab's languages, and the feature it is from. */
export interface OverviewLine {
  feature: string;
  da: string;
  en: string;
}

/**
 * A feature's lines on items of one kind (`overviewLines` in defineFeature): `line` runs once per item
 * of each request, quick and synchronous (read the feature's projection); null adds nothing. `ready`,
 * if any, runs once before a request's lines (to read what another instance wrote since).
 */
export type OverviewLineContribution = {
  [K in CardSubjectKind]: { on: K; ready?: () => Promise<void>; line(subject: CardSubjects[K]): { da: string; en: string } | null };
}[CardSubjectKind];

/** The lines of each item, in the order of the items and then of the features. */
export async function overviewLinesFor(contributions: readonly { feature: string; contribution: OverviewLineContribution }[], items: readonly CardSubject[]): Promise<OverviewLine[][]> {
  const kinds = new Set(items.map(({ on }) => on));
  const used = contributions.filter(({ contribution }) => kinds.has(contribution.on));
  await Promise.all(used.map(({ contribution }) => contribution.ready?.()));
  return items.map(({ on, subject }) => {
    const lines: OverviewLine[] = [];
    for (const { feature, contribution } of used) {
      if (contribution.on !== on) continue;
      // The kinds match, so the subject is of the contribution's kind.
      const line = (contribution.line as (subject: CardSubjects[typeof on]) => { da: string; en: string } | null)(subject);
      if (line) lines.push({ feature, da: line.da, en: line.en });
    }
    return lines;
  });
}
