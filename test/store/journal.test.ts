import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Journal } from '../../src/store/journal.js';

describe('the append-only journal', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fki-journal-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every one of many concurrent appends, each on its own line', async () => {
    const journal = new Journal<{ n: number }>(path.join(dir, 'nested', 'events.jsonl'));
    await Promise.all(Array.from({ length: 200 }, (_, n) => journal.append({ n })));
    const events = await journal.readAll();
    assert.deepEqual(events.map((event) => event.n).sort((a, b) => a - b), Array.from({ length: 200 }, (_, n) => n));
    assert.equal((await readFile(journal.file, 'utf8')).split('\n').filter(Boolean).length, 200);
  });

  it('skips a last line cut short by a crash, and reports a damaged line elsewhere', async () => {
    const journal = new Journal<{ n: number }>(path.join(dir, 'events.jsonl'));
    await journal.append({ n: 1 });
    await appendFile(journal.file, '{"n": 2, "broken\n');
    await journal.append({ n: 3 });
    await appendFile(journal.file, '{"n": 4');
    const damaged: number[] = [];
    const events = await journal.readAll((line) => damaged.push(line));
    assert.deepEqual(events, [{ n: 1 }, { n: 3 }]);
    assert.deepEqual(damaged, [2]);
  });

  it('reads an absent journal as empty', async () => {
    assert.deepEqual(await new Journal(path.join(dir, 'none.jsonl')).readAll(), []);
  });
});
