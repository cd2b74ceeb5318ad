import { stackCards } from '../../cards/compose.js';
import { messageCard } from '../../cards/textCards.js';
import type { ChatTurn, Reply, Understanding } from '../chat/types.js';
import type { Registry } from '../registry/registry.js';
import { organisationsIn } from '../text/organisations.js';
import { isStopword } from '../text/stopwords.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases, splitWords, type Word } from '../text/words.js';
import type { IsoDate } from '../time/calendarDate.js';
import { findPeriod, isPastTense } from '../time/period.js';

/**
 * Words that carry no content of their own in a question ("der", "gerne", "fortæl"), beside the
 * stop words: a reading need not use them. Content words ("klar", "koster", "ustabil") are not here,
 * so a reading that leaves one over has not understood the question.
 */
const FILLER = new Set(
  phrases(`der dér her som at så vel mon gerne bare lige egentlig faktisk helt godt fint nu da når hvornaar hvornar hvorfor
    kan kunne må maa får faar fik gøre gør give giver vide ved vise vis fortæl fortael fortælle sige siger hedder mig os
    noget nogle nogen hele hver hvert anden andet andre efter før inden under over mellem mod hos om op ud ind igen
    hvad hvordan hvilke hvilken hvem hvor var blev bliver være været er skal sker ske skete kom kommer komme holdt afholdt afholdes
    holdes overvejer overveje tænker spekulerer finde finder se ser ifm ift nævnt nævnes
    please pls tell show give know let lets where why how what which who was will be been being is are am the a an
    i me my we our you your us there here any some please hey municipalities municipality kommunerne and find look want mentioned came come comes held happen
    happened considering wondering back
    sig selv sin sit sine dens dets jer den det de denne dette disse en et ene første først sådan sådanne
    one two three first itself themselves become becomes became available tilgængelig tilgængelige tre fire data called named`)[0],
);
/**
 * Words that say what a question is about although they are common words: a reading that leaves one
 * aside ("hvornår skifter SAPA, og hvornår er fristen for K55" read as a deadline question alone) has
 * left a part of the question unanswered.
 */
const SIGNALS = new Set(
  phrases(`skifter skifte skiftet skiftede skift skiftes skiftedato overgang overgangen flytter flytte switch switches switched
    switching migrate migrates migrated migration ch ch2 sts sts2 nsis`)[0],
);
/** Short function words not shown back as what was understood. */
const FUNCTION_WORDS = new Set(phrases('til fra på i af for om og eller med to of in on at and or with by from')[0]);
/** A word shaped like a KLIK code ("K53", "MI15") or the number after a code's letters ("KLIK 05"). */
const CODE = /^[a-z]{1,4}\d{1,3}$/;
const CODE_LETTERS = new Set(['k', 'mi', 'klik']);

/** The reading policy: which words a reading left over, and how a question splits into parts. */
export function understanding(registry: () => Promise<Registry>, today: () => IsoDate, partly: Understanding['partly']): Understanding {
  return {
    async leftover(turn, used) {
      const { words } = turn;
      const mentioned = new Set<number>();
      for (const mention of (await registry()).matcher.findMentions(words).mentions) {
        for (let at = mention.start; at < mention.start + mention.length; at += 1) mentioned.add(at);
      }
      const organisations = new Set(organisationsIn(words).flatMap((organisation) => organisation.words));
      const period = new Set(findPeriod(words, today(), isPastTense(words), turn.text)?.words ?? []);
      const unknown: Word[] = [];
      const unused: Word[] = [];
      words.forEach((word, at) => {
        if (used.has(at) || organisations.has(at) || period.has(at)) return;
        const { folded } = word;
        if (mentioned.has(at) || isCode(words, at) || SIGNALS.has(folded)) unused.push(word);
        else if (!isStopword(folded) && !FILLER.has(folded) && !/^\d+$/.test(folded)) unknown.push(word);
      });
      return { unknown, unused };
    },
    parts(turn) {
      // Sentences ("… Kommune. Hvad er …"), clauses and "og": a full stop only between words, not in "29. jan" or "3.5".
      const texts = turn.text.split(/(?<=\p{L}{2})\.\s+(?=\p{Lu})|\s*[,;?!]\s*|\s+(?:og|and|samt|plus|&|\+|–|-)\s+/iu).map((part) => part.trim());
      const parts = texts.filter((part) => splitWords(part).length > 0 && !isPreamble(splitWords(part)));
      return parts.length < 2 ? [] : parts.map((text) => ({ ...turn, text, words: splitWords(text) }));
    },
    combine(turn, replies) {
      const text = replies.map((reply) => reply.text).join('\n\n');
      const cards = replies.map((reply) => reply.card ?? messageCard(reply.text.split('\n')));
      return { text, card: stackCards(cards) };
    },
    partly,
  };
}

/** A greeting or a word about the one asking ("Hej", "jeg er ny programleder i Kolding Kommune"): no question of its own. */
function isPreamble(words: readonly Word[]): boolean {
  if (words.some((word) => QUESTION_WORDS.has(word.folded))) return false;
  if (words.every((word) => GREETINGS.has(word.folded))) return true;
  return ABOUT_ME.has(words.slice(0, 3));
}

const GREETINGS = new Set(phrases('hej hejsa hi hello hey goddag godmorgen dav kære dear')[0]);
const ABOUT_ME = new PhraseIndex(phrases('jeg er', 'vi er', 'i am', 'im', 'we are', 'were', 'mit navn er', 'my name is').map((phrase) => [phrase, true] as [string[], true]));
const QUESTION_WORDS = new Set(phrases('hvad hvornår hvornaar hvem hvor hvilke hvilken hvordan hvorfor hvor mange what when who where which how why')[0]);

function isCode(words: readonly Word[], at: number): boolean {
  const folded = (words[at] as Word).folded;
  if (CODE.test(folded) && !isStopword(folded)) return true;
  // "KLIK 05", "K 53": the letters and the number are one code.
  if (/^\d{1,3}$/.test(folded)) return CODE_LETTERS.has(words[at - 1]?.folded ?? '');
  return CODE_LETTERS.has(folded) && /^\d{1,3}$/.test(words[at + 1]?.folded ?? '');
}

/** The words of a question that a reading used, as typed, without filler and function words. */
export function understoodWords(turn: ChatTurn, used: ReadonlySet<number>): string[] {
  return turn.words.filter((word, at) => used.has(at) && !FILLER.has(word.folded) && !FUNCTION_WORDS.has(word.folded)).map((word) => word.original);
}

/** True when a reading used nothing but names (and filler): "er FBS 2.0 klar?" read as "FBS". */
export function usedOnlyNames(turn: ChatTurn, used: ReadonlySet<number>, names: ReadonlySet<number>): boolean {
  return [...used].every((at) => names.has(at) || FILLER.has(turn.words[at]?.folded ?? '') || FUNCTION_WORDS.has(turn.words[at]?.folded ?? ''));
}

export type { Reply };
