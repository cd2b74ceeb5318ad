import { datesOf, effectiveStatus, type SwitchTopic } from '../registry/system.js';
import { formatDay, formatInPeriod, formatRelative, formatTimestampDay, joinWords } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import { danishQuote, sourceName } from '../i18n/sources.js';
import type { OverviewLink } from '../links/overview.js';
import { MAX_NEXT_STEPS, nextStepsOf, type NextStep } from '../links/nextStep.js';
import { KNOWN_PAGES, sourceUrl } from '../links/sources.js';
import type { IsoDate } from '../time/calendarDate.js';
import { answerTexts } from './texts.js';
import type { Answered, DayFact, PendingReport, SystemFact } from './answer.js';

/** At most this many systems are listed in one reply; the rest are counted. */
export const LIST_LIMIT = 25;
/** In a channel a list shows this many lines; "Vis alle" opens the rest, so a thread is not flooded. */
export const CHANNEL_LIST_LINES = 5;

/** A piece of a sentence; the date in an answer's sentence is emphasised. */
export interface Run {
  text: string;
  emphasis: boolean;
}

export type { NextStep } from '../links/nextStep.js';

/** How an answer is shown beside what it says: where, and what it may link to. */
export interface PresentOptions {
  /** A channel shows a few lines of a list, with "Vis alle" for the rest. */
  channel?: boolean;
  /** "Åbn CH2-overblik" under lists and counts; none when left out (the CLI). */
  overview?: OverviewLink | null;
  /** Whether the data has KLIK tasks or other dated items for a solution (offers "Frister for …"). */
  hasDeadlines?: (solution: string) => boolean;
}

export interface Detail {
  label: string;
  value: string;
}

/** One system's answer, in words. */
export interface FactView {
  name: string;
  sentences: string[];
  /** The answer in one bold sentence, its date emphasised; `also` the sentences after it. */
  headline: Run[];
  also: string[];
  details: Detail[];
  /** The source's page, when one is known (never made up). */
  source: { title: string; url: string } | null;
  /** Set when no date is known: offer to ask the vendor. */
  askVendor: AskVendorView | null;
}

export interface AskVendorView {
  system: string;
  offer: string;
  button: string;
}

export interface ListItemView {
  name: string;
  line: string;
}

/** An answer in words, ready for any surface: the CLI prints it, the card lays it out. */
export interface AnswerView {
  lang: Lang;
  title: string | null;
  lines: string[];
  facts: FactView[];
  items: ListItemView[];
  /** The lines a channel does not show at once, behind "Vis alle" (`showAll`). */
  rest: ListItemView[];
  showAll: string | null;
  more: string | null;
  choices: { label: string; system: string }[];
  askVendor: AskVendorView | null;
  /** An unknown name: "Er 'Nexsu' et system?" with Ja/Nej, before any survey is offered. */
  isSystem: { question: string; name: string; yes: string; no: string } | null;
  /** One to three next steps (deadlines for the solution, the overview, a page the answer names). */
  next: NextStep[];
  topic: SwitchTopic;
}


export function present({ lang, answer, today }: Answered, options: PresentOptions = {}): AnswerView {
  const view: AnswerView = {
    lang, title: null, lines: [], facts: [], items: [], rest: [], showAll: null, more: null, choices: [], askVendor: null, isSystem: null, next: [], topic: answer.topic,
  };
  const m = answerTexts(lang);
  const target = m.switchName[answer.topic];
  const overview = options.overview ?? null;
  switch (answer.kind) {
    case 'found': {
      view.facts = answer.facts.map((fact) => presentFact(fact, answer.topic, lang, today));
      const only = answer.facts.length === 1 ? answer.facts[0] : undefined;
      if (only && options.hasDeadlines?.(only.system.name)) view.next.push({ title: m.next.deadlines(only.system.name), question: m.next.deadlinesQuestion(only.system.name) });
      if (overview) view.next.push(overview);
      break;
    }
    case 'ambiguous':
      view.lines.push(m.ambiguous(answer.query));
      view.choices = answer.candidates.map((system) => ({ label: system.name, system: system.name }));
      break;
    case 'unknown':
      view.lines.push(m.unknown(answer.query));
      view.lines.push(
        answer.suggestions.length > 0
          ? m.suggestions(joinWords(answer.suggestions.map((system) => system.name), lang, 'or'))
          : m.noSuggestions,
      );
      view.choices = answer.suggestions.map((system) => ({ label: system.name, system: system.name }));
      // A name the bot does not know may be a typo, a place or a word: ask before offering a vendor survey.
      view.isSystem = { question: m.isSystem.question(answer.query), name: answer.query, yes: m.isSystem.yes, no: m.isSystem.no };
      // Whatever the name was, the systems the bot does know are one question away.
      view.next.push({ title: m.listTitle.all, question: m.listTitle.all.toLocaleLowerCase(lang) });
      break;
    case 'list': {
      const period = answer.period === null ? '' : formatInPeriod(answer.period.label, lang);
      const titles = m.listTitle;
      view.title = answer.list === 'period' ? titles.period(target, period) : answer.list === 'all' ? titles.all : titles[answer.list](target);
      if (answer.facts.length === 0) {
        const empty = m.listEmpty;
        view.lines.push(answer.list === 'period' ? empty.period(target, period) : answer.list === 'all' ? empty.all : empty[answer.list](target));
        break;
      }
      view.lines.push(m.listCount(answer.facts.length));
      const items = answer.facts.slice(0, LIST_LIMIT).map((fact) => listItem(fact, answer.topic, lang));
      const shown = options.channel ? CHANNEL_LIST_LINES : LIST_LIMIT;
      view.items = items.slice(0, shown);
      view.rest = items.slice(shown);
      if (view.rest.length > 0) view.showAll = m.showAll(items.length);
      if (answer.facts.length > LIST_LIMIT) view.more = m.listMore(answer.facts.length - LIST_LIMIT);
      if (overview) view.next.push(overview);
      break;
    }
    case 'overview':
      if (answer.organisation) view.lines.push(m.organisation(answer.organisation.name, answer.organisation.kind));
      view.lines.push(m.overview(target, answer.counts, answer.total), m.overviewHint);
      if (overview) view.next.push(overview);
      break;
    case 'retirement':
      view.lines.push(m.retirementUnknown);
      // The text names KOMBIT's page on Digitaliseringskataloget: the deck gives its address.
      view.next.push({ title: m.next.retirementPlan, url: KNOWN_PAGES.retirementPlan });
      break;
  }
  view.next = nextStepsOf(view.next, MAX_NEXT_STEPS - (hasAskVendor(view) ? 1 : 0));
  return view;
}

/** Once someone says an unknown name is a system: the offer to ask its vendor. */
export function presentVendorOffer(name: string, lang: Lang): AnswerView {
  const m = answerTexts(lang);
  return {
    lang, title: null, lines: [], facts: [], items: [], rest: [], showAll: null, more: null, choices: [], isSystem: null, next: [], topic: 'both',
    askVendor: { system: name, offer: m.isSystem.offer(name), button: m.askVendorButton },
  };
}

function hasAskVendor(view: AnswerView): boolean {
  return view.askVendor !== null || view.facts.some((fact) => fact.askVendor !== null);
}

/** A sentence with its date emphasised (the first place the date is written). */
function runsOf(sentence: string, date: string | null): Run[] {
  const at = date === null ? -1 : sentence.indexOf(date);
  if (date === null || at < 0) return [{ text: sentence, emphasis: false }];
  const runs = [
    { text: sentence.slice(0, at), emphasis: false },
    { text: date, emphasis: true },
    { text: sentence.slice(at + date.length), emphasis: false },
  ];
  return runs.filter((run) => run.text !== '');
}

function presentFact(fact: SystemFact, topic: SwitchTopic, lang: Lang, today: IsoDate): FactView {
  const m = answerTexts(lang);
  const { system } = fact;
  const name = system.name;
  const switches: ('ch2' | 'sts2')[] = topic === 'both' ? ['ch2', 'sts2'] : [topic];
  const neitherKnown = switches.length === 2 && fact.ch2 === null && fact.sts2 === null;
  const said: { text: string; date: string | null }[] =
    fact.status === 'not-applicable'
      ? [{ text: m.notApplicable(name, m.switchName[topic]), date: null }]
      : neitherKnown
        ? [{ text: m.noDate(name, m.switchName.bothTogether), date: null }]
        : switches.map((which) => sentenceFor(fact, which, lang));
  // Each switch's row says its own day and status: a record-wide "Status: Skiftet" beside an unknown
  // STS 2 day would say the one thing and the other.
  const details: Detail[] = [
    { label: m.label.ch2, value: switchText(fact, 'ch2', lang, today) },
    { label: m.label.sts2, value: switchText(fact, 'sts2', lang, today) },
  ];
  if (system.fullName && system.fullName !== name) details.unshift({ label: m.label.fullName, value: system.fullName });
  if (system.vendor) details.push({ label: m.label.vendor, value: system.vendor });
  if (system.owner) details.push({ label: m.label.owner, value: system.owner });
  details.push({ label: m.label.source, value: system.source ? sourceName(system.source, lang) : m.noValue });
  if (system.updatedAt) details.push({ label: m.label.updated, value: formatTimestampDay(system.updatedAt, lang) });
  // The registry's notes are KOMBIT's Danish: an English answer quotes them, marked as Danish.
  if (fact.note) details.push({ label: m.label.note, value: lang === 'en' ? danishQuote(fact.note) : fact.note });
  if (fact.reported) said.push({ text: reportedSentence(fact.reported, lang), date: null });
  const dateless = fact.status !== 'not-applicable' && fact.status !== 'switched' && datesOf(system, topic).length === 0;
  // Once the vendor has answered, the answer waits for KOMBIT: asking again would not help.
  const askVendor = dateless && !fact.reported ? { system: name, offer: m.askVendorOffer(system.vendor), button: m.askVendorButton } : null;
  const url = sourceUrl(system.source);
  const source = url && system.source ? { title: m.sourceLink(sourceName(system.source, lang)), url } : null;
  const [first, ...after] = said;
  const headline = first ? runsOf(first.text, first.date) : [];
  return { name, sentences: said.map((one) => one.text), headline, also: after.map((one) => one.text), details, source, askVendor };
}

/** "21. januar 2025 (for 2 uger siden) · skiftet", or that no day is known: one switch's row. */
function switchText(fact: SystemFact, which: 'ch2' | 'sts2', lang: Lang, today: IsoDate): string {
  const m = answerTexts(lang);
  const day = fact[which];
  const status = effectiveStatus(fact.system, today, which);
  if (day === null) return status === 'not-applicable' ? m.status['not-applicable'].toLocaleLowerCase(lang) : m.noDateYet;
  const overdue = status === 'planned' && day.days < 0;
  return `${dayText(day, lang)} · ${(overdue ? m.overdueStatus : m.status[status]).toLocaleLowerCase(lang)}`;
}

function reportedSentence(report: PendingReport, lang: Lang): string {
  const m = answerTexts(lang).reported;
  const day = formatTimestampDay(report.submittedAt, lang);
  if (report.status === 'not-applicable') return m.notApplicable(day);
  if (report.status === 'undecided' || (!report.ch2Date && !report.sts2Date)) return m.undecided(day);
  const dates = [
    report.ch2Date ? `CH2 ${formatDay(report.ch2Date, lang)}` : null,
    report.sts2Date ? `STS 2 ${formatDay(report.sts2Date, lang)}` : null,
  ].filter((part): part is string => part !== null);
  return m.dates(joinWords(dates, lang), day);
}

function sentenceFor(fact: SystemFact, which: 'ch2' | 'sts2', lang: Lang): { text: string; date: string | null } {
  const m = answerTexts(lang);
  const target = m.switchName[which];
  const name = fact.system.name;
  const day = fact[which];
  if (day === null) return { text: m.noDate(name, target), date: null };
  const date = formatDay(day.date, lang);
  const relative = formatRelative(day.days, lang);
  if (day.days > 0) return { text: m.willSwitch(name, target, date, relative), date };
  if (fact.status === 'switched') return { text: m.switched(name, target, date, relative), date };
  if (fact.status === 'planned') return { text: m.overdue(name, target, date, relative), date };
  return { text: m.datedUnconfirmed(name, target, date, relative), date };
}

function dayText(day: DayFact | null, lang: Lang): string {
  if (day === null) return answerTexts(lang).noValue;
  return `${formatDay(day.date, lang)} (${formatRelative(day.days, lang)})`;
}

/** One short line per system: the days known for the switch asked about, and its status. */
function listItem(fact: SystemFact, topic: SwitchTopic, lang: Lang): ListItemView {
  const m = answerTexts(lang);
  const parts: string[] = [];
  if (topic !== 'sts2' && fact.ch2) parts.push(`CH2 ${formatDay(fact.ch2.date, lang)}`);
  if (topic !== 'ch2' && fact.sts2) parts.push(`STS 2 ${formatDay(fact.sts2.date, lang)}`);
  parts.push((fact.overdue ? m.overdueStatus : m.status[fact.status]).toLocaleLowerCase(lang));
  const vendor = fact.system.vendor ? ` (${fact.system.vendor})` : '';
  return { name: `${fact.system.name}${vendor}`, line: parts.join(' · ') };
}

/** The view as plain text: what the CLI prints and what Teams shows in notifications. */
export function viewToText(view: AnswerView): string {
  const out: string[] = [];
  if (view.title) out.push(view.title);
  for (const fact of view.facts) {
    if (out.length > 0) out.push('');
    out.push(...fact.sentences);
    out.push(...fact.details.map((detail) => `  ${detail.label}: ${detail.value}`));
    if (fact.source) out.push(`  ${fact.source.title}: ${fact.source.url}`);
    if (fact.askVendor) out.push(fact.askVendor.offer);
  }
  out.push(...view.lines);
  out.push(...[...view.items, ...view.rest].map((item) => `- ${item.name}: ${item.line}`));
  if (view.more) out.push(view.more);
  if (view.askVendor) out.push(view.askVendor.offer);
  if (view.isSystem) out.push(view.isSystem.question);
  for (const step of view.next) if ('url' in step) out.push(`${step.title}: ${step.url}`);
  return out.join('\n');
}
