import { DEADLINES_FEED_NAME, outlookSubscribeUrl } from '../calendar/link.js';
import { formatDay, formatInPeriod, formatRelative, formatTimestampDay, joinWords } from '../i18n/format.js';
import { ANSWER_TEXTS } from './answerTexts.js';
import { digestMessages } from './texts.js';
import type { Lang } from '../i18n/language.js';
import type { SystemRecord } from '../registry/system.js';
import { dayAsUtcDate, daysBetween, type IsoDate } from '../time/calendarDate.js';
import { categoryOf, hasSendDay, isDue } from './category.js';
import type { Deadline } from './deadline.js';
import { formatItemPeriod, isPeriod } from './itemPeriod.js';
import { isPassedUnconfirmed } from './sourceDay.js';
import { isoWeekOf, type DatedItem, type Digest } from './digest.js';
import { periodsOf, type DeadlineAnswer, type DeadlineWhen } from './questions.js';
import { webAddress } from '../text/plainText.js';
import type { OverviewLink } from '../links/overview.js';
import type { NextStep } from '../links/nextStep.js';

/** A line of a list: a bold lead ("SAPA K53"), the rest, and the item's page (its KLIK task) when the data has one. */
export interface Line {
  lead: string;
  text: string;
  url?: string | null;
}

export interface Section {
  heading: string;
  /** Sub-headings with their lines (the weeks of "due soon"); otherwise one group without a heading. */
  groups: { heading: string | null; lines: Line[] }[];
  /** "+4 mere": lines left out to keep the message short (null when none were). */
  more: string | null;
  /** The lines not shown at once (in their groups), behind "Vis alle" (`showAll`). */
  rest?: Section['groups'];
  showAll?: string | null;
  /** "Vis alle" opens this page (the overview tab) instead, when the rest would outgrow the card. */
  showAllUrl?: string | null;
}

/** Lines an answer's section shows in a channel; "Vis alle" opens the rest, so a thread is not flooded. */
export const CHANNEL_SECTION_LINES = 5;

/** Lines a digest section shows; the rest are counted, so that no message outgrows Teams' limit. */
export const DIGEST_SECTION_LINES = 6;
/** Lines an answer's section shows (a question may match every deadline of a year). */
export const ANSWER_SECTION_LINES = 15;

/** Splits a section's groups after the first `max` lines: those shown, and the rest in their groups. */
function splitGroups(groups: Section['groups'], max: number): { kept: Section['groups']; rest: Section['groups'] } {
  let room = max;
  const kept: Section['groups'] = [];
  const rest: Section['groups'] = [];
  for (const group of groups) {
    const shown = group.lines.slice(0, Math.max(room, 0));
    const hidden = group.lines.slice(shown.length);
    room -= shown.length;
    if (shown.length > 0) kept.push({ heading: group.heading, lines: shown });
    if (hidden.length > 0) rest.push({ heading: group.heading, lines: hidden });
  }
  return { kept, rest };
}

/** Keeps the first `max` lines of a section, across its groups, and counts the rest. */
function shortened(heading: string, groups: Section['groups'], max: number, lang: Lang): Section {
  const { kept } = splitGroups(groups, max);
  const total = groups.reduce((sum, group) => sum + group.lines.length, 0);
  return { heading, groups: kept, more: total > max ? digestMessages(lang).more(total - max) : null };
}

/**
 * A digest section: its first `max` lines, and the rest behind "Vis alle (N)" within the card, so that
 * every item of the week can be reached from the channel without flooding it.
 */
function withShowAll(heading: string, groups: Section['groups'], max: number, lang: Lang): Section {
  const { kept, rest } = splitGroups(groups, max);
  const total = groups.reduce((sum, group) => sum + group.lines.length, 0);
  if (rest.length === 0) return { heading, groups: kept, more: null };
  return { heading, groups: kept, more: null, rest, showAll: digestMessages(lang).showAll(total) };
}

export interface DigestView {
  title: string;
  empty: string | null;
  sections: Section[];
  /** "Abonnér i Outlook": the calendar feed with the same deadlines, when the bot serves one. */
  /** The feed's address (shown, to copy) and Outlook on the web's page that subscribes to it (the button). */
  calendar: { line: string; button: string; url: string; subscribeUrl: string } | null;
  /** Pages offered under it ("Åbn CH2-overblik"); none when left out. */
  links?: OverviewLink[];
  /**
   * Next steps on its card beside `links` ("Frister for SAPA" asked as if typed, the overview under a
   * single item); the text keeps to `links`. None when left out.
   */
  next?: NextStep[];
}

const weekdayFormat = (lang: Lang, year: boolean) =>
  new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC', ...(year ? { year: 'numeric' } : {}) });
const weekdays = {
  da: { short: weekdayFormat('da', false), long: weekdayFormat('da', true) },
  en: { short: weekdayFormat('en', false), long: weekdayFormat('en', true) },
};

/** "SAPA K53" or "Context Handler 2 · Møde". */
export function deadlineLead(deadline: Deadline, lang: Lang): string {
  return deadline.code ? `${deadline.solution} ${deadline.code}` : `${deadline.solution} · ${digestMessages(lang).category[categoryOf(deadline)]}`;
}

/**
 * "Opret og underskriv aftale … · Frist: tirsdag 18. februar (i morgen)": every day on the line says
 * what it is; a KLIK task not yet published in KLIK says so.
 */
export function deadlineLine(deadline: Deadline, today: IsoDate, lang: Lang, withYear: boolean): Line {
  const m = digestMessages(lang);
  const label = m.dayLabel(isDue(deadline));
  const day = isPeriod(deadline)
    ? periodText(deadline, today, lang)
    : deadline.deadline === null
      ? `${label}: ${m.noDay}`
      : `${label}: ${weekdays[lang][withYear ? 'long' : 'short'].format(dayAsUtcDate(deadline.deadline))} (${formatRelative(daysBetween(today, deadline.deadline), lang)})`;
  const parts = [deadline.title, day];
  if (deadline.kind === 'klik' && deadline.klikStatus === 'not-published') parts.push(m.notPublished);
  if (isPassedUnconfirmed(deadline, today)) parts.push(m.unconfirmed);
  return { lead: deadlineLead(deadline, lang), text: parts.join(' · '), url: webAddress(deadline.url) };
}

/** "Periode: uge 6–13 2025 (om 3 uger)", "… (i gang nu)": a period is never shown as one of its days. */
function periodText(item: { from: IsoDate; deadline: IsoDate }, today: IsoDate, lang: Lang): string {
  const m = digestMessages(lang);
  const when =
    today < item.from ? formatRelative(daysBetween(today, item.from), lang) : today <= item.deadline ? m.underWay : formatRelative(daysBetween(today, item.deadline), lang);
  return `${m.periodLabel}: ${formatItemPeriod(item.from, item.deadline, lang)} (${when})`;
}

/** "Publiceret i KLIK: 5. februar 2025 · Frist: 18. februar 2025", or "Udsendt: …" for what was sent. */
function publishedLine(item: DatedItem, lang: Lang): Line {
  const m = digestMessages(lang);
  const parts = [item.deadline.title, `${m.publishedLabel(item.deadline.kind)}: ${formatDay(item.day, lang)}`];
  if (isPeriod(item.deadline)) parts.push(`${m.periodLabel}: ${formatItemPeriod(item.deadline.from, item.deadline.deadline, lang)}`);
  else if (item.deadline.deadline) parts.push(`${m.dayLabel(isDue(item.deadline))}: ${formatDay(item.deadline.deadline, lang)}`);
  return { lead: deadlineLead(item.deadline, lang), text: parts.join(' · '), url: webAddress(item.deadline.url) };
}

/** "CH2: 18. marts 2025 (om 4 uger) · STS 2: …" for the switches in a period. */
function switchLine(system: SystemRecord, asOf: IsoDate, lang: Lang, within?: { from: IsoDate; to: IsoDate }): Line {
  const dates: [string, IsoDate | null][] = [
    ['CH2', system.ch2Date],
    ['STS 2', system.sts2Date],
  ];
  const text = dates
    .filter((entry): entry is [string, IsoDate] => entry[1] !== null && (within === undefined || (entry[1] >= within.from && entry[1] <= within.to)))
    .map(([target, date]) => `${target}: ${formatDay(date, lang)} (${formatRelative(daysBetween(asOf, date), lang)})`)
    .join(' · ');
  return { lead: system.name, text };
}

function weekSection(heading: string, groups: Digest['dueSoon'], asOf: IsoDate, lang: Lang): Section {
  const m = digestMessages(lang);
  const weeks = groups.map((group) => ({
    heading: m.weekHeading(group.week.week, group.week.year),
    lines: group.items.map((item) => deadlineLine(item.deadline, asOf, lang, false)),
  }));
  return withShowAll(heading, weeks, DIGEST_SECTION_LINES, lang);
}

/** The parts of the standard digest, in the order they are shown. */
export const DIGEST_PARTS = ['dueSoon', 'happeningSoon', 'published', 'sent', 'passed', 'switching', 'staleSurveys'] as const;
export type DigestPart = (typeof DIGEST_PARTS)[number];

/** One part of the digest in words; null when it has nothing to show. */
export function presentDigestPart(digest: Digest, part: DigestPart, lang: Lang): Section | null {
  const m = digestMessages(lang);
  const single = (heading: string, lines: Line[]) => (lines.length > 0 ? withShowAll(heading, [{ heading: null, lines }], DIGEST_SECTION_LINES, lang) : null);
  switch (part) {
    case 'dueSoon':
      return digest.dueSoon.length > 0 ? weekSection(m.dueSoon, digest.dueSoon, digest.asOf, lang) : null;
    case 'happeningSoon':
      return digest.happeningSoon.length > 0 ? weekSection(m.happeningSoon, digest.happeningSoon, digest.asOf, lang) : null;
    case 'published':
      return single(m.published, digest.published.map((item) => publishedLine(item, lang)));
    case 'sent':
      return single(m.sent, digest.sent.map((item) => publishedLine(item, lang)));
    case 'passed':
      // What just passed, newest first: yesterday before last week.
      return single(m.passed, [...digest.passed].sort((a, b) => b.day.localeCompare(a.day)).map((item) => deadlineLine(item.deadline, digest.asOf, lang, false)));
    case 'switching':
      return single(m.switching, digest.switching.map(({ system, ch2, sts2 }) => switchLine({ ...system, ch2Date: ch2, sts2Date: sts2 }, digest.asOf, lang)));
    case 'staleSurveys':
      return single(
        m.staleSurveys,
        digest.staleSurveys.map((s) => ({ lead: s.system, text: m.staleSurvey(formatTimestampDay(s.createdAt, lang), s.requesters) })),
      );
  }
}

/** The digest of the day D around its sections: the week's title, and "nothing this week" when there are none. */
export function digestFrame(asOf: IsoDate, sections: Section[], lang: Lang): DigestView {
  const m = digestMessages(lang);
  const { week, year } = isoWeekOf(asOf);
  return { title: m.title(week, year), empty: sections.length === 0 ? m.emptyWeek : null, sections, calendar: null };
}

/** The digest in words: sections in a fixed order, empty ones left out. */
export function presentDigest(digest: Digest, lang: Lang): DigestView {
  const sections = DIGEST_PARTS.map((part) => presentDigestPart(digest, part, lang)).filter((section): section is Section => section !== null);
  return digestFrame(digest.asOf, sections, lang);
}

/** The title of a deadline answer: what was asked, in the words of the answer. */
function answerTitle(answer: DeadlineAnswer, lang: Lang, today: IsoDate): string {
  const m = digestMessages(lang);
  const { when } = answer;
  if (answer.code) return m.codeTitle(answer.code.typed);
  if (when.kind === 'new') return m.newTitle;
  let noun = answer.category === null ? m.allDeadlines : m.categoryPlural[answer.category];
  if (answer.switches !== null && answer.category === null && answer.solution === null && (when.kind === 'period' || when.kind === 'soon')) {
    if (when.kind === 'soon') return m.happensSoonTitle;
    // A period that is over is told in the past: "Det skete i december 2024".
    return periodsOf(when).every((period) => period.to < today) ? m.happenedTitle(periodsText(when, lang)) : m.happensTitle(periodsText(when, lang));
  }
  if (answer.solution) noun = m.forSolution(noun, answer.solution);
  let title: string;
  switch (when.kind) {
    case 'soon':
      title = m.soonTitle(noun);
      break;
    case 'period':
      title = m.periodTitle(noun, periodsText(when, lang));
      break;
    case 'passed':
      title = m.passedTitle(noun);
      break;
    case 'upcoming':
      title = m.upcomingTitle(noun);
      break;
    case 'next': {
      const next = answer.dueOnly ? ANSWER_TEXTS[lang].nextDeadline : m.nextTitle(answer.category === null ? m.allDeadlines : m.category[answer.category], answer.topic);
      return answer.solution ? m.forSolution(next, answer.solution) : next;
    }
    case 'all':
      title = noun;
      break;
  }
  return answer.topic ? m.aboutTopic(title, answer.topic) : title;
}

/** The periods a question named, in words: "den 29. januar 2025 og den 5. februar 2025". */
function periodsText(when: DeadlineWhen, lang: Lang): string {
  return joinWords(periodsOf(when).map((period) => formatInPeriod(period.label, lang)), lang);
}

/** How a deadline answer is shown: in a channel a few lines per section, and the overview's link under a list. */
export interface DeadlineShowing {
  channel?: boolean;
  overview?: OverviewLink | null;
}

/** A deadline answer in words: what matched, the switches of "what happens", the latest when none is ahead. */
export function presentDeadlineAnswer(answer: DeadlineAnswer, today: IsoDate, lang: Lang, showing: DeadlineShowing = {}): DigestView {
  const m = digestMessages(lang);
  // Past items newest first: what just passed, and the latest ones when none is ahead.
  const newestFirst = (items: readonly Deadline[]) => [...items].sort((a, b) => (b.deadline ?? '').localeCompare(a.deadline ?? ''));
  if (answer.when.kind === 'passed') answer = { ...answer, items: newestFirst(answer.items) };
  answer = { ...answer, latest: newestFirst(answer.latest) };
  const title = answerTitle(answer, lang, today);
  const sections: Section[] = [];
  const lines = answer.items.map((deadline) => {
    const line = deadlineLine(deadline, today, lang, true);
    // An event's own day is when it happened (a mail sent, a contract signed), and an agreement that ends was not sent: no day is missing.
    if (!answer.askedPublished || !hasSendDay(deadline)) return line;
    // "hvornår blev det sendt ud?": the day it was sent or published, or that it is not known.
    const published = `${m.publishedLabel(deadline.kind)}: ${deadline.published === null ? m.noDay : formatDay(deadline.published, lang)}`;
    return { ...line, text: `${line.text} · ${published}` };
  });
  const first = answer.items[0]?.deadline ?? null;
  const sameLine =
    answer.sameDeadline === null ? null : answer.sameDeadline && first !== null ? m.sameDeadline(formatDay(first, lang)) : m.differentDeadlines;
  if (lines.length > 0) sections.push(shortened(sameLine ?? m.count(lines.length), [{ heading: null, lines }], ANSWER_SECTION_LINES, lang));
  if (answer.switches !== null && answer.switches.length > 0 && 'period' in answer.when) {
    const periods = periodsOf(answer.when);
    const within = { from: periods.map((period) => period.from).sort()[0] as IsoDate, to: periods.map((period) => period.to).sort().at(-1) as IsoDate };
    const switches = [...new Set(answer.switches)].map((system) => switchLine(system, today, lang, within));
    sections.push(shortened(m.switchesHeading, [{ heading: null, lines: switches }], ANSWER_SECTION_LINES, lang));
  }
  let empty: string | null = null;
  if (sections.length === 0 && answer.unknownDays.length > 0) {
    // The data does not know every day: say so, and what is known, never "none".
    empty = answer.when.kind === 'new' ? m.publicationUnknown : m.dayUnknown(title);
    const unknown = answer.unknownDays.map((deadline) => deadlineLine(deadline, today, lang, true));
    const heading = answer.when.kind === 'new' ? m.publishedOpenHeading : m.unknownDaysHeading;
    sections.push(shortened(heading, [{ heading: null, lines: unknown }], ANSWER_SECTION_LINES, lang));
  } else if (sections.length === 0) {
    if (answer.code && !answer.code.known) empty = m.unknownCode(answer.code.typed);
    else if (answer.when.kind === 'new') empty = m.nothingNew;
    else if (answer.switches !== null && 'period' in answer.when) empty = m.nothingHappens(periodsText(answer.when, lang));
    else empty = `${m.nothing(title)} ${ANSWER_TEXTS[lang].notInSources}`;
  }
  if (answer.nextAfter !== null && answer.nextAfter.length > 0) {
    const next = answer.nextAfter.map((deadline) => deadlineLine(deadline, today, lang, true));
    sections.push(shortened(ANSWER_TEXTS[lang].nextAfterHeading, [{ heading: null, lines: next }], ANSWER_SECTION_LINES, lang));
  } else if (answer.nextAfter !== null) {
    sections.push({ heading: ANSWER_TEXTS[lang].noneLater, groups: [], more: null });
  }
  if (answer.latest.length > 0) {
    const latest = answer.latest.map((deadline) => deadlineLine(deadline, today, lang, true));
    sections.push(shortened(m.latest, [{ heading: null, lines: latest }], ANSWER_SECTION_LINES, lang));
  }
  const listed = sections.reduce((sum, section) => sum + section.groups.reduce((lines, group) => lines + group.lines.length, 0), 0);
  return {
    title,
    empty,
    sections: showing.channel ? sections.map((section) => inChannel(section, lang)) : sections,
    calendar: null,
    links: showing.overview && listed > 1 ? [showing.overview] : [],
  };
}

/** A section as a channel shows it: its first lines, and "Vis alle" with the rest. */
function inChannel(section: Section, lang: Lang): Section {
  const lines = section.groups.flatMap((group) => group.lines);
  if (lines.length <= CHANNEL_SECTION_LINES) return section;
  const kept = shortened(section.heading, section.groups, CHANNEL_SECTION_LINES, lang);
  return { ...kept, more: section.more, rest: [{ heading: null, lines: lines.slice(CHANNEL_SECTION_LINES) }], showAll: digestMessages(lang).showAll(lines.length) };
}

/** The view with the calendar feed's link under it ("Abonnér i Outlook"). */
export function withCalendar(view: DigestView, calendarUrl: string | null, lang: Lang): DigestView {
  if (calendarUrl === null) return view;
  const m = digestMessages(lang);
  // The button subscribes in Outlook on the web; the line beside it shows the feed's address to copy.
  return { ...view, calendar: { line: m.calendarLine, button: m.calendarButton, url: calendarUrl, subscribeUrl: outlookSubscribeUrl(calendarUrl, DEADLINES_FEED_NAME) } };
}

/** The view as plain text: the CLI's preview and the message's fallback text. */
export function digestViewToText(view: DigestView): string {
  const out = [view.title];
  if (view.empty) out.push(view.empty);
  for (const section of view.sections) {
    out.push('', section.heading);
    for (const group of section.groups) {
      if (group.heading) out.push(`  ${group.heading}`);
      for (const line of group.lines) out.push(`${group.heading ? '    ' : '  '}- ${line.lead}: ${line.text}${line.url ? ` (${line.url})` : ''}`);
    }
    for (const group of section.rest ?? []) {
      if (group.heading) out.push(`  ${group.heading}`);
      for (const line of group.lines) out.push(`${group.heading ? '    ' : '  '}- ${line.lead}: ${line.text}${line.url ? ` (${line.url})` : ''}`);
    }
    if (section.showAllUrl && section.showAll) out.push(`  ${section.showAll}: ${section.showAllUrl}`);
    if (section.more) out.push(`  ${section.more}`);
  }
  for (const link of view.links ?? []) out.push('', `${link.title}: ${link.url}`);
  if (view.calendar) out.push('', `${view.calendar.line} ${view.calendar.url}`);
  return out.join('\n');
}
