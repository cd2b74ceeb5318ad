import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileStorage } from '../../src/store/fileStorage.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

type Chat = { n: number };

describe('keyed records in files', () => {
  const folder = temporaryFolderPerTest('records');
  const file = () => path.join(folder.path, 'chats.records.jsonl');

  it('rewrites a file of mostly superseded changes as its records alone, and reads the same after', async () => {
    const records = fileStorage(folder.path).keyed<Chat>('chats');
    for (let round = 0; round < 300; round += 1) {
      await Promise.all(Array.from({ length: 10 }, (_, key) => records.put(`chat-${key}`, { n: round })));
    }
    const lines = (await readFile(file(), 'utf8')).trim().split('\n');
    assert.ok(lines.length < 150, `${lines.length} lines after 3,000 changes of 10 records`);
    const reopened = fileStorage(folder.path).keyed<Chat>('chats');
    assert.deepEqual((await reopened.entries()).sort(), Array.from({ length: 10 }, (_, key) => [`chat-${key}`, { n: 299 }]).sort());
  });

  it('keeps every acknowledged record when a crash cut the last change short', async () => {
    await writeFile(file(), `${JSON.stringify({ changes: [['chat-1', { n: 1 }]] })}\n{"changes":[["chat-2",{"n"`);
    const records = fileStorage(folder.path).keyed<Chat>('chats');
    assert.deepEqual(await records.entries(), [['chat-1', { n: 1 }]]);
    await records.put('chat-3', { n: 3 });
    const reopened = fileStorage(folder.path).keyed<Chat>('chats');
    assert.deepEqual((await reopened.entries()).sort(), [['chat-1', { n: 1 }], ['chat-3', { n: 3 }]]);
    assert.ok((await readdir(folder.path)).some((name) => name.startsWith('chats.records.jsonl.torn-')), 'the cut bytes are kept aside');
  });

  it('undoes a change that could not be stored, so that it is tried again', async () => {
    const records = fileStorage(folder.path).keyed<Chat>('chats');
    await records.put('chat-1', { n: 1 });
    // The file cannot be appended to: a folder stands where it was.
    await rm(file());
    await mkdir(file());
    await assert.rejects(records.put('chat-1', { n: 2 }));
    await assert.rejects(records.put('chat-2', { n: 2 }));
    await rm(file(), { recursive: true });
    assert.deepEqual(await records.get('chat-1'), { n: 1 });
    assert.equal(await records.get('chat-2'), undefined);
    await records.put('chat-2', { n: 2 });
    assert.deepEqual(await fileStorage(folder.path).keyed<Chat>('chats').entries(), [['chat-2', { n: 2 }]], 'once the disk takes changes again');
  });
});
