import { perObject } from '../memo.js';
import type { Registry } from '../registry/registry.js';
import { fold } from '../text/fold.js';
import { organisationsIn } from '../text/organisations.js';
import { isStopword, isStopwordAsTyped } from '../text/stopwords.js';
import { phrases, type Word } from '../text/words.js';
import { askedKind, factTells, type AskedKind } from './askedKind.js';
import type { DeckFact } from './fact.js';

/** The facts a question asks about, and the words of the question that said so. */
export interface FactMatch {
  facts: DeckFact[];
  words: number[];
  /** The question asks for a name, a number or a day that none of the facts tells: say it is not known. */
  notTold: AskedKind | null;
}

const YEAR = /^(19|20)\d\d$/;
/**
 * Words never read as a system's name (so stop words) that still say what a question is about:
 * "vendors' systems" asks about the vendors.
 */
const NAMED_GROUPS = new Set(phrases('leverandør leverandøren leverandører leverandørerne leverandørernes vendor vendors')[0]);
const SWITCH_WORDS = new Set(phrases('skifter skifte skift skiftes skiftedato flytter flytte switch switches switching migrate migrates')[0]);
/** A subject and the names in it: "SAPA og Borgerblikket" is about Borgerblikket too. */
const subjectParts = (subject: string) => [subject, ...subject.split(/\s+og\s+|\s+and\s+|\s*[,/&]\s*/)].map((part) => fold(part.trim()));
/** A word that says what a question is about, not only how it asks. */
const isStrong = (folded: string) => (!isStopword(folded) || NAMED_GROUPS.has(folded)) && !YEAR.test(folded);
/** Other names of the facts' subjects that are no system ("CH2" for Context Handler 2). */
const SUBJECT_NAMES = new Map<string, string[][]>([['contexthandler2', phrases('ch2', 'ch 2', 'context handler', 'ny context handler', 'nsis context handler')]]);
/** Words that ask for a reason. */
const REASON_WORDS = new Set(phrases('hvorfor why')[0]);
/** Words that name a date without asking for one ("no CH2 date in the list"); "hvilken dato" asks. */
const DATE_NOUNS = new Set(phrases('dato datoen date')[0]);
/** At most this many facts answer one question. */
const MOST_FACTS = 3;
/** A subject with this many facts or fewer is answered with all of them. */
const SMALL_SUBJECT = 2;
/** Danish and English endings taken off before words are compared ("ustabilt", "koster", "prices"). */
const ENDINGS = /(erne|ene|ens|en|er|et|ne|e|s|t)$/;

function stem(folded: string): string {
  return folded.length > 5 ? folded.replace(ENDINGS, '') : folded;
}

/** A question word says a keyword: the same stem, or one begins the other ("buddyordningen", "buddy"). */
function says(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (word.length < 4 || keyword.length < 4) return false;
  const [a, b] = [stem(word), stem(keyword)];
  if (a === b) return true;
  // A compound that begins with the keyword ("buddyordningen", "buddyordning"), not any long word
  // that shares a beginning ("kommuner", "kommunebesøg").
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= 5 && shorter.length >= longer.length * 0.6 && longer.startsWith(shorter);
}

/** A question word names a subject's word: the same word, or the same stem ("SAPAs", "Køreprøvebookingen"). */
function namesWord(word: string, subjectWord: string): boolean {
  return word === subjectWord || (word.length >= 4 && stem(word) === stem(subjectWord));
}

interface PreparedFact {
  fact: DeckFact;
  subject: string[];
  /** Keywords of one word. */
  keywords: string[];
  /** Keywords of several words ("go/no go", "hvor mange"): said only together, in order. */
  phrases: string[][];
}

const prepared = perObject((facts: readonly DeckFact[]): PreparedFact[] =>
  facts.map((fact) => ({
    fact,
    subject: phrases(fact.subject)[0] ?? [],
    keywords: fact.keywords.map((keyword) => phrases(keyword)[0] ?? []).filter((words) => words.length === 1).map((words) => words[0] as string),
    phrases: fact.keywords.map((keyword) => phrases(keyword)[0] ?? []).filter((words) => words.length > 1),
  })),
);

/** Prefixes of a stem long enough to stand for it in a compound ("buddyordning" in "buddyordningen"). */
function compoundPrefixes(stemmed: string): string[] {
  const prefixes: string[] = [];
  for (let length = Math.max(5, Math.ceil(stemmed.length * 0.6)); length <= stemmed.length; length += 1) prefixes.push(stemmed.slice(0, length));
  return prefixes;
}

/** The facts by their keywords, as `says` compares them: whole words, stems, and stems a compound begins with. */
const keywordIndex = perObject((facts: readonly PreparedFact[]) => {
  const byWord = new Map<string, Set<PreparedFact>>();
  const byStem = new Map<string, Set<PreparedFact>>();
  const byPrefix = new Map<string, Set<PreparedFact>>();
  const add = (map: Map<string, Set<PreparedFact>>, key: string, fact: PreparedFact) => map.set(key, (map.get(key) ?? new Set()).add(fact));
  for (const fact of facts) {
    for (const keyword of fact.keywords) {
      add(byWord, keyword, fact);
      if (keyword.length < 4) continue;
      const stemmed = stem(keyword);
      add(byStem, stemmed, fact);
      for (const prefix of compoundPrefixes(stemmed)) add(byPrefix, prefix, fact);
    }
  }
  // Several-word keywords by their first word, as typed or by its stem.
  const phrasesByFirst = new Map<string, { fact: PreparedFact; phrase: string[] }[]>();
  for (const fact of facts) {
    for (const phrase of fact.phrases) {
      const first = phrase[0] as string;
      for (const key of new Set([first, stem(first)])) phrasesByFirst.set(key, [...(phrasesByFirst.get(key) ?? []), { fact, phrase }]);
    }
  }
  return {
    phrasesStartingWith(word: string): { fact: PreparedFact; phrase: string[] }[] {
      const exact = phrasesByFirst.get(word) ?? [];
      const stemmed = word.length >= 4 ? (phrasesByFirst.get(stem(word)) ?? []) : [];
      return stemmed.length === 0 ? exact : [...new Set([...exact, ...stemmed])];
    },
    lookup(word: string): Set<PreparedFact> {
      const found = new Set(byWord.get(word) ?? []);
      if (word.length < 4) return found;
      const stemmed = stem(word);
      for (const fact of byPrefix.get(stemmed) ?? []) found.add(fact);
      for (const prefix of compoundPrefixes(stemmed)) for (const fact of byStem.get(prefix) ?? []) found.add(fact);
      return found;
    },
  };
});

/** Where the question names the subject: its words, or a system of that name written any way (an alias, a typo). */
function subjectWords(words: readonly Word[], fact: PreparedFact, registry: Registry | null): number[] {
  const named = subjectPhrase(words, fact, registry);
  if (named.length === 0 || registry === null) return named;
  // The whole name as typed: "FBS 2.0" names FBS, and its "2.0" is part of the name.
  const mention = registry.matcher.findMentions(words).mentions.find((m) => named.some((at) => at >= m.start && at < m.start + m.length));
  return mention ? [...new Set([...named, ...Array.from({ length: mention.length }, (_, offset) => mention.start + offset)])] : named;
}

function subjectPhrase(words: readonly Word[], fact: PreparedFact, registry: Registry | null): number[] {
  const { subject } = fact;
  for (let start = 0; subject.length > 0 && start + subject.length <= words.length; start += 1) {
    // "does" folds like "DOS": a word written as a common word names no subject.
    if (subject.length === 1 && isStopwordAsTyped(words[start]?.original ?? '')) continue;
    if (subject.every((part, offset) => words[start + offset]?.folded === part || (offset === subject.length - 1 && namesWord(words[start + offset]?.folded ?? '', part)))) {
      return subject.map((_, offset) => start + offset);
    }
  }
  if (registry === null) return [];
  for (const name of SUBJECT_NAMES.get(fold(fact.fact.subject).replace(/ /g, '')) ?? []) {
    for (let start = 0; start + name.length <= words.length; start += 1) {
      if (name.every((part, offset) => words[start + offset]?.folded === part)) return name.map((_, offset) => start + offset);
    }
  }
  const key = fold(fact.fact.subject);
  const mention = registry.matcher.findMentions(words).mentions.find((m) => m.systems.some((system) => fold(system.name) === key));
  return mention ? Array.from({ length: mention.length }, (_, offset) => mention.start + offset) : [];
}

/** The names a question gives (systems, organisations, the facts' subjects): a fact about another one does not answer it. */
function namedSubjects(words: readonly Word[], facts: readonly PreparedFact[], registry: Registry | null): Set<string> {
  const named = new Set<string>();
  for (const mention of registry?.matcher.findMentions(words).mentions ?? []) for (const system of mention.systems) named.add(fold(system.name));
  // A municipality is a subject of its own; KOMBIT, an agency or a vendor is named inside facts about something else ("Who did KOMBIT work with …").
  const inside = new Set<string>();
  for (const organisation of organisationsIn(words)) (organisation.kind === 'municipality' ? named : inside).add(fold(organisation.name));
  for (const fact of facts) if (!inside.has(fold(fact.fact.subject)) && subjectWords(words, fact, null).length > 0) named.add(fold(fact.fact.subject));
  return named;
}

/**
 * The deck's facts a question asks about: those whose keywords it says (a keyword that is a question
 * word, "hvorfor", counts only beside another), about the subject it names if it names one. Null when
 * none fits, so that no fact about something else is given as the answer.
 */
export function matchFacts(words: readonly Word[], facts: readonly DeckFact[], registry: Registry | null): FactMatch | null {
  const all = prepared(facts);
  const index = keywordIndex(all);
  // Which words of the question say which fact's keywords: looked up by stem, not compared with every keyword.
  const hitsOf = new Map<PreparedFact, { hits: number[]; strong: number; loose?: number }>();
  words.forEach((word, at) => {
    // A year ("2025") is a period's word, not a topic.
    const strong = isStrong(word.folded);
    for (const fact of index.lookup(word.folded)) {
      const entry = hitsOf.get(fact) ?? { hits: [], strong: 0 };
      entry.hits.push(at);
      if (strong) entry.strong += 1;
      // Only the beginning of a compound ("programleder" in "programledermødet") says less than the word itself.
      if (strong && !fact.keywords.some((keyword) => keyword === word.folded || (keyword.length >= 4 && stem(keyword) === stem(word.folded)))) entry.loose = (entry.loose ?? 0) + 1;
      hitsOf.set(fact, entry);
    }
  });
  words.forEach((first, start) => {
    for (const { fact, phrase } of index.phrasesStartingWith(first.folded)) {
      if (start + phrase.length > words.length) continue;
      {
        if (!phrase.every((part, offset) => says((words[start + offset] as Word).folded, part))) continue;
        const entry = hitsOf.get(fact) ?? { hits: [], strong: 0 };
        const at = phrase.map((_, offset) => start + offset);
        entry.hits.push(...at);
        if (at.some((index) => !isStopword((words[index] as Word).folded))) entry.strong += 1;
        hitsOf.set(fact, entry);
      }
    }
  });
  let named: Set<string> | null = null;
  let best: { score: number; facts: DeckFact[]; words: Set<number> } | null = null;
  const asked = askedKind(words);
  const asksReason = words.some((word) => REASON_WORDS.has(word.folded));
  // "no CH2 date in the list" names a date; "hvornår", "when" asks for one.
  const asksKind = asked !== null && (asked.kind !== 'when' || asked.words.some((at) => !DATE_NOUNS.has((words[at] as Word).folded)));
  const numbered = numberedWords(words);
  // "hvornår skifter Aarhus til Context Handler 2?" is a switch question, not one about CH2's facts.
  const asksSwitch = words.some((word) => SWITCH_WORDS.has(word.folded));
  // The systems the question names, by any of their names ("FK ORG" for FK Organisation), found once.
  let mentioned: Set<string> | null = null;
  const namesSystemOf = (fact: PreparedFact) => {
    mentioned ??= new Set((registry?.matcher.findMentions(words).mentions ?? []).flatMap((m) => m.systems.map((system) => fold(system.name))));
    return mentioned.has(fold(fact.fact.subject));
  };
  const namesMentionedSystem = (fact: PreparedFact) => {
    mentioned ??= new Set((registry?.matcher.findMentions(words).mentions ?? []).flatMap((m) => m.systems.map((system) => fold(system.name))));
    return mentioned.size > 0 && textNames(fact.fact, mentioned);
  };
  for (const fact of all) {
    // "hvem er direktør i KOMBIT?", "what does FK ORG cost?": a subject named, asked for a name, a number, a day or a price.
    const found = hitsOf.get(fact) ?? (asked !== null && !asksSwitch && (subjectWords(words, fact, null).length > 0 || namesSystemOf(fact)) ? { hits: [], strong: 0 } : undefined);
    if (found === undefined || (found.strong === 0 && asked === null)) continue;
    // "wave 2" is not asked about in a fact of "wave 1".
    if (contradictsNumber(fact, numbered)) continue;
    const subject = subjectWords(words, fact, registry);
    // The subject's own name ("FBS 2.0" among FBS's keywords) is the subject, not a keyword said.
    const hits = [...new Set(found.hits)].filter((at) => !subject.includes(at));
    const strong = Math.min(found.strong, hits.filter((at) => isStrong((words[at] as Word).folded)).length);
    // Only the subject named: about a topic only the deck knows ("hvad er buddyordningen?"), its facts answer;
    // a system's name alone is a switch question.
    // "hvad koster FK OSS?": a price asked of a system is answered by its facts, saying the price is not known.
    if (strong === 0 && (subject.length === 0 || (registry?.find(fact.fact.subject) !== undefined && asked?.kind !== 'price'))) continue;
    let aside = 0;
    if (subject.length === 0) {
      named ??= namedSubjects(words, all, registry);
      // "Hvad koster SAPA?" is not answered with what DOS costs; a fact whose own sentence names SAPA
      // ("Op til SAPAs release …" about the 2FA tasks) speaks of it, below a fact about SAPA itself.
      if (named.size > 0 && !subjectParts(fact.fact.subject).some((part) => named?.has(part))) {
        if (!textNames(fact.fact, named)) continue;
        aside = 1.5;
      }
    }
    // Of the facts about what was asked, the one that tells what is asked for: a name for "hvem", a day for
    // "hvornår", a reason for "hvorfor" (the facts that give one say "hvorfor" among their keywords).
    // A system the question names in the fact's own sentence ("NemRefusion" in the plan's list) speaks of it too.
    const answersAsked =
      (asksKind && factTells(fact.fact, asked) ? 1.5 : 0) +
      (asksReason && fact.keywords.some((keyword) => REASON_WORDS.has(keyword)) ? 1 : 0) +
      (subject.length > 0 && namesMentionedSystem(fact) ? 1 : 0);
    const score = strong * 2 - Math.min(found.loose ?? 0, strong) * 0.5 + (hits.length - strong) * 0.5 + (subject.length > 0 ? 2 : 0) - aside + answersAsked;
    const used = new Set([...hits, ...subject]);
    if (best === null || score > best.score + 1e-9) best = { score, facts: [fact.fact], words: used };
    else if (Math.abs(score - best.score) < 1e-9 && best.facts.length < MOST_FACTS) {
      best.facts.push(fact.fact);
      for (const at of used) best.words.add(at);
    }
  }
  if (best === null) return null;
  for (const at of asked?.words ?? []) best.words.add(at);
  // A subject the deck says little about is shown whole: "hvem kan jeg kontakte hos KOMBIT?" gets the mail and the Teams room.
  const subjects = new Set(best.facts.map((fact) => fold(fact.subject)));
  if (subjects.size === 1) {
    const about = facts.filter((fact) => subjects.has(fold(fact.subject)));
    if (about.length <= SMALL_SUBJECT) for (const fact of about) if (!best.facts.includes(fact)) best.facts.push(fact);
  }
  // The fact's own words are read too: "per citizen" in "what does DOS cost per citizen?" is in its text.
  const told = best.facts.flatMap((fact) => textWords(fact));
  words.forEach((word, at) => {
    if (word.folded.length >= 4 && told.some((toldWord) => says(word.folded, toldWord))) best.words.add(at);
  });
  const notTold = asksKind && asked !== null && !best.facts.some((fact) => factTells(fact, asked)) ? asked.kind : null;
  return { facts: best.facts, words: [...best.words].sort((a, b) => a - b), notTold };
}

/** A word followed by a number in the question ("bølge 2", "wave 2", "release 3"): the word folded, and the number. */
function numberedWords(words: readonly Word[]): Map<string, string> {
  const numbered = new Map<string, string>();
  words.forEach((word, at) => {
    const next = words[at + 1]?.folded;
    if (next !== undefined && /^\d+$/.test(next) && /^\p{L}{3,}$/u.test(word.folded)) numbered.set(stem(word.folded), next);
  });
  return numbered;
}

/** A fact whose keywords number the word the question numbers otherwise ("bølge 1" for "bølge 2"), and never as asked. */
function contradictsNumber(fact: PreparedFact, numbered: ReadonlyMap<string, string>): boolean {
  if (numbered.size === 0) return false;
  let other = false;
  for (const phrase of fact.phrases) {
    if (phrase.length !== 2 || !/^\d+$/.test(phrase[1] as string)) continue;
    const asked = numbered.get(stem(phrase[0] as string));
    if (asked === undefined) continue;
    if (asked === phrase[1]) return false;
    other = true;
  }
  return other;
}

/** The fact's Danish sentence names one of the subjects, as a word or the start of one ("SAPAs"). */
function textNames(fact: DeckFact, named: ReadonlySet<string>): boolean {
  const folded = foldedText(fact);
  // "databehandleraftaler" is named by "databehandleraftale" in the sentence: compared without the ending.
  return [...named].some((name) => name.length >= 3 && new RegExp(`(^|[^a-z0-9])${stem(name.replace(/[^a-z0-9 ]/g, ''))}`).test(folded));
}

const foldedText = perObject((fact: DeckFact): string => fold(fact.text));

const textWords = perObject((fact: DeckFact): string[] => [...new Set([...(phrases(fact.text)[0] ?? []), ...(phrases(fact.textEn)[0] ?? [])])]);

/** The facts about a subject (a system's or a solution's name), for "what is known" beside an empty answer. */
export function factsAbout(subjects: readonly string[], facts: readonly DeckFact[]): DeckFact[] {
  const keys = new Set(subjects.map((subject) => fold(subject)));
  return facts.filter((fact) => keys.has(fold(fact.subject)));
}
