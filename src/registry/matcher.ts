import { distance } from 'fastest-levenshtein';
import { isStopword } from '../text/stopwords.js';
import { splitWords, type Word } from '../text/words.js';
import { perObject } from '../memo.js';
import { DeletionIndex } from './deletionIndex.js';
import type { SystemRecord } from './system.js';

/** How sure a match is: an exact word beats an inflected one beats a typo beats part of a name. */
const SCORE = { exact: 1, inflected: 0.95, typo: 0.85, partial: 0.5 } as const;
/** Words this short are only ever matched exactly: "KY" inside "sky" or "kys" is not KY. */
const SHORTEST_TYPO_WORD = 4;
/** From this length a word may carry two typos instead of one. */
const TWO_TYPO_LENGTH = 8;
/**
 * Longer words are matched exactly only: finding typos costs time in the square of a word's length,
 * and no name has a word this long.
 */
const LONGEST_TYPO_WORD = 40;
/** "Did you mean" compares at most this many characters of a question. */
const LONGEST_CLOSEST_QUERY = 120;
/** Danish and English endings people put on names: "SAPAs", "systemet", "Aulas". */
const ENDINGS = ['ernes', 'erne', 'ens', 'ets', 'en', 'et', 'er', 's', 'e'];

interface NameEntry {
  system: SystemRecord;
  tokens: string[];
}

interface SpanMatch {
  start: number;
  length: number;
  score: number;
  system: SystemRecord;
}

/** A place in the question that names one system, or several equally well (then it is ambiguous). */
export interface Mention {
  start: number;
  length: number;
  score: number;
  systems: SystemRecord[];
  text: string;
}

export interface MentionSearch {
  readonly mentions: readonly Mention[];
  /** Words of the question that no mention covers. */
  readonly rest: readonly Word[];
}

/**
 * Finds the systems a question names. Built once per registry: exact words in a map, and every
 * one-letter deletion of each name word in a compact index (symmetric deletion), so a typo is found
 * without comparing the question with every name.
 */
export class SystemMatcher {
  private readonly byFirstToken = new Map<string, NameEntry[]>();
  private readonly nameTokens = new Set<string>();
  /** Name words by what is left without one of the ENDINGS: "sygedagpengesystem" → "sygedagpengesystemet". */
  private readonly byStem = new Map<string, string[]>();
  /** One-letter deletions of the name words long enough to carry a typo. */
  private readonly deletions: DeletionIndex;
  /** Whole names without spaces, for "did you mean". */
  private readonly compactNames: CompactName[] = [];
  /** The same names by their first two and last three letters and as a whole; built when first asked. */
  private compactIndex: CompactIndex | null = null;
  /** Searches by the word list of a turn: several features read the same turn's words. */
  private readonly searchOnce = perObject((words: readonly Word[]) => this.search(words));

  constructor(systems: readonly SystemRecord[]) {
    const typoWords = new Set<string>();
    for (const system of systems) {
      const names = [system.name, system.fullName, ...system.aliases].filter((name): name is string => !!name);
      const seen = new Set<string>();
      for (const name of names) {
        const tokens = splitWords(name).map((word) => word.folded);
        if (tokens.length === 0) continue;
        this.addEntry(system, tokens, seen, typoWords);
        // "FKORG", "FK-ORG" and "FK ORG" all name FK Organisation's alias "FK ORG".
        if (tokens.length > 1) this.addEntry(system, [tokens.join('')], seen, typoWords);
      }
    }
    this.deletions = new DeletionIndex(typoWords);
  }

  private addEntry(system: SystemRecord, tokens: string[], seen: Set<string>, typoWords: Set<string>): void {
    const key = tokens.join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    const first = tokens[0] as string;
    const list = this.byFirstToken.get(first) ?? [];
    list.push({ system, tokens });
    this.byFirstToken.set(first, list);
    if (tokens.length === 1) {
      this.compactNames.push({ compact: first, system });
    }
    for (const token of tokens) {
      if (this.nameTokens.has(token)) continue;
      this.nameTokens.add(token);
      if (token.length >= SHORTEST_TYPO_WORD) typoWords.add(token);
      for (const ending of ENDINGS) {
        if (token.length - ending.length >= SHORTEST_TYPO_WORD && token.endsWith(ending)) pushTo(this.byStem, token.slice(0, -ending.length), token);
      }
    }
  }

  /** The name words a question word may stand for, with how sure that is. */
  private candidatesOf(word: Word): Map<string, number> {
    const candidates = new Map<string, number>();
    const offer = (token: string, score: number) => {
      if (this.nameTokens.has(token) && (candidates.get(token) ?? 0) < score) candidates.set(token, score);
    };
    const folded = word.folded;
    offer(folded, SCORE.exact);
    if (isStopword(folded)) return candidates;
    // A short name takes an ending only when typed as a name: "KYs" is KY's, "kys" is a kiss.
    let typedAsName: boolean | undefined;
    for (const ending of ENDINGS) {
      if (!folded.endsWith(ending)) continue;
      const stem = folded.slice(0, -ending.length);
      if (stem.length >= SHORTEST_TYPO_WORD || (stem.length >= 2 && (typedAsName ??= /^\p{Lu}{2}/u.test(word.original)))) {
        offer(stem, SCORE.inflected);
      }
    }
    // The other way round: "sygedagpengesystem" for the alias "Sygedagpengesystemet".
    if (folded.length >= SHORTEST_TYPO_WORD) for (const token of this.byStem.get(folded) ?? []) offer(token, SCORE.inflected);
    if (folded.length >= SHORTEST_TYPO_WORD && folded.length <= LONGEST_TYPO_WORD) {
      const maxTypos = folded.length >= TWO_TYPO_LENGTH ? 2 : 1;
      const variants = deletionsOf(folded);
      // One letter too many: "Aulla" for Aula.
      for (const variant of variants) if (variant.length >= SHORTEST_TYPO_WORD) offer(variant, SCORE.typo);
      for (const variant of [folded, ...variants]) {
        for (const token of this.deletions.wordsWithDeletion(variant)) {
          if (candidates.has(token)) continue;
          if (token.length < SHORTEST_TYPO_WORD) continue;
          if (isTranspositionOf(folded, token) || distance(folded, token) <= maxTypos) offer(token, SCORE.typo);
        }
      }
    }
    return candidates;
  }

  /** Every system the question names, best and longest first, without overlaps. */
  findMentions(words: readonly Word[]): MentionSearch {
    return this.searchOnce(words);
  }

  private search(words: readonly Word[]): MentionSearch {
    const candidates = words.map((word) => this.candidatesOf(word));
    const matches: SpanMatch[] = [];
    words.forEach((_, start) => {
      for (const [firstToken, firstScore] of candidates[start] ?? []) {
        for (const entry of this.byFirstToken.get(firstToken) ?? []) {
          const match = matchEntry(entry, start, firstScore, candidates, words);
          if (match) matches.push(match);
        }
      }
    });
    return pickMentions(matches, words);
  }

  /**
   * The systems whose names are closest to `text`, for "did you mean"; at most `limit`. Compares
   * only with names that share a beginning, an ending or a typo-distance word, not all of them.
   */
  closest(text: string, limit = 3): SystemRecord[] {
    const query = splitWords(text)
      .map((word) => word.folded)
      .join('');
    if (query === '' || query.length > LONGEST_CLOSEST_QUERY) return [];
    const { byPrefix, bySuffix, byToken } = (this.compactIndex ??= indexCompactNames(this.compactNames));
    const nearby = new Set<CompactName>([
      ...(byPrefix.get(query.slice(0, 2)) ?? []),
      ...(bySuffix.get(query.slice(-3)) ?? []),
    ]);
    for (const variant of [query, ...deletionsOf(query)]) {
      for (const token of [variant, ...this.deletions.wordsWithDeletion(variant)]) {
        for (const name of byToken.get(token) ?? []) nearby.add(name);
      }
    }
    const ranked = new Map<SystemRecord, number>();
    for (const { compact, system } of nearby) {
      const similarity = distance(compact, query) / Math.max(compact.length, query.length);
      if (similarity <= 0.6 && similarity < (ranked.get(system) ?? Infinity)) ranked.set(system, similarity);
    }
    return [...ranked.entries()]
      .sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name, 'da'))
      .slice(0, limit)
      .map(([system]) => system);
  }
}

interface CompactName {
  compact: string;
  system: SystemRecord;
}

interface CompactIndex {
  byPrefix: Map<string, CompactName[]>;
  bySuffix: Map<string, CompactName[]>;
  byToken: Map<string, CompactName[]>;
}

/** Only a question naming no known system needs these: not built at start, where every millisecond counts. */
function indexCompactNames(names: readonly CompactName[]): CompactIndex {
  const index: CompactIndex = { byPrefix: new Map(), bySuffix: new Map(), byToken: new Map() };
  for (const name of names) {
    pushTo(index.byPrefix, name.compact.slice(0, 2), name);
    pushTo(index.bySuffix, name.compact.slice(-3), name);
    pushTo(index.byToken, name.compact, name);
  }
  return index;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function matchEntry(
  entry: NameEntry,
  start: number,
  firstScore: number,
  candidates: Map<string, number>[],
  words: readonly Word[],
): SpanMatch | null {
  let total = firstScore;
  let matched = 1;
  while (matched < entry.tokens.length) {
    const score = candidates[start + matched]?.get(entry.tokens[matched] as string);
    if (score === undefined) break;
    total += score;
    matched += 1;
  }
  if (matched === entry.tokens.length) return { start, length: matched, score: total / matched, system: entry.system };
  // Part of a longer name ("Socialt" for "Socialt Frikort") counts only when it is a real word of it.
  const first = words[start] as Word;
  if (firstScore < SCORE.exact || isStopword(first.folded) || first.folded.length < 2) return null;
  return { start, length: matched, score: SCORE.partial, system: entry.system };
}

function pickMentions(matches: SpanMatch[], words: readonly Word[]): MentionSearch {
  const bySpan = new Map<string, { start: number; length: number; score: number; systems: Set<SystemRecord> }>();
  for (const match of matches) {
    const key = `${match.start}:${match.length}`;
    const span = bySpan.get(key);
    if (!span || match.score > span.score + 1e-9) {
      bySpan.set(key, { start: match.start, length: match.length, score: match.score, systems: new Set([match.system]) });
    } else if (Math.abs(match.score - span.score) < 1e-9) {
      span.systems.add(match.system);
    }
  }
  const ordered = [...bySpan.values()].sort((a, b) => b.score - a.score || b.length - a.length || a.start - b.start);
  const covered = new Set<number>();
  const mentions: Mention[] = [];
  for (const span of ordered) {
    const indexes = Array.from({ length: span.length }, (_, offset) => span.start + offset);
    if (indexes.some((index) => covered.has(index))) continue;
    // A system already named better elsewhere in the question is not named again by a weaker span.
    const systems = [...span.systems].filter((system) => !mentions.some((m) => m.systems.length === 1 && m.systems[0] === system));
    if (systems.length === 0) continue;
    indexes.forEach((index) => covered.add(index));
    const text = indexes.map((index) => words[index]?.original ?? '').join(' ');
    mentions.push({ start: span.start, length: span.length, score: span.score, systems, text });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, rest: words.filter((_, index) => !covered.has(index)) };
}

function deletionsOf(token: string): string[] {
  const variants: string[] = [];
  for (let index = 0; index < token.length; index += 1) variants.push(token.slice(0, index) + token.slice(index + 1));
  return variants;
}

function isTranspositionOf(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differing: number[] = [];
  for (let index = 0; index < a.length && differing.length <= 2; index += 1) if (a[index] !== b[index]) differing.push(index);
  const [first, second] = differing;
  return (
    differing.length === 2 && first !== undefined && second === first + 1 && a[first] === b[second] && a[second] === b[first]
  );
}
