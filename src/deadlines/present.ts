import { formatDay, formatRelative, formatTimestampDay } from '../i18n/format.js';
import { digestMessages } from '../i18n/digestMessages.js';
import type { Lang } from '../i18n/language.js';
import { messages } from '../i18n/messages.js';
import { dayAsUtcDate, daysBetween } from '../time/calendarDate.js';
import type { Deadline } from './deadline.js';
import type { DatedItem, Digest } from './digest.js';

/** A line of a list: a bold lead ("SAPA K53") and the rest. */
export interface Line {
  lead: string;
  text: string;
}

export interface Section {
  heading: string;
  /** Sub-headings with their lines (the weeks of "due soon"); otherwise one group without a heading. */
  groups: { heading: string | null; lines: Line[] }[];
}

export interface DigestView {
  title: string;
  empty: string | null;
  sections: Section[];
}

const weekdays = {
  da: new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
};

/** "SAPA K53" or "SAPA · Aftale". */
export function deadlineLead(deadline: Deadline, lang: Lang): string {
  return deadline.code ? `${deadline.solution} ${deadline.code}` : `${deadline.solution} · ${digestMessages(lang).kind[deadline.kind]}`;
}

/** "Opret og underskriv aftale … · tirsdag 18. februar (i morgen)". */
function dueLine(item: DatedItem, lang: Lang): Line {
  return { lead: deadlineLead(item.deadline, lang), text: `${item.deadline.title} · ${weekdays[lang].format(dayAsUtcDate(item.day))} (${formatRelative(item.days, lang)})` };
}

/** The digest in words: sections in a fixed order, empty ones left out. */
export function presentDigest(digest: Digest, lang: Lang): DigestView {
  const m = digestMessages(lang);
  const sections: Section[] = [];
  if (digest.dueSoon.length > 0) {
    sections.push({
      heading: m.dueSoon,
      groups: digest.dueSoon.map((group) => ({ heading: m.weekHeading(group.week.week), lines: group.items.map((item) => dueLine(item, lang)) })),
    });
  }
  if (digest.published.length > 0) {
    const lines = digest.published.map((item) => ({
      lead: deadlineLead(item.deadline, lang),
      text: `${item.deadline.title} · ${m.publishedOn(formatDay(item.day, lang))}${item.deadline.deadline ? ` · ${formatDay(item.deadline.deadline, lang)}` : ''}`,
    }));
    sections.push({ heading: m.published, groups: [{ heading: null, lines }] });
  }
  if (digest.passed.length > 0) sections.push({ heading: m.passed, groups: [{ heading: null, lines: digest.passed.map((item) => dueLine(item, lang)) }] });
  if (digest.switching.length > 0) {
    const names = messages(lang).switchName;
    const lines = digest.switching.map(({ system, ch2, sts2 }) => ({
      lead: system.name,
      text: [
        ch2 ? m.switchesOn(names.ch2, formatDay(ch2, lang), formatRelative(daysBetween(digest.asOf, ch2), lang)) : null,
        sts2 ? m.switchesOn(names.sts2, formatDay(sts2, lang), formatRelative(daysBetween(digest.asOf, sts2), lang)) : null,
      ]
        .filter(Boolean)
        .join(' · '),
    }));
    sections.push({ heading: m.switching, groups: [{ heading: null, lines }] });
  }
  if (digest.staleSurveys.length > 0) {
    const lines = digest.staleSurveys.map((s) => ({ lead: s.system, text: m.staleSurvey(formatTimestampDay(s.createdAt, lang), s.requesters) }));
    sections.push({ heading: m.staleSurveys, groups: [{ heading: null, lines }] });
  }
  return { title: m.title(digest.week.week, digest.week.year), empty: sections.length === 0 ? m.emptyWeek : null, sections };
}

/** The view as plain text: the CLI's preview and the message's fallback text. */
export function digestViewToText(view: DigestView): string {
  const out = [view.title];
  if (view.empty) out.push(view.empty);
  for (const section of view.sections) {
    out.push('', section.heading);
    for (const group of section.groups) {
      if (group.heading) out.push(`  ${group.heading}`);
      for (const line of group.lines) out.push(`${group.heading ? '    ' : '  '}- ${line.lead}: ${line.text}`);
    }
  }
  return out.join('\n');
}
