import { datesOf, type SwitchTopic } from '../registry/system.js';
import { formatDay, formatInPeriod, formatRelative, formatTimestampDay, joinWords } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import { danishQuote, sourceName } from '../i18n/sources.js';
import { answerTexts } from './texts.js';
import type { Answered, DayFact, PendingReport, SystemFact } from './answer.js';

/** At most this many systems are listed in one reply; the rest are counted. */
export const LIST_LIMIT = 25;

export interface Detail {
  label: string;
  value: string;
}

/** One system's answer, in words. */
export interface FactView {
  name: string;
  sentences: string[];
  details: Detail[];
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
  more: string | null;
  choices: { label: string; system: string }[];
  askVendor: AskVendorView | null;
  topic: SwitchTopic;
}

export function present({ lang, answer }: Answered): AnswerView {
  const view: AnswerView = { lang, title: null, lines: [], facts: [], items: [], more: null, choices: [], askVendor: null, topic: answer.topic };
  const m = answerTexts(lang);
  const target = m.switchName[answer.topic];
  switch (answer.kind) {
    case 'found':
      view.facts = answer.facts.map((fact) => presentFact(fact, answer.topic, lang));
      break;
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
      view.askVendor = { system: answer.query, offer: m.askVendorOffer(null), button: m.askVendorButton };
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
      view.items = answer.facts.slice(0, LIST_LIMIT).map((fact) => listItem(fact, answer.topic, lang));
      if (answer.facts.length > LIST_LIMIT) view.more = m.listMore(answer.facts.length - LIST_LIMIT);
      break;
    }
    case 'overview':
      if (answer.organisation) view.lines.push(m.organisation(answer.organisation.name, answer.organisation.kind));
      view.lines.push(m.overview(target, answer.counts, answer.total), m.overviewHint);
      break;
    case 'retirement':
      view.lines.push(m.retirementUnknown);
      break;
  }
  return view;
}

function presentFact(fact: SystemFact, topic: SwitchTopic, lang: Lang): FactView {
  const m = answerTexts(lang);
  const { system } = fact;
  const name = system.name;
  const switches: ('ch2' | 'sts2')[] = topic === 'both' ? ['ch2', 'sts2'] : [topic];
  const neitherKnown = switches.length === 2 && fact.ch2 === null && fact.sts2 === null;
  const sentences =
    fact.status === 'not-applicable'
      ? [m.notApplicable(name, m.switchName[topic])]
      : neitherKnown
        ? [m.noDate(name, m.switchName.bothTogether)]
        : switches.map((which) => sentenceFor(fact, which, lang));
  const details: Detail[] = [
    { label: m.label.status, value: fact.overdue ? m.overdueStatus : m.status[fact.status] },
    { label: m.label.ch2, value: dayText(fact.ch2, lang) },
    { label: m.label.sts2, value: dayText(fact.sts2, lang) },
  ];
  if (system.fullName && system.fullName !== name) details.unshift({ label: m.label.fullName, value: system.fullName });
  if (system.vendor) details.push({ label: m.label.vendor, value: system.vendor });
  if (system.owner) details.push({ label: m.label.owner, value: system.owner });
  details.push({ label: m.label.source, value: system.source ? sourceName(system.source, lang) : m.noValue });
  if (system.updatedAt) details.push({ label: m.label.updated, value: formatTimestampDay(system.updatedAt, lang) });
  // The registry's notes are KOMBIT's Danish: an English answer quotes them, marked as Danish.
  if (fact.note) details.push({ label: m.label.note, value: lang === 'en' ? danishQuote(fact.note) : fact.note });
  if (fact.reported) sentences.push(reportedSentence(fact.reported, lang));
  const dateless = fact.status !== 'not-applicable' && fact.status !== 'switched' && datesOf(system, topic).length === 0;
  // Once the vendor has answered, the answer waits for KOMBIT: asking again would not help.
  const askVendor = dateless && !fact.reported ? { system: name, offer: m.askVendorOffer(system.vendor), button: m.askVendorButton } : null;
  return { name, sentences, details, askVendor };
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

function sentenceFor(fact: SystemFact, which: 'ch2' | 'sts2', lang: Lang): string {
  const m = answerTexts(lang);
  const target = m.switchName[which];
  const name = fact.system.name;
  const day = fact[which];
  if (day === null) return m.noDate(name, target);
  const date = formatDay(day.date, lang);
  const relative = formatRelative(day.days, lang);
  if (day.days > 0) return m.willSwitch(name, target, date, relative);
  if (fact.status === 'switched') return m.switched(name, target, date, relative);
  if (fact.status === 'planned') return m.overdue(name, target, date, relative);
  return m.datedUnconfirmed(name, target, date, relative);
}

function dayText(day: DayFact | null, lang: Lang): string {
  if (day === null) return answerTexts(lang).noValue;
  return `${formatDay(day.date, lang)} (${formatRelative(day.days, lang)})`;
}

function listItem(fact: SystemFact, topic: SwitchTopic, lang: Lang): ListItemView {
  const m = answerTexts(lang);
  const parts: string[] = [];
  if (topic !== 'sts2') parts.push(`CH2: ${fact.ch2 ? formatDay(fact.ch2.date, lang) : m.noValue}`);
  if (topic !== 'ch2') parts.push(`STS 2: ${fact.sts2 ? formatDay(fact.sts2.date, lang) : m.noValue}`);
  parts.push((fact.overdue ? m.overdueStatus : m.status[fact.status]).toLowerCase());
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
    if (fact.askVendor) out.push(fact.askVendor.offer);
  }
  out.push(...view.lines);
  out.push(...view.items.map((item) => `- ${item.name}: ${item.line}`));
  if (view.more) out.push(view.more);
  if (view.askVendor) out.push(view.askVendor.offer);
  return out.join('\n');
}
