import assert from 'node:assert/strict';
import { generateRegistry, seeded } from '../../bench/generate.js';
import { DeletionIndex } from '../../src/registry/deletionIndex.js';
import { Registry } from '../../src/registry/registry.js';
import { splitWords } from '../../src/text/words.js';

/** The four slips of one key: a letter left out, one too many, one wrong, two swapped. */
function typosOf(word: string, random: () => number): string[] {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)] as string;
  const other = letter === word[at] ? 'q' : letter;
  return [
    word.slice(0, at) + word.slice(at + 1),
    word.slice(0, at) + letter + word.slice(at),
    word.slice(0, at) + other + word.slice(at + 1),
    word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2),
  ]
    .filter((typo) => typo !== word)
    // A slip that writes "ae", "oe" or "aa" reads as æ, ø or å (as people type them without a Danish
    // keyboard), which is not one letter away any more: those are the questions tests' cases.
    .filter((typo) => !/ae|oe|aa/i.test(typo) || /ae|oe|aa/i.test(word));
}

describe('typos in names, over a registry of thousands of systems', () => {
  const data = generateRegistry(3000, 11);
  const registry = new Registry(data);

  it('finds the system behind any one-letter slip in a word of its name', () => {
    const random = seeded(5);
    const missed: string[] = [];
    let asked = 0;
    for (let index = 0; index < data.systems.length; index += 15) {
      const system = data.systems[index]!;
      const [first, second] = system.fullName!.split(' ') as [string, string];
      for (const typo of typosOf(first, random)) {
        const question = `hvornår skifter ${typo} ${second} til CH2?`;
        const [mention] = registry.matcher.findMentions(splitWords(question)).mentions;
        asked += 1;
        if (!mention?.systems.includes(registry.find(system.name)!)) missed.push(question);
      }
    }
    assert.ok(asked > 500, `asked ${asked}`);
    assert.deepEqual(missed, []);
  });

  it('finds no system for a word far from every name', () => {
    const [mention] = registry.matcher.findMentions(splitWords('hvornår skifter Qxqxqx til CH2?')).mentions;
    assert.equal(mention, undefined);
  });
});

describe('the deletion index behind typo search', () => {
  it('lists exactly the words one letter longer that become the text, however many share it', () => {
    const random = seeded(3);
    // Two letters only: many words share each deletion, so every chain of the table is long.
    const words = Array.from({ length: 3000 }, () =>
      Array.from({ length: 3 + Math.floor(random() * 6) }, () => (random() < 0.5 ? 'a' : 'b')).join(''),
    );
    const index = new DeletionIndex(words);
    const distinct = [...new Set(words)];
    const queries = new Set<string>(['', 'c', 'abc', 'aaaaaaaaaaaa']);
    for (const word of distinct) for (let at = 0; at < word.length; at += 1) queries.add(word.slice(0, at) + word.slice(at + 1));
    for (const query of queries) {
      const expected = distinct.filter(
        (word) => word.length === query.length + 1 && [...word].some((_, at) => word.slice(0, at) + word.slice(at + 1) === query),
      );
      assert.deepEqual([...index.wordsWithDeletion(query)].sort(), expected.sort(), `for "${query}"`);
    }
  });
});
