import { perObject } from '../memo.js';
import { SystemMatcher } from '../registry/matcher.js';
import type { Registry } from '../registry/registry.js';
import { solutionAliases } from '../registry/solutionNames.js';
import type { SystemRecord } from '../registry/system.js';
import { fold } from '../text/fold.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { isStopword } from '../text/stopwords.js';
import { phrases, type Word } from '../text/words.js';
import { addDays, daysBetween, type IsoDate } from '../time/calendarDate.js';
import { findPeriod, isPastTense, type Period } from '../time/period.js';
import { categoryOf, type DeadlineCategory } from './category.js';
import type { Deadline } from './deadline.js';
import { itemWithin } from './itemPeriod.js';
import { DIGEST_WINDOWS } from './digest.js';

/** Which days a deadline question is about. */
export type DeadlineWhen =
  /** No day named: the next 14 days, like the digest. */
  | { kind: 'soon'; period: Period }
  | { kind: 'period'; period: Period }
  /** "netop passeret", "just passed": the 7 days before today, or a past period named. */
  | { kind: 'passed'; period: Period }
  | { kind: 'new' }
  /** A kind or a subject without a day: everything from today on. */
  | { kind: 'upcoming' }
  /** "næste spørgetime": the first day ahead with one. */
  | { kind: 'next' }
  /** A code or a solution without a day: all it has, past and ahead. */
  | { kind: 'all' };

/** What a deadline question asks and what the registry answers. */
export interface DeadlineAnswer {
  when: DeadlineWhen;
  code: { typed: string; known: boolean } | null;
  solution: string | null;
  category: DeadlineCategory | null;
  /** A word of the titles the question narrowed by, as typed ("spørgetime"). */
  topic: string | null;
  items: Deadline[];
  /** "Hvad sker der …": the systems with a CH2 or STS 2 date in the period, beside the deadlines. */
  switches: SystemRecord[] | null;
  /** Nothing ahead: the latest that passed, so that "none" is never all the answer says. */
  latest: Deadline[];
}

const DEADLINE_WORDS = new Set(
  phrases('frist frister fristen fristerne deadline deadlines klik klikopgave klikopgaver opgave opgaver opgaverne task tasks slutdato')[0],
);
const CATEGORY_WORDS: [RegExp, DeadlineCategory][] = [
  [/^(klikopgave\w*|opgave\w*|tasks?)$/, 'klik'],
  [/aftale|^agreements?$|^underskriv\w*$|^sign$/, 'agreement'],
  [/(mode|moder|modet|moderne)$|^sporgetime\w*$|^meetings?$|^webinar\w*$/, 'meeting'],
  [/^(golive|idriftsattelse\w*|idrift)$/, 'go-live'],
  [/^releases?$/, 'release'],
];
const GO_LIVE_PHRASES = index('i drift', 'go live', 'goes live', 'går i drift');
const HAPPENS = index(
  'hvad sker der', 'sker der', 'hvad skete der', 'hvad foregår', 'hvad skal vi', 'hvad står der på', 'hvad er der', 'hvad har vi',
  'what happens', 'what is happening', "what's happening", 'whats happening', 'what is on', "what's on", 'whats on', 'what happened',
  'what do we have', 'kalender', 'calendar', 'agenda', 'program',
);
const PASSED = index(
  'netop passeret', 'lige passeret', 'passeret', 'passerede', 'overskredet', 'overskredne', 'udløbet', 'udløbne', 'forfaldne',
  'just passed', 'passed', 'overdue', 'expired', 'missed',
);
const NEW = index('hvad er nyt', 'nyt i klik', 'nye opgaver', 'nye klik', "what's new", 'whats new', 'what is new', 'new in klik', 'new tasks');
const NEXT = new Set(phrases('næste kommende next upcoming')[0]);
/** Words of a question about the switch, which the answers feature takes unless deadlines are named. */
const SWITCH_WORDS = new Set(
  phrases('skifter skifte skiftet skiftede skift switch switches switched switching ch ch2 sts sts2 context handler nsis systemer systems system')[0],
);
/** How KLIK codes start across KOMBIT's projects (SAPA K01, KP MI 01, UDK KLIK 01), beside those in the data. */
const KNOWN_CODE_PREFIXES = ['k', 'mi', 'klik'];

function index(...written: string[]): PhraseIndex<true> {
  return new PhraseIndex(phrases(...written).map((phrase) => [phrase, true] as [string[], true]));
}

/**
 * A KLIK code as compared, however it is written: letters, then the number without leading zeros,
 * then any sub-number ("KLIK 01" = "klik 1" = "KLIK-1" → "klik1"; "K04.1" → "k4.1"; "MI 15" → "mi15").
 */
export function codeKey(code: string): string {
  return keyOfFolded(fold(code));
}

/** codeKey of a text already folded (the words of a question are). */
function keyOfFolded(folded: string): string {
  const parts = folded.match(/[a-z]+|\d+/g) ?? [];
  let key = '';
  let numbers = 0;
  for (const part of parts) {
    if (/^\d/.test(part)) key += `${numbers++ === 0 ? '' : '.'}${String(Number(part))}`;
    else if (numbers === 0) key += part;
    else return '';
  }
  return numbers === 0 ? '' : key;
}

/**
 * Reads a question about deadlines, agreements, meetings or "what happens" on a day, and answers it
 * from the registry; null when the question is not one (a switch question is left to the answers).
 */
export function answerDeadlineQuestion(text: string, words: readonly Word[], registry: Registry, today: IsoDate): DeadlineAnswer | null {
  const deadlines = registry.deadlines;
  const code = codeIn(words, deadlines);
  const category = categoryIn(words);
  const namesDeadlines = category !== null || words.some((word) => DEADLINE_WORDS.has(word.folded));
  const pastTense = isPastTense(words);
  const periodMatch = findPeriod(words, today, pastTense, text);
  const happens = HAPPENS.has(words);
  const passed = PASSED.has(words);
  const isNew = NEW.has(words);
  const aboutSwitch = words.some((word) => SWITCH_WORDS.has(word.folded));
  // The costlier lookups run only when they decide: most questions are settled by the signals above.
  const namesSystem = () => registry.matcher.findMentions(words).mentions.length > 0;
  let solutionFound: FoundSolution | null | undefined;
  const solutionNamed = () => (solutionFound === undefined ? (solutionFound = solutionIn(words, registry)) : solutionFound);

  const ours =
    code?.known === true ||
    namesDeadlines ||
    isNew ||
    happens ||
    (passed && !aboutSwitch) ||
    (code !== null && !aboutSwitch && !namesSystem()) ||
    (periodMatch !== null && !aboutSwitch && !namesSystem()) ||
    // A solution only the deadlines know ("UDK Begravelseshjælp"); a system's name is the answers' question.
    (hasSolutionsBeyondSystems(registry) && solutionNamed()?.isSystem === false && !namesSystem());
  if (!ours) return null;

  const solution = solutionNamed();
  const used = new Set<number>([...(periodMatch?.words ?? []), ...(code?.words ?? []), ...(solution?.words ?? [])]);
  let base = deadlines.filter(
    (d) =>
      (code === null || (d.code !== null && codeKey(d.code) === code.key)) &&
      (solution === null || solutionParts(d.solution).some((part) => fold(part) === solution.key)) &&
      (category === null || categoryOf(d) === category),
  );
  const topic = code === null ? topicIn(words, used, base) : null;
  if (topic !== null) base = base.filter((d) => topic.items.has(d));

  const when = whenOf({ periodMatch: periodMatch?.period ?? null, passed, isNew, code, solution, category, topic, words, today });
  const byDay = (a: Deadline, b: Deadline) =>
    (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.solution.localeCompare(b.solution, 'da') || (a.code ?? '').localeCompare(b.code ?? '', 'da');
  let items = base.filter((d) => inWhen(d, when, today)).sort(byDay);
  if (when.kind === 'next') {
    const first = items[0]?.deadline;
    items = items.filter((d) => d.deadline === first);
  }
  const agenda = (happens || (!namesDeadlines && code === null && solution === null)) && (when.kind === 'period' || when.kind === 'soon' || when.kind === 'passed');
  const switches = agenda && 'period' in when ? registry.datedBetween('both', when.period.from, when.period.to) : null;
  const looksAhead = when.kind === 'upcoming' || when.kind === 'next' || when.kind === 'soon';
  const latest = looksAhead && items.length === 0 && (switches?.length ?? 0) === 0
    ? base.filter((d) => d.deadline !== null && d.deadline < today).sort(byDay).slice(-3)
    : [];
  return {
    when,
    // Named as KLIK writes it ("K53"), however it was typed ("k-53").
    code: code === null ? null : { typed: base[0]?.code ?? code.typed, known: code.known },
    solution: solution?.name ?? null,
    category,
    topic: topic?.typed ?? null,
    items,
    switches,
    latest,
  };
}

interface WhenInput {
  periodMatch: Period | null;
  passed: boolean;
  isNew: boolean;
  code: unknown;
  solution: unknown;
  category: DeadlineCategory | null;
  topic: unknown;
  words: readonly Word[];
  today: IsoDate;
}

function whenOf(input: WhenInput): DeadlineWhen {
  const { periodMatch, today } = input;
  if (input.passed) {
    const lastWeek: Period = { from: addDays(today, -DIGEST_WINDOWS.lookBack), to: addDays(today, -1), label: { unit: 'days', from: addDays(today, -DIGEST_WINDOWS.lookBack), to: addDays(today, -1) } };
    return { kind: 'passed', period: periodMatch !== null && periodMatch.from < today ? periodMatch : lastWeek };
  }
  if (periodMatch !== null) return { kind: 'period', period: periodMatch };
  if (input.isNew) return { kind: 'new' };
  if (input.code !== null || input.solution !== null) return { kind: 'all' };
  if (input.category !== null || input.topic !== null) {
    return input.words.some((word) => NEXT.has(word.folded)) ? { kind: 'next' } : { kind: 'upcoming' };
  }
  const end = addDays(today, DIGEST_WINDOWS.dueAhead - 1);
  return { kind: 'soon', period: { from: today, to: end, label: { unit: 'days', from: today, to: end } } };
}

function inWhen(deadline: Deadline, when: DeadlineWhen, today: IsoDate): boolean {
  const day = deadline.deadline;
  switch (when.kind) {
    case 'all':
      return true;
    case 'new':
      return deadline.kind === 'klik' && deadline.published !== null && deadline.published >= addDays(today, -DIGEST_WINDOWS.lookBack) && deadline.published <= today;
    case 'upcoming':
    case 'next':
      return day !== null && day >= today;
    default:
      // A period ("uge 6–13") is found in any of its days.
      return itemWithin(deadline, when.period.from, when.period.to);
  }
}

function categoryIn(words: readonly Word[]): DeadlineCategory | null {
  if (GO_LIVE_PHRASES.has(words)) return 'go-live';
  for (const word of words) {
    // "KLIK" alone is the tool, and "frister" all kinds: neither narrows.
    for (const [pattern, category] of CATEGORY_WORDS) if (pattern.test(word.folded)) return category;
  }
  return null;
}

interface FoundCode {
  key: string;
  typed: string;
  known: boolean;
  words: number[];
}

/**
 * A KLIK code in the question, written over one to three words ("K53", "k-53", "K 53", "KLIK 5",
 * "MI 15", "K04.1"). A word shaped like a code that no task has is returned too (known: false), so
 * the answer can say that code is unknown.
 */
function codeIn(words: readonly Word[], deadlines: readonly Deadline[]): FoundCode | null {
  // A code ends in a word with a digit: most questions have none but "CH2" or "STS 2".
  const hasDigit = words.map((word) => /\d/.test(word.folded));
  if (!hasDigit.includes(true)) return null;
  const { known, prefixes } = codesOf(deadlines);
  let unknown: FoundCode | null = null;
  for (let length = 3; length >= 1; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      // A code starts with letters: "53" alone is no code, and neither is "klik" without a number.
      if (!hasDigit[start + length - 1] || !/^[a-z]/.test(words[start]!.folded)) continue;
      const part = words.slice(start, start + length);
      const key = keyOfFolded(part.map((word) => word.folded).join(' '));
      if (key === '') continue;
      const typed = part.map((word) => word.original).join(' ');
      const used = part.map((_, offset) => start + offset);
      if (known.has(key)) return { key, typed, known: true, words: used };
      const prefix = key.replace(/\d.*$/, '');
      if (prefixes.has(prefix) && /^[a-z]+\d{1,3}(\.\d{1,2})?$/.test(key)) unknown ??= { key, typed, known: false, words: used };
    }
  }
  return unknown;
}

/** The codes the deadlines have and how codes start, once per registry. */
const codesOf = perObject((deadlines: readonly Deadline[]) => {
  const known = new Set(deadlines.filter((d) => d.code !== null).map((d) => codeKey(d.code!)));
  const prefixes = new Set([...KNOWN_CODE_PREFIXES, ...[...known].map((key) => key.replace(/\d.*$/, ''))]);
  return { known, prefixes };
});

/** A solution's name and the systems it speaks of: "SAPA og Borgerblikket" is about SAPA and about Borgerblikket. */
function solutionParts(solution: string): string[] {
  return [solution, ...solution.split(/\s+og\s+|\s+and\s+|\s*[,/&]\s*/)].map((part) => part.trim()).filter((part) => part !== '');
}

interface FoundSolution {
  name: string;
  key: string;
  isSystem: boolean;
  words: number[];
}

/** Whether some deadline's solution is no system of the registry, once per registry. */
const hasSolutionsBeyondSystems = perObject((registry: Registry) =>
  registry.deadlines.some((deadline) => solutionParts(deadline.solution).some((part) => registry.find(part) === undefined)),
);

/**
 * The solution the question names, matched like system names (aliases, typos, æøå): a system's
 * name, or a solution only the deadlines know ("UDK Begravelseshjælp").
 */
function solutionIn(words: readonly Word[], registry: Registry): FoundSolution | null {
  const matcher = solutionMatcherOf(registry);
  // A question word that folds like a solution's name ("does" → "dos" like DOS) names nothing,
  // unless it is written as the acronym ("DOS").
  const mention = matcher
    .findMentions(words)
    .mentions.find(
      (m) => m.systems.length === 1 && m.score >= 0.85 && (isAcronym(m.text) || !(phrases(m.text)[0] ?? []).every((word) => isStopword(word))),
    );
  const name = mention?.systems[0]?.name;
  if (name === undefined || mention === undefined) return null;
  const mentioned = new Set(phrases(mention.text)[0]);
  const used = words.flatMap((word, at) => (mentioned.has(word.folded) ? [at] : []));
  return { name, key: fold(name), isSystem: registry.find(name) !== undefined, words: used };
}

/** "DOS", "KMD": a name typed in capitals, which no question word is. */
function isAcronym(text: string): boolean {
  return /^[A-ZÆØÅ0-9]{2,}$/.test(text.trim());
}

/** Solutions and the systems in them as names to match, with the aliases of a system of that name; once per registry. */
const solutionMatcherOf = perObject(solutionMatcher);

function solutionMatcher(registry: Registry): SystemMatcher {
  const names = new Map<string, string>();
  for (const deadline of registry.deadlines) {
    for (const part of solutionParts(deadline.solution)) names.set(fold(part), part);
  }
  const records: SystemRecord[] = [...names.values()].map((name) => {
    const system = registry.find(name);
    return {
      name, fullName: system?.fullName ?? null, aliases: system?.aliases ?? solutionAliases(name), owner: null, vendor: null, ch2Date: null, sts2Date: null,
      status: null, source: null, note: null, updatedAt: null,
    };
  });
  return new SystemMatcher(records);
}

/**
 * Words of the question found in the titles of the items ("spørgetime", "tilslutningsaftalen",
 * "logbøger"): the items every such word fits. Words no title has are passed over.
 */
function topicIn(words: readonly Word[], used: ReadonlySet<number>, items: readonly Deadline[]): { typed: string; items: Set<Deadline> } | null {
  let narrowed: Deadline[] = [...items];
  let typed: string | null = null;
  for (const [at, word] of words.entries()) {
    if (used.has(at) || word.folded.length < 5 || isStopword(word.folded) || DEADLINE_WORDS.has(word.folded) || /\d/.test(word.folded)) continue;
    const stem = word.folded.replace(/(erne|ene|ens|en|er|et|ne|e|n|s)$/, '');
    if (stem.length < 4) continue;
    const fits = narrowed.filter((item) => titleWords(item).some((titleWord) => titleWord.startsWith(stem)));
    // A word every item has says nothing; a word none of the rest has contradicts them: pass both over.
    if (fits.length === 0 || fits.length === narrowed.length) continue;
    narrowed = fits;
    typed ??= word.original;
  }
  return typed === null ? null : { typed, items: new Set(narrowed) };
}

const titleWords = perObject((deadline: Deadline) => fold(deadline.title).split(' '));

/** Days from today to a deadline, for "om 3 dage". */
export function daysUntil(deadline: Deadline, today: IsoDate): number | null {
  return deadline.deadline === null ? null : daysBetween(today, deadline.deadline);
}
