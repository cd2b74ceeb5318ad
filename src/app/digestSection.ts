import type { Lang } from '../i18n/language.js';
import type { Registry } from '../registry/registry.js';
import type { IsoDate } from '../time/calendarDate.js';

/** A section of the weekly digest as it is shown: a heading, lines (in groups, e.g. by week), "+4 more". */
export interface DigestSectionView {
  heading: string;
  /** Sub-headings with their lines (the weeks of "due soon"); otherwise one group without a heading. */
  groups: { heading: string | null; lines: { lead: string; text: string; url?: string | null }[] }[];
  /** "+4 mere": lines left out to keep the message short (null when none were). */
  more: string | null;
  /** The lines not shown at once (in their groups), behind "Vis alle (N)" (`showAll`) within the card. */
  rest?: { heading: string | null; lines: { lead: string; text: string; url?: string | null }[] }[];
  showAll?: string | null;
  /** "Vis alle" opens this page (the overview tab) instead, when the rest would outgrow Teams' card limit. */
  showAllUrl?: string | null;
}

/** What every section of one digest is computed from: the day, its language and the registry then. */
export interface DigestContext {
  asOf: IsoDate;
  lang: Lang;
  registry: Registry;
}

/** Who a digest goes to: a conversation (a channel, a chat) and its language. */
export interface DigestRecipient {
  conversationId: string;
  lang: Lang;
}

/**
 * A part of the weekly digest that a feature contributes (`digestSections` in defineFeature). The
 * digest orders the sections by `order` and leaves out those that return null. `compute` is shared:
 * run once per language and digest run. `forRecipient` is per conversation (a channel's own list, say):
 * run for each one the digest goes to, after the shared part.
 */
export interface DigestSection {
  /** Unique among the app's sections ("deadlines.dueSoon"). */
  key: string;
  /** Lower comes first; the deadlines use 10-50, switches 60, open surveys 70. */
  order: number;
  compute?(context: DigestContext): DigestSectionView | null | Promise<DigestSectionView | null>;
  forRecipient?(context: DigestContext, recipient: DigestRecipient): DigestSectionView | null | Promise<DigestSectionView | null>;
}
