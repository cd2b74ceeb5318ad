/**
 * Which words become a given string when one letter is taken out ("symmetric deletion" typo search).
 *
 * A Map from every deletion to its words held about 400,000 strings for 5,000 systems: 50 MB of
 * heap that every full garbage collection had to walk. This keeps one 32-bit hash per deletion in a
 * hash table made of typed arrays (under 7 MB, which the collector does not walk), and checks each
 * hit against the word itself, so a hash collision never returns a word the string is not a deletion of.
 */
export class DeletionIndex {
  private readonly words: readonly string[];
  /** A chained hash table in typed arrays: the first entry of each slot, and per entry the next one. */
  private readonly firstInSlot: Int32Array;
  private readonly nextInSlot: Int32Array;
  private readonly hashes: Uint32Array;
  private readonly wordNumbers: Uint32Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    let deletions = 0;
    for (const word of this.words) deletions += word.length;
    // About one entry per slot: short chains, and no sorting at start.
    const slots = 2 ** Math.max(4, Math.ceil(Math.log2(deletions + 1)));
    this.mask = slots - 1;
    this.firstInSlot = new Int32Array(slots).fill(-1);
    this.nextInSlot = new Int32Array(deletions);
    this.hashes = new Uint32Array(deletions);
    this.wordNumbers = new Uint32Array(deletions);
    let entry = 0;
    this.words.forEach((word, number) => {
      for (const hash of deletionHashes(word)) {
        const slot = hash & this.mask;
        this.hashes[entry] = hash;
        this.wordNumbers[entry] = number;
        this.nextInSlot[entry] = this.firstInSlot[slot] as number;
        this.firstInSlot[slot] = entry;
        entry += 1;
      }
    });
  }

  /** The words that are `text` with one letter more. */
  wordsWithDeletion(text: string): string[] {
    const hash = hashOf(text);
    const found: string[] = [];
    for (let entry = this.firstInSlot[hash & this.mask] as number; entry !== -1; entry = this.nextInSlot[entry] as number) {
      if (this.hashes[entry] !== hash) continue;
      const word = this.words[this.wordNumbers[entry] as number] as string;
      // "aab" loses either "a" to the same "ab": one word is listed once.
      if (isOneDeletion(text, word) && !found.includes(word)) found.push(word);
    }
    return found;
  }
}

/**
 * A polynomial hash modulo 2^32: the hash of a word without its k-th letter is the hash of the letters
 * before it shifted by the length of the rest, plus the hash of the rest, so all deletions of a word
 * cost one pass instead of one pass each.
 */
const BASE = 0x01000193;

function hashOf(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (Math.imul(hash, BASE) + text.charCodeAt(index)) | 0;
  return hash >>> 0;
}

function deletionHashes(word: string): number[] {
  const length = word.length;
  // suffix[k]: the hash of word[k..]; power[j]: BASE^j.
  const suffix = new Array<number>(length + 1).fill(0);
  const power = new Array<number>(length + 1).fill(1);
  for (let index = length - 1; index >= 0; index -= 1) {
    const shift = length - 1 - index;
    power[shift + 1] = Math.imul(power[shift] as number, BASE);
    suffix[index] = (Math.imul(word.charCodeAt(index), power[shift] as number) + (suffix[index + 1] as number)) | 0;
  }
  const hashes: number[] = [];
  let prefix = 0;
  for (let skipped = 0; skipped < length; skipped += 1) {
    const restLength = length - 1 - skipped;
    hashes.push(((Math.imul(prefix, power[restLength] as number) + (suffix[skipped + 1] as number)) | 0) >>> 0);
    prefix = (Math.imul(prefix, BASE) + word.charCodeAt(skipped)) | 0;
  }
  return hashes;
}

/** Whether taking one letter out of `word` gives `text`. */
function isOneDeletion(text: string, word: string): boolean {
  if (word.length !== text.length + 1) return false;
  let index = 0;
  while (index < text.length && text.charCodeAt(index) === word.charCodeAt(index)) index += 1;
  return text.slice(index) === word.slice(index + 1);
}
