import type { Mention } from '../registry/matcher.js';
import type { Registry } from '../registry/registry.js';
import type { SwitchTopic } from '../registry/system.js';
import { detectLanguage, type Lang } from '../i18n/language.js';
import { askedKind } from '../facts/askedKind.js';
import { isCommonWord } from '../text/commonWords.js';
import { isStopword } from '../text/stopwords.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases, splitWords, type Word } from '../text/words.js';
import type { IsoDate } from '../time/calendarDate.js';
import { organisationsIn, type NamedOrganisation } from '../text/organisations.js';
import { findPeriod, isPastTense, type Period } from '../time/period.js';

export type ListKind = 'missing' | 'switched' | 'planned' | 'all';

/** What a question asks, before anything is looked up. */
export interface Question {
  text: string;
  lang: Lang;
  topic: SwitchTopic;
  /** True when the question names Context Handler or STS at all. */
  namesSwitch: boolean;
  /** True when it asks about a switch or a date at all ("hvornår", "skifter", "date", "status" …). */
  asksAboutSwitch: boolean;
  /**
   * True when it speaks of the switch itself (CH2, STS, "skifter", "migrate"), not only of a time
   * ("hvornår"): then a word left over may be a system's name ("hvornår skifter nexus?"), where in
   * "hvornår skal vi teste?" it is not.
   */
  namesSwitchStrongly: boolean;
  /** Asks about Context Handler 1 or STS 1 (their closing), not about a system's switch. */
  aboutRetirement: boolean;
  mentions: readonly Mention[];
  period: Period | null;
  list: ListKind | null;
  /** Words that look like the name of a system the registry does not know. */
  unknownName: UnknownName | null;
  /** Organisations the question names (a municipality, KOMBIT, a vendor): never a system's name. */
  organisations: readonly NamedOrganisation[];
  /** The indexes of the words this reading used: names, periods, lists and the words of switch questions. */
  used: number[];
}

const index = (...written: string[]) => new PhraseIndex(phrases(...written).map((phrase) => [phrase, true] as [string[], true]));
const CH_PHRASES = index('ch', 'ch2', 'context handler', 'contexthandler', 'nsis', 'ny context handler');
const STS_PHRASES = index('sts', 'sts2', 'security token service', 'securitytokenservice');
const CH2_ONLY = index('ch2', 'ch 2', 'context handler 2');
const STS2_ONLY = index('sts2', 'sts 2', 'security token service 2');

const LIST_KINDS: [ListKind, string[][]][] = [
  [
    'missing',
    phrases(
      'mangler en dato', 'mangler dato', 'mangler datoer', 'uden dato', 'uden en dato', 'ingen dato', 'ikke har en dato',
      'ikke nogen dato', 'ukendt dato', 'missing a date', 'missing dates', 'missing date', 'without a date',
      'without dates', 'without date', 'no date', 'have no date', 'date unknown', 'unknown date', 'mangler',
      'missing', 'ukendte', 'unknown',
    ),
  ],
  [
    'switched',
    phrases(
      'allerede skiftet', 'har skiftet', 'er skiftet', 'skiftede', 'already switched', 'have switched', 'has switched',
      'switched', 'har flyttet', 'er flyttet', 'already moved', 'have moved',
    ),
  ],
  ['planned', phrases('planlagt', 'planlagte', 'kommende', 'planned', 'upcoming', 'scheduled', 'skal skifte', 'will switch')],
  ['all', phrases('alle systemer', 'alle systemerne', 'all systems', 'list systems', 'list of systems', 'liste over systemer', 'systemliste', 'every system')],
];
// Earlier kinds win where phrases of two kinds are in one question ("mangler" before "skiftede").
const LIST_PHRASES = LIST_KINDS.map(([kind, written]) => new PhraseIndex(written.map((phrase) => [phrase, kind] as [string[], ListKind])));

const SWITCH_QUESTION_WORDS = new Set(
  phrases(`hvornår skifter skifte skiftet skiftede skift skiftedato dato datoen status overgang flytter when switch switches
    switched switching date status move moves migrate migration`)[0],
);
const STRONG_SWITCH_WORDS = new Set(
  phrases(`skifter skifte skiftet skiftede skift skiftes skiftedato overgang overgangen flytter flytte switch switches switched
    switching migrate migrates migrated migration`)[0],
);
const RETIREMENT = index('ch1', 'ch 1', 'context handler 1', 'sts1', 'sts 1', 'security token service 1', 'nuværende context handler', 'gamle context handler', 'old context handler');
const NUMBER = /^\d+$/;
/** Every word of the phrases above: a question's word among them is read by this reading. */
const VOCABULARY = new Set([
  ...phrases('ch ch2 ch 2 context handler contexthandler nsis ny sts sts2 security token service securitytokenservice ch1 sts1 nuværende gamle old')[0]!,
  ...SWITCH_QUESTION_WORDS,
  ...STRONG_SWITCH_WORDS,
]);

/** Reads a question: language, which switch, which systems, which period or list. */
export function readQuestion(
  text: string,
  registry: Registry,
  today: IsoDate,
  locale?: string | null,
  words: readonly Word[] = splitWords(text),
): Question {
  // The turn's language (words, then the conversation's, then the default) overrides this in chat.
  const lang = detectLanguage(text, words);
  const { mentions, rest } = registry.matcher.findMentions(words);
  const pastTense = isPastTense(words);
  const periodMatch = findPeriod(words, today, pastTense, text);
  const periodWords = new Set((periodMatch?.words ?? []).map((index) => words[index]));
  const namesSwitch = CH_PHRASES.has(words) || STS_PHRASES.has(words);
  const listFound = LIST_PHRASES.map((kind) => kind.find(words)).find((found) => found !== null) ?? null;
  const list = listFound?.value ?? null;
  const organisations = organisationsIn(words);
  const organisationWords = new Set(organisations.flatMap((organisation) => organisation.words.map((at) => words[at])));
  const unknownName = unknownNameIn(rest.filter((word) => !periodWords.has(word) && !organisationWords.has(word)), words);
  const used = new Set<number>([...(periodMatch?.words ?? []), ...organisations.flatMap((organisation) => organisation.words)]);
  for (const mention of mentions) for (let at = mention.start; at < mention.start + mention.length; at += 1) used.add(at);
  if (listFound) for (let at = listFound.start; at < listFound.start + listFound.length; at += 1) used.add(at);
  words.forEach((word, at) => {
    if (VOCABULARY.has(word.folded)) used.add(at);
  });
  return {
    text,
    lang,
    topic: topicOf(words),
    namesSwitch,
    asksAboutSwitch: namesSwitch || words.some((word) => SWITCH_QUESTION_WORDS.has(word.folded)),
    namesSwitchStrongly: namesSwitch || words.some((word) => STRONG_SWITCH_WORDS.has(word.folded)),
    aboutRetirement: mentions.length === 0 && RETIREMENT.has(words),
    mentions,
    period: periodMatch?.period ?? null,
    list,
    unknownName,
    organisations,
    used: [...used],
  };
}

function topicOf(words: readonly Word[]): SwitchTopic {
  const ch = CH_PHRASES.has(words);
  const sts = STS_PHRASES.has(words);
  if (ch && !sts) return 'ch2';
  if (sts && !ch) return 'sts2';
  if (ch && sts) {
    // "STS2 for FK Organisation" names STS, while the alias "STS Organisation" only looks like it does.
    const ch2 = CH2_ONLY.has(words);
    const sts2 = STS2_ONLY.has(words);
    if (ch2 !== sts2) return ch2 ? 'ch2' : 'sts2';
  }
  return 'both';
}

/**
 * The words left after names, question words, common words and periods: a name the registry lacks. Words
 * written with a capital letter win ("hvornår skifter vores Nexus til CH2" → "Nexus"); more than
 * three plain words is a sentence, not a name.
 */
function unknownNameIn(rest: readonly Word[], words: readonly Word[]): UnknownName | null {
  // A common word, or a single letter (the "s" of "KOMBIT's"), is no name.
  const candidates = rest.filter((word) => !isStopword(word.folded) && !NUMBER.test(word.folded) && word.folded.length > 1 && !isCommonWord(word.folded));
  if (candidates.length === 0) return null;
  const capitalised = candidates.filter((word, index) => /\p{Lu}/u.test(word.original) && (index > 0 || candidates.length === 1));
  const chosen = capitalised.length > 0 ? capitalised : candidates;
  if (chosen.length > 3) return null;
  // Plain words scattered over a sentence ("did KOMBIT collect … somewhere") or a question for a person
  // ("hvem står for …") are words of the question, not a name the registry lacks.
  if (capitalised.length === 0 && (!contiguous(chosen, words) || askedKind(words)?.kind === 'who')) return null;
  // A bare capitalised name ("Nexus") is a question about it; bare lowercase words are not.
  const looksLikeName = capitalised.length > 0 && words.length <= 3;
  return { text: chosen.map((word) => word.original).join(' '), looksLikeName, words: new Set(chosen) };
}

/** The words stand side by side in the question. */
function contiguous(chosen: readonly Word[], words: readonly Word[]): boolean {
  const at = chosen.map((word) => words.indexOf(word)).sort((a, b) => a - b);
  return at.every((index, n) => n === 0 || index === (at[n - 1] as number) + 1);
}

export interface UnknownName {
  text: string;
  looksLikeName: boolean;
  words: ReadonlySet<Word>;
}
