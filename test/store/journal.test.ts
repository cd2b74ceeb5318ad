import assert from 'node:assert/strict';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Journal, JournalProjection } from '../../src/store/journal.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';
import { captureLog } from '../support/logCapture.js';

type Event = { n: number };

async function projectionOf(file: string, log = captureLog().log) {
  const seen: number[] = [];
  const projection = await JournalProjection.open(new Journal<Event>(file, log), (event) => seen.push(event.n));
  return { projection, seen };
}

describe('the append-only journal', () => {
  const folder = temporaryFolderPerTest('journal');

  it('keeps every one of many concurrent records, each on its own line', async () => {
    const file = path.join(folder.path, 'nested', 'events.jsonl');
    const { projection, seen } = await projectionOf(file);
    await Promise.all(Array.from({ length: 200 }, (_, n) => projection.record({ n })));
    assert.equal(seen.length, 200);
    const reopened = await projectionOf(file);
    assert.deepEqual(reopened.seen.sort((a, b) => a - b), Array.from({ length: 200 }, (_, n) => n));
  });

  it('repairs a line cut short by a crash, so that the next event is not glued to it and lost', async () => {
    const file = path.join(folder.path, 'events.jsonl');
    await (await projectionOf(file)).projection.record({ n: 1 });
    await appendFile(file, '{"n": 2, "cut sh'); // the crash
    const captured = captureLog();
    const afterCrash = await projectionOf(file, captured.log);
    await afterCrash.projection.record({ n: 3 });

    const restarted = await projectionOf(file);
    assert.deepEqual(restarted.seen, [1, 3]);
    const aside = (await readdir(folder.path)).filter((name) => name.startsWith('events.jsonl.torn-'));
    assert.equal(aside.length, 1, 'the cut bytes are kept aside');
    assert.equal(await readFile(path.join(folder.path, aside[0]!), 'utf8'), '{"n": 2, "cut sh');
    assert.ok(captured.messages().some((message) => /cut short by a crash/.test(message)), 'the repair is logged');
  });

  it('reports a damaged line in the middle and goes on', async () => {
    const file = path.join(folder.path, 'events.jsonl');
    await writeFile(file, '{"n":1}\n{"n": 2, broken\n{"n":3}\n');
    const captured = captureLog();
    const { seen } = await projectionOf(file, captured.log);
    assert.deepEqual(seen, [1, 3]);
    const report = captured.entries.find((entry) => /damaged line/.test(String(entry.msg)));
    assert.ok(report, 'the damaged line is logged');
    assert.equal(report.file, file);
  });

  it('takes in what another process appended, and records after it', async () => {
    const file = path.join(folder.path, 'events.jsonl');
    const bot = await projectionOf(file);
    const cli = await projectionOf(file);
    await bot.projection.record({ n: 1 });
    await cli.projection.record({ n: 2 });
    assert.equal(await bot.projection.refresh(), true);
    await bot.projection.record({ n: 3 });
    assert.deepEqual(bot.seen, [1, 2, 3]);
    await cli.projection.record({ n: 4 }); // takes in 3 first
    assert.deepEqual(cli.seen, [1, 2, 3, 4]);
  });

  it('reads an absent journal as empty', async () => {
    assert.deepEqual((await projectionOf(path.join(folder.path, 'none.jsonl'))).seen, []);
  });
});
