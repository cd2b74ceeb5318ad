import { perObject } from '../memo.js';
import { SystemMatcher } from '../registry/matcher.js';
import type { Registry } from '../registry/registry.js';
import { solutionAliases } from '../registry/solutionNames.js';
import type { SystemRecord } from '../registry/system.js';
import { fold } from '../text/fold.js';
import { danishBeginnings } from '../text/glossary.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { isStopword, isStopwordAsTyped } from '../text/stopwords.js';
import { phrases, splitWords, type Word } from '../text/words.js';
import { addDays, daysBetween, type IsoDate } from '../time/calendarDate.js';
import { findPeriod, isPastTense, type Period, type PeriodMatch } from '../time/period.js';
import { categoryOf, isDue, type DeadlineCategory } from './category.js';
import type { Deadline } from './deadline.js';
import { isPeriod, itemWithin } from './itemPeriod.js';
import { DIGEST_WINDOWS } from './digest.js';
import type { DeckFact } from '../facts/fact.js';
import { askedKind } from '../facts/askedKind.js';
import { organisationsIn } from '../text/organisations.js';
import { factsAbout } from '../facts/matching.js';

/** Which days a deadline question is about. */
export type DeadlineWhen =
  /** No day named: the next 14 days, like the digest. */
  | { kind: 'soon'; period: Period }
  | { kind: 'period'; period: Period; /** More periods of the same question ("29. jan og 5. feb"). */ also?: Period[] }
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
  /**
   * "frister?" with nothing due on a day of the next 14: the next deadline after them (beyond the
   * window, so that the next deadline is always told), an empty list when the data knows none later;
   * null when the question was not such a one.
   */
  nextAfter: Deadline[] | null;
  /** "næste frist": only what is due was asked for, not meetings. */
  dueOnly: boolean;
  /** "hvornår blev X sendt ud?", "when was KLIK 05 published?": the day it was sent or published is asked for. */
  askedPublished: boolean;
  /** Several codes asked about together: whether they share one deadline (null for one code). */
  sameDeadline: boolean | null;
  /**
   * Nothing found, but the data does not know every day: the items without a known day (a KLIK task
   * whose publication day or deadline no source gives), so that "not known" is said, never "none".
   */
  unknownDays: Deadline[];
  /** Nothing found for a solution: what the deck says about it instead (22 KLIK tasks after the decision, say). */
  known: DeckFact[];
  /** The indexes of the question's words this reading used. */
  used: number[];
}

const DEADLINE_WORDS = new Set(
  phrases('frist frister fristen fristerne deadline deadlines klik klikopgave klikopgaver opgave opgaver opgaverne task tasks slutdato udløber udløbe expires expire due')[0],
);
const CATEGORY_WORDS: [RegExp, DeadlineCategory][] = [
  [/^(klikopgave\w*|opgave\w*|tasks?)$/, 'klik'],
  [/aftale|^agreements?$|^underskriv\w*$|^underskrev\w*$|^underskrift\w*$|^sign$|^signed$/, 'agreement'],
  [/(mode|moder|modet|moderne)$|^sporgetime\w*$|^meetings?$|^webinar\w*$|^kick$|^kickoff$|^sessions?$/, 'meeting'],
  [/^(golive|live|idriftsattelse\w*|idriftsat\w*|idrift)$/, 'go-live'],
  [/^releases?$/, 'release'],
];
/** "Q&A" is the words "q" and "a": a spørgetime. */
const MEETING_PHRASES = index('q a', 'q and a', 'question time', 'questions time');
const GO_LIVE_PHRASES = index('i drift', 'go live', 'goes live', 'går i drift', 'går live', 'gå live', 'går det live', 'sat i drift');
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
/** "er der flere spørgetimer?": the ones still ahead. */
const MORE = new Set(phrases('flere more further yderligere')[0]);
/** Words that ask when an item was sent or published. */
const PUBLISHED_WORDS = new Set(phrases('sendt udsendt udsendte sent published publiceret publiceres publicerede udkom')[0]);
/** Words that ask for the first of several ("oprindeligt sendt", "first published"). */
const ORIGINAL = index('oprindeligt', 'oprindelig', 'oprindelige', 'første gang', 'første', 'først', 'originally', 'original', 'first time', 'first', 'initially', 'i første omgang');
/** Words that ask when an item came to the municipalities: for an item sent, the day it was sent. */
const RECEIVED_WORDS = new Set(phrases('kom came modtog modtaget received receive fik got')[0]);
/** "hvorfor", "why": a reason. */
const REASON = index('hvorfor', 'why', 'how come', 'grunden', 'årsagen', 'reason');
/** Words that ask for a day. */
const WHEN_WORDS = new Set(phrases('hvornår hvornaar when dato datoen date')[0]);
/** Words that ask for what is due, not for what happens. */
const DUE_WORDS = new Set(phrases('frist frister fristen deadline deadlines due')[0]);
/** Words of a question about the switch, which the answers feature takes unless deadlines are named. */
const SWITCH_WORDS = new Set(
  phrases('skifter skifte skiftet skiftede skift switch switches switched switching ch ch2 sts sts2 context handler nsis systemer systems system')[0],
);
/** "K53, K54 og K55 – samme frist?": whether several codes share a deadline. */
const SAME = new Set(phrases('samme same')[0]);
/** One deadline asked of several codes ("frist for KLIK 03, 04 og 05?"): whether they share it is part of the answer. */
const ONE_DEADLINE = new Set(phrases('frist fristen deadline slutdato slutdatoen')[0]);
/** Every word of this reading's phrases: a question's word among them is read by it. */
const VOCABULARY = new Set([
  ...DEADLINE_WORDS,
  ...phrases(`i drift go live goes live går hvad sker der skete foregår skal vi står på er har what happens is happening whats
    happening on do we have happened kalender calendar agenda program netop lige passeret passerede overskredet overskredne
    udløbet udløbne forfaldne just passed overdue expired missed nyt nye new in næste kommende next upcoming dag dage off dato datoen date
    sendt udsendt udsendte sent published publiceret publiceres publicerede udkom ud kom kommer komme kommet flere v version more further yderligere`)[0]!,
  ...phrases('modtog modtaget received receive fik got')[0]!,
]);

/** A word of how deadline questions ask ("hvornår", "skal", "kommer"), not of what they ask about. */
export function isDeadlineQuestionWord(folded: string): boolean {
  return VOCABULARY.has(folded) && !DEADLINE_WORDS.has(folded);
}

/** Words that say who, not what: a title word like "kommunens" does not narrow by them. */
const WHO_WORDS = new Set(phrases('kommune kommunen kommunens kommuner kommunerne municipality municipalities municipal')[0]);

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
export function answerDeadlineQuestion(
  text: string,
  words: readonly Word[],
  registry: Registry,
  today: IsoDate,
  facts: readonly DeckFact[] = [],
): DeadlineAnswer | null {
  const deadlines = registry.deadlines;
  const codes = codesIn(words, deadlines, text);
  const code = codes[0] ?? null;
  const categories = categoriesIn(words, deadlines);
  const category = categories.length === 1 ? (categories[0] as DeadlineCategory) : null;
  const namesDeadlines = categories.length > 0 || words.some((word) => DEADLINE_WORDS.has(word.folded));
  const pastTense = isPastTense(words);
  const periodMatches = periodsIn(words, today, pastTense, text);
  const periodMatch = periodMatches[0] ?? null;
  const happens = HAPPENS.has(words);
  const passed = PASSED.has(words);
  const isNew = NEW.has(words);
  const aboutSwitch = words.some((word) => SWITCH_WORDS.has(word.folded));
  const asksNext = words.some((word) => NEXT.has(word.folded));
  const asksWhen = words.some((word) => WHEN_WORDS.has(word.folded));
  const datedOf = (found: FoundSolution) => deadlines.filter((d) => d.deadline !== null && solutionParts(d.solution).some((part) => fold(part) === found.key));
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
    // "FK OSS uge 10": a system's dated items in a period, when it has some; its switch is asked with a switch word.
    (periodMatch !== null && !aboutSwitch && solutionNamed() !== null && datedOf(solutionNamed() as FoundSolution).length > 0) ||
    // A solution only the deadlines know ("UDK Begravelseshjælp"); a system's name is the answers' question.
    (hasSolutionsBeyondSystems(registry) && solutionNamed()?.isSystem === false && !namesSystem()) ||
    // "hvad er næste dato for Køreprøvebooking?": the next of its dated items, not its switch.
    // "hvornår kommer sapa 3.18?": a version that an item's title has.
    (!aboutSwitch && /\d\.\d/.test(text) && versionsIn(text, words, deadlines).found.length > 0) ||
    (asksNext && !aboutSwitch && solutionNamed() !== null && datedOf(solutionNamed() as FoundSolution).length > 0) ||
    // "hvornår kom årsopgørelsen i SAPA?", "when was the FK ORG queue cleared?": a word of one of its items' titles.
    (asksWhen && !aboutSwitch && solutionNamed() !== null && (topicIn(words, new Set((solutionNamed() as FoundSolution).words), datedOf(solutionNamed() as FoundSolution))?.typed ?? '') !== '') ||
    // "formål opkrævning hvornår kom det?": words that narrow the dated items to what was asked, whatever its solution.
    // The word is a whole word of a title, not the beginning of one ("teste" is not "testmiljøet").
    (asksWhen && !aboutSwitch && !namesSystem() && namesTitleWord(words, topicIn(words, new Set(), deadlines.filter((d) => d.deadline !== null))));
  if (!ours) return null;
  // "hvorfor …", "hvor mange …", "hvem …": a reason, a number or a name is never a list of dates.
  if (code === null && REASON.has(words)) return null;
  if (!namesDeadlines && code === null && periodMatch === null && (askedKind(words)?.kind === 'count' || askedKind(words)?.kind === 'who')) return null;

  const named = solutionNamed();
  const ofSolution = (d: Deadline, found: FoundSolution) => solutionParts(d.solution).some((part) => fold(part) === found.key);
  const codeKeys = new Set(codes.map((found) => found.key));
  const hasCode = (d: Deadline) => d.code !== null && codeKeys.has(codeKey(d.code));
  // "SAPA's CH2 date and the deadline of KLIK 05": a solution without that code is another part of the question.
  // "databehandleraftale" is a word of other items' titles too ("Underskriv databehandleraftale bilag A"), not
  // only an inflection of the solution "Databehandleraftaler": then it is a topic, not a solution.
  const alsoATopic =
    named !== null &&
    named.words.length === 1 &&
    (words[named.words[0] as number] as Word).folded !== named.key &&
    deadlines.some((d) => !ofSolution(d, named) && named.words.some((at) => titleWords(d).some((titleWord) => titleWord.startsWith(topicStem((words[at] as Word).folded)))));
  const byName = named !== null && ((codes.length > 0 && !deadlines.some((d) => hasCode(d) && ofSolution(d, named))) || alsoATopic) ? null : named;
  // "næste spørgetime om CH2": a meeting or a deadline asked with no system named; "CH2" names Context Handler 2's own items.
  const solution = byName ?? (named === null && categories.length > 0 && code === null && !namesSystem() ? switchTargetNamed(words, deadlines) : null);
  const used = new Set<number>([...periodMatches.flatMap((match) => match.words), ...codes.flatMap((found) => found.words), ...(solution?.words ?? [])]);
  // "release 3.17", "sapa 3.18": a version named narrows to the items that have it.
  const versions = versionsIn(text, words, deadlines);
  for (const at of versions.words) used.add(at);
  // "bølge 3" where the items speak of "bølge 2": what is asked about is not among them.
  const numbered = numberedIn(words, used);
  for (const at of numbered.flatMap((entry) => entry.words)) used.add(at);
  let base = deadlines.filter(
    (d) => (codes.length === 0 || hasCode(d)) && (solution === null || ofSolution(d, solution)) && (categories.length === 0 || categories.includes(categoryOf(d)) || aboutMeetings(d, categories)),
  );
  if (versions.found.length > 0) base = base.filter((d) => versions.found.some((version) => d.title.includes(version)));
  for (const entry of numbered) {
    const speaks = (d: Deadline, number: string) => new RegExp(`(^| )${entry.stem}\\w* ${number}( |$)`).test(fold(d.title));
    const others = base.filter((d) => new RegExp(`(^| )${entry.stem}\\w* \\d+( |$)`).test(fold(d.title)));
    if (others.length > 0 && !others.some((d) => speaks(d, entry.number))) base = [];
  }
  // "nye KLIK-opgaver ifm skat": what is new is told whatever it is about; its titles may not say.
  const found = code === null ? topicIn(words, used, base, isNew ? [] : deadlines) : null;
  for (const at of found?.agreeing ?? []) used.add(at);
  const topic = found !== null && found.typed !== '' ? found : null;
  // An invitation to the meetings is kept only when the question's words pick it ("invitationen").
  base = base.filter((d) => !aboutMeetings(d, categories) || (topic?.items.has(d) ?? false));
  if (topic !== null) {
    // "hvornår er orienteringsmøderne og hvornår er go-live?": the topic narrows its own kind of items only.
    const topicKinds = new Set([...topic.items].map((d) => categoryOf(d)));
    base = base.filter((d) => topic.items.has(d) || (categories.length > 1 && categories.includes(categoryOf(d)) && !topicKinds.has(categoryOf(d))));
    used.add(topic.at);
  }
  const meetingPhrase = MEETING_PHRASES.find(words);
  const meetingPhraseWords = new Set(meetingPhrase === null ? [] : Array.from({ length: meetingPhrase.length }, (_, offset) => meetingPhrase.start + offset));
  words.forEach((word, at) => {
    const namesKind = (categoryOfWord(word.folded) !== null && !namesUnknownItem(word.folded, deadlines)) || meetingPhraseWords.has(at);
    if (VOCABULARY.has(word.folded) || namesKind || (codes.length > 1 && SAME.has(word.folded))) used.add(at);
  });


  const when = whenOf({ periodMatch: periodMatch?.period ?? null, also: periodMatches.slice(1).map((match) => match.period), passed, isNew, code: code ?? (versions.found.length > 0 ? versions.found : null), solution, category: categories[0] ?? null, topic, words, today, pastTense });
  const byDay = (a: Deadline, b: Deadline) =>
    (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.solution.localeCompare(b.solution, 'da') || (a.code ?? '').localeCompare(b.code ?? '', 'da');
  // "næste frist": a deadline is what must be done by a day, not a meeting.
  const dueOnly = when.kind === 'next' && categories.length === 0 && words.some((word) => DUE_WORDS.has(word.folded));
  let items = base.filter((d) => inWhen(d, when, today) && (!dueOnly || isDue(d))).sort(byDay);
  // "hvornår kom den nye tilslutningsaftale?": what was sent came on the day it was sent.
  const askedPublished = words.some((word) => PUBLISHED_WORDS.has(word.folded)) || (words.some((word) => RECEIVED_WORDS.has(word.folded)) && items.some((d) => d.published !== null));
  // "hvornår var spørgetimen?": the past ones; not when the day it was sent is asked ("hvornår blev bilag A sendt ud?").
  if (when.kind === 'all' && pastTense && codes.length === 0 && versions.found.length === 0 && !askedPublished && items.some((d) => d.deadline !== null && d.deadline < today)) {
    items = items.filter((d) => d.deadline !== null && d.deadline < today);
  }
  if (when.kind === 'next') {
    const first = items[0]?.deadline;
    items = items.filter((d) => d.deadline === first);
  }
  // "hvornår blev bilag A oprindeligt sendt?", "when was it first published?": the earliest of them.
  const original = ORIGINAL.find(words);
  if (original !== null) {
    for (let at = original.start; at < original.start + original.length; at += 1) used.add(at);
    const dayOf = (d: Deadline) => (askedPublished ? (d.published ?? d.deadline) : d.deadline) ?? '9999';
    // "the first information meeting": the first meeting, not the invitation to it.
    const ofKind = items.filter((d) => categories.includes(categoryOf(d)));
    const among = ofKind.length > 0 ? ofKind : items;
    const earliest = among.map(dayOf).sort()[0];
    if (items.length > 1 && earliest !== undefined && earliest !== '9999') items = among.filter((d) => dayOf(d) === earliest);
  }
  const agenda = (happens || (!namesDeadlines && code === null && solution === null)) && (when.kind === 'period' || when.kind === 'soon' || when.kind === 'passed');
  // "Hvad skete der med FK ORG i januar?": the switches of that system only.
  const switches =
    agenda && 'period' in when
      ? periodsOf(when).flatMap((period) => registry.datedBetween('both', period.from, period.to)).filter((system) => named === null || fold(system.name) === named.key)
      : null;
  const looksAhead = when.kind === 'upcoming' || when.kind === 'next' || when.kind === 'soon';
  const latest = looksAhead && items.length === 0 && (switches?.length ?? 0) === 0
    ? base.filter((d) => d.deadline !== null && d.deadline < today).sort(byDay).slice(-3)
    : [];
  const nextAfter = when.kind === 'soon' && codes.length === 0 && solution === null && categories.length === 0 && topic === null ? nextAfterWindow(items, base, when.period.to) : null;
  const unknownDays = items.length === 0 && (switches?.length ?? 0) === 0 ? undatedFor(when, base, today) : [];
  const known = items.length === 0 && unknownDays.length === 0 && solution !== null ? factsAbout([solution.name], facts) : [];
  const days = new Set(base.map((d) => d.deadline ?? ''));
  return {
    when,
    // Named as KLIK writes it ("K53"), however it was typed ("k-53"); several codes together.
    code:
      code === null
        ? null
        : { typed: codes.length > 1 ? [...codes].sort(byCode).map((found) => writtenCode(found, base)).join(', ') : writtenCode(code, base), known: codes.some((found) => found.known) },
    // Said when asked ("samme frist?", or one "frist" for several codes); "deadlines for KLIK 01 and KLIK 06?" asks no such thing.
    sameDeadline: codes.length > 1 && base.length > 1 && words.some((word) => SAME.has(word.folded) || ONE_DEADLINE.has(word.folded)) ? days.size === 1 && !days.has('') : null,
    unknownDays,
    known,
    used: [...used],
    solution: solution?.name ?? null,
    category,
    topic: topic?.typed ?? null,
    items,
    switches,
    latest,
    nextAfter,
    dueOnly,
    askedPublished,
  };
}

/**
 * When nothing on the list is due on a day ("frister?" with only meetings and periods ahead): the
 * first deadline after the window, however far; an empty list when the data knows none later.
 */
function nextAfterWindow(items: readonly Deadline[], base: readonly Deadline[], end: IsoDate): Deadline[] | null {
  if (items.some((d) => isDue(d) && !isPeriod(d))) return null;
  const later = base.filter((d) => isDue(d) && d.deadline !== null && d.deadline > end && !items.includes(d)).sort((a, b) => (a.deadline as string).localeCompare(b.deadline as string));
  const first = later[0]?.deadline;
  return later.filter((d) => d.deadline === first);
}

/** Codes in KLIK's order: "K53, K54, K55", however they were asked. */
function byCode(a: FoundCode, b: FoundCode): number {
  const prefix = (key: string) => key.replace(/\d.*$/, '');
  return prefix(a.key).localeCompare(prefix(b.key)) || Number(a.key.slice(prefix(a.key).length)) - Number(b.key.slice(prefix(b.key).length));
}

/** A code as KLIK writes it ("K53"), however it was typed ("k-53"). */
function writtenCode(found: FoundCode, items: readonly Deadline[]): string {
  return items.find((d) => d.code !== null && codeKey(d.code) === found.key)?.code ?? found.typed;
}

/**
 * The items a question over days could not place because their day is not known: KLIK tasks whose
 * publication day no source gives ("hvad er nyt i KLIK?"), or items without a deadline.
 */
function undatedFor(when: DeadlineWhen, base: readonly Deadline[], today: IsoDate): Deadline[] {
  if (when.kind === 'new') {
    return base.filter((d) => d.kind === 'klik' && d.published === null && d.klikStatus === 'published' && (d.deadline === null || d.deadline >= today));
  }
  // A kind or a subject without a day ("møder for UDK"): what has no day yet is not "none".
  if (when.kind !== 'upcoming' && when.kind !== 'next') return [];
  return base.filter((d) => d.deadline === null);
}

interface WhenInput {
  periodMatch: Period | null;
  also: Period[];
  pastTense: boolean;
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
  // "er fristen for K53 overskredet?": its deadline tells whether it passed.
  if (input.passed && periodMatch === null && (input.code !== null || input.solution !== null)) return { kind: 'all' };
  if (input.passed) {
    const lastWeek: Period = { from: addDays(today, -DIGEST_WINDOWS.lookBack), to: addDays(today, -1), label: { unit: 'days', from: addDays(today, -DIGEST_WINDOWS.lookBack), to: addDays(today, -1) } };
    return { kind: 'passed', period: periodMatch !== null && periodMatch.from < today ? periodMatch : lastWeek };
  }
  if (periodMatch !== null) return { kind: 'period', period: periodMatch, ...(input.also.length > 0 ? { also: input.also } : {}) };
  if (input.isNew) return { kind: 'new' };
  const next = input.words.some((word) => NEXT.has(word.folded));
  // "næste frist", "næste dato for Køreprøvebooking": the first day ahead, however far.
  if (next) return { kind: 'next' };
  if (input.code !== null || input.solution !== null) return { kind: 'all' };
  if (input.category !== null || input.topic !== null) {
    // "hvornår var spørgetimen?": the past ones as well; "flere spørgetimer?": those ahead.
    return input.pastTense && !input.words.some((word) => MORE.has(word.folded)) ? { kind: 'all' } : { kind: 'upcoming' };
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
      return periodsOf(when).some((period) => itemWithin(deadline, period.from, period.to));
  }
}

/** Versions written in the question ("3.17") that some item's title has, and the words that wrote them. */
function versionsIn(text: string, words: readonly Word[], deadlines: readonly Deadline[]): { found: string[]; words: number[] } {
  const found = [...text.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d.])/g)].map((match) => match[0]).filter((version) => deadlines.some((d) => d.title.includes(version)));
  const at: number[] = [];
  for (const version of found) {
    const [major, minor] = version.split('.');
    words.forEach((word, index) => {
      if (word.folded === major && words[index + 1]?.folded === minor) at.push(index, index + 1);
    });
  }
  return { found, words: at };
}

/** Words followed by a number ("bølge 3", "wave 2"), other than codes, weeks and versions already read. */
function numberedIn(words: readonly Word[], used: ReadonlySet<number>): { stem: string; number: string; words: number[] }[] {
  const found: { stem: string; number: string; words: number[] }[] = [];
  words.forEach((word, at) => {
    const next = words[at + 1];
    if (next === undefined || used.has(at) || used.has(at + 1) || !/^\d{1,2}$/.test(next.folded) || !/^[a-z]{4,}$/.test(word.folded)) return;
    if (isStopword(word.folded) || VOCABULARY.has(word.folded)) return;
    const danish = danishBeginnings(word.folded)[0];
    found.push({ stem: danish ?? topicStem(word.folded), number: String(Number(next.folded)), words: [at, at + 1] });
  });
  return found;
}

/** Every period a question names: "29. jan og 5. feb", "i december og januar". */
export function periodsOf(when: DeadlineWhen): Period[] {
  return 'period' in when ? [when.period, ...(when.kind === 'period' ? (when.also ?? []) : [])] : [];
}

/** A word no period is read in, in place of the words of a period already found. */
const BLANK: Word = { original: '', folded: '·' };
/** At most this many periods are read in one question. */
const MOST_PERIODS = 4;

/**
 * The periods a question names, in order: the first as `findPeriod` reads it, then the next ones in
 * the words left, so that "hvad sker der 29. jan og 5. feb" asks about both days.
 */
function periodsIn(words: readonly Word[], today: IsoDate, pastTense: boolean, text: string): PeriodMatch[] {
  const first = findPeriod(words, today, pastTense, text);
  if (first === null) return [];
  const found = [first];
  let rest: readonly Word[] = words;
  while (found.length < MOST_PERIODS) {
    const last = found.at(-1) as PeriodMatch;
    // A day written with digits is read from the text, not from words that could be blanked.
    if (last.words.length === 0) break;
    rest = rest.map((word, at) => (last.words.includes(at) ? BLANK : word));
    if (!rest.some((word) => /\d/.test(word.folded) || MONTH_NAMES.has(word.folded))) break;
    const next = findPeriod(rest, today, pastTense);
    if (next === null || next.words.length === 0) break;
    found.push(next);
  }
  return found;
}

const MONTH_NAMES = new Set(
  phrases(`januar februar marts april maj juni juli august september oktober november december january february march may june
    july october jan feb mar apr jun jul aug sep sept okt oct nov dec`)[0],
);

function categoryOfWord(folded: string): DeadlineCategory | null {
  for (const [pattern, category] of CATEGORY_WORDS) if (pattern.test(folded)) return category;
  return null;
}

/**
 * The kinds of items a question names, in its order: "hvornår går X live og hvilke KLIK-opgaver …"
 * names go-lives and KLIK tasks. A compound that names one meeting no item has ("programledermødet")
 * names no kind: what it asks about is not known.
 */
function categoriesIn(words: readonly Word[], deadlines: readonly Deadline[]): DeadlineCategory[] {
  const found = new Set<DeadlineCategory>();
  if (GO_LIVE_PHRASES.has(words)) found.add('go-live');
  const meeting = MEETING_PHRASES.find(words);
  if (meeting !== null) found.add('meeting');
  for (const word of words) {
    // "KLIK" alone is the tool, and "frister" all kinds: neither narrows.
    const category = categoryOfWord(word.folded);
    if (category !== null && !namesUnknownItem(word.folded, deadlines)) found.add(category);
  }
  return [...found];
}

/** An item about meetings that is no meeting itself ("Invitationen til orienteringsmøderne sendes …"), when meetings are asked about. */
function aboutMeetings(deadline: Deadline, categories: readonly DeadlineCategory[]): boolean {
  return categories.includes('meeting') && categoryOf(deadline) === 'milestone' && titleWords(deadline).some((word) => COMPOUND_MEETING.test(word));
}

/** The end of a compound that names one meeting ("programledermødet", "orienteringsmøderne"). */
const COMPOUND_MEETING = /(mode|moder|modet|moderne|modes|sporgetime\w*|webinar\w*)$/;

/** A compound meeting word whose first part no item's title has: a meeting the data does not know. */
function namesUnknownItem(folded: string, deadlines: readonly Deadline[]): boolean {
  const tail = COMPOUND_MEETING.exec(folded);
  if (tail === null || folded.length - tail[0].length < 4) return false;
  const stem = topicStem(folded);
  return !deadlines.some((d) => titleWords(d).some((titleWord) => titleWord.startsWith(stem)));
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
function codesIn(words: readonly Word[], deadlines: readonly Deadline[], text = ''): FoundCode[] {
  const found: FoundCode[] = [];
  const taken = new Set<number>();
  for (;;) {
    const next = codeIn(words, deadlines, taken);
    // Several codes are read together only when they are known: "K53, K54 og K55".
    if (next === null || (found.length > 0 && !next.known)) break;
    found.push(next);
    for (const at of next.words) taken.add(at);
    if (!next.known) break;
  }
  if (found.length === 0 || !found.every((code) => code.known)) return found;
  const { known } = codesOf(deadlines);
  // "KLIK 05 og 06", "K53, 54 og 55": a bare number after a code is a code of the same letters.
  for (const code of [...found].sort((a, b) => Math.max(...a.words) - Math.max(...b.words))) {
    const prefix = code.key.replace(/\d.*$/, '');
    let at = Math.max(...code.words) + 1;
    while (at < words.length) {
      if (CODE_JOINERS.has((words[at] as Word).folded)) {
        at += 1;
        continue;
      }
      const folded = (words[at] as Word).folded;
      const key = /^\d{1,3}$/.test(folded) && !taken.has(at) ? `${prefix}${String(Number(folded))}` : '';
      if (key === '' || !known.has(key)) break;
      found.push({ key, typed: `${code.typed.replace(/\d.*$/, '').trim()} ${folded}`.trim(), known: true, words: [at] });
      taken.add(at);
      at += 1;
    }
  }
  // "K53-K55", "KLIK 01 til 04": the known codes between the two ends.
  for (const range of text.matchAll(CODE_RANGE)) {
    const prefix = fold(range[1] as string).replace(/ /g, '');
    const [from, to] = [Number(range[2]), Number(range[3])];
    if (!(from < to) || to - from > MOST_CODES_IN_RANGE || !known.has(`${prefix}${from}`) || !known.has(`${prefix}${to}`)) continue;
    for (let number = from + 1; number < to; number += 1) {
      const key = `${prefix}${number}`;
      if (known.has(key) && !found.some((code) => code.key === key)) found.push({ key, typed: `${range[1] as string}${number}`, known: true, words: [] });
    }
  }
  return found;
}

/** Words between codes of one list ("K53, K54 og K55"). */
const CODE_JOINERS = new Set(phrases('og and samt eller or plus')[0]);
/** Two codes with a dash or "til" between: a range ("K53-K55", "KLIK 01 til KLIK 04"). */
const CODE_RANGE = /\b([a-zæøå]{1,4})[ -]?0*(\d{1,3})\s*(?:-|–|—|til|to)\s*(?:[a-zæøå]{1,4})?[ -]?0*(\d{1,3})\b/giu;
/** A range longer than this is not a list of codes someone meant. */
const MOST_CODES_IN_RANGE = 20;

function codeIn(words: readonly Word[], deadlines: readonly Deadline[], taken: ReadonlySet<number> = new Set()): FoundCode | null {
  // A code ends in a word with a digit: most questions have none but "CH2" or "STS 2".
  const hasDigit = words.map((word) => /\d/.test(word.folded));
  if (!hasDigit.includes(true)) return null;
  const { known, prefixes } = codesOf(deadlines);
  let unknown: FoundCode | null = null;
  for (let length = 3; length >= 1; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      // A code starts with letters: "53" alone is no code, and neither is "klik" without a number.
      if (!hasDigit[start + length - 1] || !/^[a-z]/.test(words[start]!.folded)) continue;
      if (taken.size > 0 && Array.from({ length }, (_, offset) => start + offset).some((at) => taken.has(at))) continue;
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

const VENDOR_WORDS = new Set(phrases('leverandør leverandøren leverandører leverandørerne leverandørernes vendor vendors')[0]);

/** The words that spell a switch's target ("CH2", "CH 2", "Context Handler 2") and the dated items' solution of that name. */
function switchTargetNamed(words: readonly Word[], deadlines: readonly Deadline[]): FoundSolution | null {
  const target = deadlines.map((d) => d.solution).find((name) => fold(name) === 'context handler 2');
  // The vendors' spørgetimer have no days in the deck: the deck's sentence about them answers, not the municipalities' days.
  if (target === undefined || words.some((word) => VENDOR_WORDS.has(word.folded))) return null;
  const at: number[] = [];
  words.forEach((word, index) => {
    const next = words[index + 1]?.folded;
    if (word.folded === 'ch2') at.push(index);
    else if (word.folded === 'ch' && next === '2') at.push(index, index + 1);
    else if (word.folded === 'context' && next === 'handler') at.push(index, index + 1, ...(words[index + 2]?.folded === '2' ? [index + 2] : []));
  });
  return at.length === 0 ? null : { name: target, key: fold(target), isSystem: false, words: at, score: 1 };
}

interface FoundSolution {
  name: string;
  key: string;
  isSystem: boolean;
  words: number[];
  /** Named exactly (1), inflected or with a typo (less). */
  score: number;
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
    .mentions.find((m) => m.systems.length === 1 && m.score >= 0.85 && !splitWords(m.text).every((word) => isStopwordAsTyped(word.original)));
  const name = mention?.systems[0]?.name;
  if (name === undefined || mention === undefined) return null;
  const mentioned = new Set(phrases(mention.text)[0]);
  const used = words.flatMap((word, at) => (mentioned.has(word.folded) ? [at] : []));
  return { name, key: fold(name), isSystem: registry.find(name) !== undefined, words: used, score: mention.score };
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
    // "Begravelseshjælp" names "UDK Begravelseshjælp": a long last word of a solution's name is a name of it.
    const last = name.split(/\s+/).at(-1) ?? '';
    // "UDK" names "UDK Begravelseshjælp" too: a first word written as an acronym is a name of it.
    const first = name.split(/\s+/)[0] ?? '';
    const shortName = system === undefined && last !== name ? [...(last.length >= 8 ? [last] : []), ...(/^\p{Lu}{2,5}$/u.test(first) && !names.has(fold(first)) && registry.find(first) === undefined ? [first] : [])] : [];
    return {
      name, fullName: system?.fullName ?? null, aliases: [...(system?.aliases ?? solutionAliases(name)), ...shortName], owner: null, vendor: null, ch2Date: null, sts2Date: null,
      status: null, source: null, note: null, updatedAt: null,
    };
  });
  return new SystemMatcher(records);
}

/**
 * Words of the question found in the titles of the items ("spørgetime", "tilslutningsaftalen",
 * "logbøger"): the items every such word fits. Words no title has are passed over.
 */
function topicIn(
  words: readonly Word[],
  used: ReadonlySet<number>,
  items: readonly Deadline[],
  all: readonly Deadline[] = [],
): { typed: string; at: number; items: Set<Deadline>; agreeing: number[] } | null {
  let narrowed: Deadline[] = [...items];
  let typed: string | null = null;
  let typedAt = -1;
  /** Words the answer's titles have: those that narrowed, and those every item has ("bølge" of "FK OSS bølge 2"). */
  const agreeing: number[] = [];
  // "tell KOMBIT": an organisation is who, not what ("KOMBITs opdaterede databehandleraftaler").
  const organisationWords = new Set(organisationsIn(words).flatMap((organisation) => organisation.words));
  for (const [at, word] of words.entries()) {
    if (used.has(at) || /\d/.test(word.folded) || VOCABULARY.has(word.folded) || organisationWords.has(at)) continue;
    // An English word is looked for by the deck's Danish ones ("queue" → "køen").
    const danish = danishBeginnings(word.folded);
    if (danish.length === 0 && (word.folded.length < 5 || isStopword(word.folded))) continue;
    const stem = topicStem(word.folded);
    const stems = stem.length >= 4 ? [stem, ...danish] : danish;
    if (stems.length === 0) continue;
    const fits = narrowed.filter((item) => titleWords(item).some((titleWord) => stems.some((beginning) => titleWord.startsWith(beginning))));
    // A word every item has says nothing; a word none of the rest has contradicts them: pass both over.
    if (fits.length === narrowed.length && fits.length > 0) agreeing.push(at);
    const fitsIn = (item: Deadline) => titleWords(item).some((titleWord) => stems.some((beginning) => titleWord.startsWith(beginning)));
    // "kommunerne" is in many titles ("kommunens"): it says who, and picks no other items.
    const fitsElsewhere = () => typed === null && (danish.length > 0 || stem.length >= 6) && categoryOfWord(word.folded) === null && !WHO_WORDS.has(word.folded) && !items.some(fitsIn) && all.find((item) => !items.includes(item) && fitsIn(item));
    if (fits.length === 0 && fitsElsewhere()) {
      // A word of other items' titles ("driving" → Køreprøvebooking, asked about go-lives): it asks about
      // something these items are not, so none of them answers it.
      const other = fitsElsewhere() as Deadline;
      typed ??= other.title.split(/[^\p{L}\p{N}]+/u).find((titleWord) => stems.some((beginning) => fold(titleWord).replace(/ /g, '').startsWith(beginning))) ?? word.original;
      if (typedAt === -1) typedAt = at;
      agreeing.push(at);
      narrowed = [];
      break;
    }
    if (fits.length === 0 || fits.length === narrowed.length) continue;
    narrowed = fits;
    agreeing.push(at);
    if (typed === null) {
      // Named in the data's own word ("Informationsmøde"), not the question's inflection ("informationsmødet").
      typed = (fits[0] as Deadline).title.split(/[^\p{L}\p{N}]+/u).find((titleWord) => stems.some((beginning) => fold(titleWord).replace(/ /g, '').startsWith(beginning))) ?? word.original;
      typedAt = at;
    }
  }
  if (typed === null) return agreeing.length > 0 ? { typed: '', at: -1, items: new Set(narrowed), agreeing } : null;
  return { typed, at: typedAt, items: new Set(narrowed), agreeing };
}

/** The topic found is a whole word of its items' titles, as typed or inflected. */
function namesTitleWord(words: readonly Word[], topic: ReturnType<typeof topicIn>): boolean {
  if (topic === null || topic.typed === '') return false;
  return [topic.at, ...topic.agreeing].some((at) => {
    const folded = (words[at] as Word).folded;
    const asked = topicStem(folded);
    // An English word by the deck's Danish one ("purposes" → "formål") is curated, so whole enough.
    const danish = danishBeginnings(folded);
    return [...topic.items].some((item) => titleWords(item).some((titleWord) => topicStem(titleWord) === asked || danish.some((beginning) => titleWord.startsWith(beginning))));
  });
}

/** A question word without its Danish ending, as compared with the beginnings of title words. */
function topicStem(folded: string): string {
  return folded.replace(/(erne|ene|ens|en|er|et|ne|e|n|s)$/, '');
}

const titleWords = perObject((deadline: Deadline) => fold(deadline.title).split(' '));

/** Days from today to a deadline, for "om 3 dage". */
export function daysUntil(deadline: Deadline, today: IsoDate): number | null {
  return deadline.deadline === null ? null : daysBetween(today, deadline.deadline);
}
