import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases, splitWords, type Word } from '../text/words.js';
import type { DeckFact } from './fact.js';

/** What a question asks for: a name (who), a number (how many) or a day (when). */
export type AskedKind = 'who' | 'count' | 'when' | 'deadline' | 'price';
export const ASKED_KINDS = ['who', 'count', 'when', 'deadline', 'price'] as const;

const KINDS = new PhraseIndex<AskedKind>([
  ...phrases('hvem', 'who', 'whom', 'hvad hedder', 'hvad hedde', 'which are the', 'hvilke er de', 'navn', 'navne', 'navnet', 'navnene', 'name', 'names').map((phrase) => [phrase, 'who'] as [string[], AskedKind]),
  ...phrases('frist', 'fristen', 'deadline', 'deadlines', 'slutdato', 'due date').map((phrase) => [phrase, 'deadline'] as [string[], AskedKind]),
  ...phrases('koster', 'kostede', 'pris', 'prisen', 'cost', 'costs', 'price', 'how much').map((phrase) => [phrase, 'price'] as [string[], AskedKind]),
  ...phrases('hvor mange', 'how many', 'antal', 'antallet', 'number of').map((phrase) => [phrase, 'count'] as [string[], AskedKind]),
  ...phrases('hvornår', 'hvornaar', 'when', 'hvilken dato', 'hvilken dag', 'hvilken måned', 'what date', 'which date', 'what day', 'which day', 'which month', 'what month', 'dato', 'datoen', 'date')
    .map((phrase) => [phrase, 'when'] as [string[], AskedKind]),
]);

const BLANK: Word = { original: '', folded: '·' };
/** At most this many asking phrases are read in one question. */
const MOST_ASKING = 4;

/** The kind a question asks for and the words that said so; null for "what", "why", "where" … */
export function askedKind(words: readonly Word[]): { kind: AskedKind; words: number[]; noun: string | null } | null {
  const first = KINDS.find(words);
  if (first === null) return null;
  // Every phrase that asks: "how much does it cost" asks a price twice, "hvornår er fristen" a day as a deadline.
  const all = [first];
  let rest = words;
  for (let last = first; all.length < MOST_ASKING; ) {
    const blanked = last;
    rest = rest.map((word, index) => (index >= blanked.start && index < blanked.start + blanked.length ? BLANK : word));
    const next = KINDS.find(rest);
    if (next === null) break;
    all.push(next);
    last = next;
  }
  const kind = first.value === 'when' && all.some((found) => found.value === 'deadline') ? 'deadline' : first.value;
  const at = all
    .filter((found) => found.value === kind || (kind === 'deadline' && found.value === 'when'))
    .flatMap((found) => Array.from({ length: found.length }, (_, offset) => found.start + offset))
    .sort((a, b) => a - b);
  // "hvor mange kommuner": the thing counted, which the fact's number must count.
  const noun = kind === 'count' ? (words[first.start + first.length]?.folded ?? null) : null;
  return { kind, words: at, noun };
}

const DAY = /\b\d{1,2}\/\d{1,2}\b|\b\d{1,2}[.-]\d{1,2}[.-]\d{2,4}\b|\b\d{1,2}\.?\s+(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|january|february|march|may|june|july|october|jan|feb|mar|apr|jun|jul|aug|sep|okt|oct|nov|dec)\b|\b(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|january|february|march|april|may|june|july|august|september|october|november|december)\b|\buge\s*\d|\bweeks?\s*\d|\b(19|20)\d\d\b/i;
/** A price in the deck's Danish: "32 ører", "kr.", "pris". */
const PRICE = /\bpris|\d\s*(mia\.?|mio\.?|milliarder|millioner)?\s*(ører|øre|kr\.?|kroner)(?!\p{L})/iu;
const DEADLINE = /frist|deadline|slutdato|senest|sign by|by \d/i;
const stemOf = (folded: string) => folded.replace(/(erne|ene|er|e|s)$/, '').slice(0, 6);

/**
 * Whether a fact tells what was asked: a day (its day, or a day, week, month or year in its text), a
 * number of the thing counted ("16 kommuner" for "hvor mange kommuner"), or a name (the facts that
 * name people or organisations say so in `tells`).
 */
export function factTells(fact: DeckFact, asked: { kind: AskedKind; noun: string | null }): boolean {
  if (fact.tells?.includes(asked.kind)) return true;
  if (fact.doesNotTell?.includes(asked.kind)) return false;
  switch (asked.kind) {
    case 'when':
      return fact.day !== null || DAY.test(fact.text) || DAY.test(fact.textEn);
    case 'count': {
      for (const text of [fact.text, fact.textEn]) {
        const words = splitWords(text);
        // "hvor mange procent": a share written with "%".
        if ((asked.noun === 'procent' || asked.noun === 'percent') && /\d\s*%/.test(text)) return true;
        for (const [at, word] of words.entries()) {
          if (!/^\d+$/.test(word.folded) && !NUMBER_WORDS.has(word.folded)) continue;
          const next = words[at + 1]?.folded;
          if (next === undefined) continue;
          if (asked.noun === null || stemOf(next) === stemOf(asked.noun) || (COUNTED_SAME.get(asked.noun) ?? []).includes(stemOf(next))) return true;
        }
      }
      return false;
    }
    case 'deadline':
      return DEADLINE.test(fact.text) || DEADLINE.test(fact.textEn);
    case 'price':
      return PRICE.test(fact.text);
    case 'who':
      return false;
  }
}

const NUMBER_WORDS = new Set(phrases('to tre fire fem seks syv otte ni ti two three four five six seven eight nine ten')[0]);
/** An English noun counted by the Danish word of the deck's text. */
const COUNTED_SAME = new Map<string, string[]>([
  ['municipalities', ['kommun']],
  ['tasks', ['klik', 'opgav']],
  ['meetings', ['mode', 'moder']],
]);
