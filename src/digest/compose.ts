import type { DigestRecipient, DigestSection, DigestSectionView } from '../app/digestSection.js';
import { digestCard } from '../deadlines/card.js';
import type { Reply } from '../chat/types.js';
import { fitForTeams } from '../chat/fit.js';
import { buildDigest } from '../deadlines/digest.js';
import { digestFrame, digestViewToText, presentDigest, withCalendar, type DigestView } from '../deadlines/present.js';
import { digestMessages } from '../deadlines/texts.js';
import type { Lang } from '../i18n/language.js';
import type { OverviewLink } from '../links/overview.js';
import type { Deadline } from '../deadlines/deadline.js';
import type { Registry } from '../registry/registry.js';
import type { SystemRecord } from '../registry/system.js';
import { surveySummaries } from '../surveys/digestSection.js';
import type { Survey } from '../surveys/survey.js';
import type { IsoDate } from '../time/calendarDate.js';

/** What a digest is made from: the registry's deadlines and systems. */
export interface DigestData {
  deadlines: readonly Deadline[];
  systems: readonly SystemRecord[];
}

/** The digest for day D as plain text, with the standard sections (the CLI's preview). */
export function digestText(data: DigestData, openSurveys: readonly Survey[], asOf: IsoDate, lang: Lang): string {
  const digest = buildDigest({ deadlines: data.deadlines, systems: data.systems, surveys: surveySummaries(openSurveys, data.systems, lang), asOf });
  return digestViewToText(presentDigest(digest, lang));
}

/**
 * Work shared by one digest run: the shared sections, once per day and language, whoever the digest
 * goes to. A run makes a new one, so a later run sees the registry as it is then.
 */
export type DigestRunCache = Map<string, Promise<unknown>>;

/** The digest for a day, in a language, for a conversation (its own sections) or for anyone (a preview without one). */
export type ComposeDigest = (asOf: IsoDate, lang: Lang, recipient?: DigestRecipient, run?: DigestRunCache) => Promise<Reply>;

/**
 * Composes the digest from the sections every feature contributes, in their order: the shared part of
 * each section, then its part for the conversation. Without per-conversation sections the whole
 * message is made once per language and run.
 */
export function digestComposer(options: {
  sections: () => readonly DigestSection[];
  registry: () => Promise<Registry>;
  calendarUrl: string | null;
  /** "Åbn CH2-overblik" under the digest (a Teams deep link to the tab, or the page); none when left out. */
  overview?: (lang: Lang) => OverviewLink | null;
}): ComposeDigest {
  const remembered = <T>(run: DigestRunCache | undefined, key: string, make: () => Promise<T>): Promise<T> => {
    const known = run?.get(key) as Promise<T> | undefined;
    if (known) return known;
    const made = make();
    run?.set(key, made);
    return made;
  };
  return async (asOf, lang, recipient, run) => {
    const sections = options.sections();
    const perRecipient = recipient !== undefined && sections.some((section) => section.forRecipient);
    const compose = async (): Promise<Reply> => {
      const registry = await options.registry();
      const context = { asOf, lang, registry };
      const shared = await remembered(run, `shared|${asOf}|${lang}`, () => Promise.all(sections.map(async (section) => (await section.compute?.(context)) ?? null)));
      const own = perRecipient ? await Promise.all(sections.map(async (section) => (await section.forRecipient?.(context, recipient)) ?? null)) : [];
      const views = sections.flatMap((_section, index) => [shared[index], own[index]]).filter((view): view is DigestSectionView => view != null);
      const framed = withCalendar(digestFrame(asOf, views, lang), options.calendarUrl, lang);
      const overview = views.length > 0 ? (options.overview?.(lang) ?? null) : null;
      const view = withinCardLimit(overview ? { ...framed, links: [overview] } : framed, overview, lang);
      return { text: digestViewToText(view), summary: view.title, card: digestCard(view) };
    };
    return perRecipient ? compose() : remembered(run, `reply|${asOf}|${lang}`, compose);
  };
}

/** Whether the digest goes out as its card: the rule every reply is sent by (card and its fallback text). */
const fitsAsCard = (view: DigestView) => {
  const reply = { text: digestViewToText(view), card: digestCard(view) };
  return fitForTeams(reply).card !== undefined;
};

/**
 * The digest as a card Teams takes: while it is too large, the section with the most hidden lines
 * gives them up, and its "Vis alle (N)" opens the overview tab instead (or, with no tab, counts them:
 * "+N mere").
 */
function withinCardLimit(view: DigestView, overview: OverviewLink | null, lang: Lang): DigestView {
  let fitted = view;
  const hiddenLines = (section: DigestView['sections'][number]) => (section.rest ?? []).reduce((sum, group) => sum + group.lines.length, 0);
  while (!fitsAsCard(fitted)) {
    const largest = fitted.sections.reduce<number>((best, section, index) => (hiddenLines(section) > (best < 0 ? 0 : hiddenLines(fitted.sections[best]!)) ? index : best), -1);
    if (largest < 0) break;
    fitted = {
      ...fitted,
      sections: fitted.sections.map((section, index) => {
        if (index !== largest) return section;
        const hidden = hiddenLines(section);
        return overview
          ? { ...section, rest: [], showAllUrl: overview.url }
          : { ...section, rest: [], showAll: null, more: digestMessages(lang).more(hidden) };
      }),
    };
  }
  return fitted;
}
