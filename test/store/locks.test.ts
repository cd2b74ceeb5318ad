import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Journal, JournalProjection } from '../../src/store/journal.js';
import { takeOverIfAbandoned } from '../../src/store/fileLock.js';
import { captureLog } from '../support/logCapture.js';
import { PROJECT_ROOT } from '../support/run.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

/** Another process (a `cli import`, say) that takes the lock on `file` and holds it until killed. */
async function processHoldingLock(file: string) {
  const lockModule = pathToFileURL(path.join(PROJECT_ROOT, 'src/store/fileLock.ts')).href;
  const script = `const { withFileLock } = await import(${JSON.stringify(lockModule)});
await withFileLock(${JSON.stringify(file)}, () => { console.log('held'); return new Promise(() => {}); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
    child.on('close', () => reject(new Error('the holder exited before it held the lock')));
  });
  return { child, exited };
}

async function timeToRecord(file: string): Promise<number> {
  const started = Date.now();
  const projection = await JournalProjection.open(new Journal<{ n: number }>(file, captureLog().log), () => {});
  await projection.record({ n: 1 });
  return Date.now() - started;
}

describe('data file locks', function () {
  this.timeout(20_000);
  const folder = temporaryFolderPerTest('locks');

  it('takes over at once the lock of a process that was killed holding it (a killed cli import)', async () => {
    const file = path.join(folder.path, 'surveys.jsonl');
    const holder = await processHoldingLock(file);
    holder.child.kill('SIGKILL');
    await holder.exited;
    const took = await timeToRecord(file);
    assert.ok(took < 2_000, `the next write waited ${took} ms for a dead holder's lock`);
  });

  it('does not trust a lock dated in the future', async () => {
    const file = path.join(folder.path, 'surveys.jsonl');
    await mkdir(`${file}.lock`);
    const inAnHour = new Date(Date.now() + 3_600_000);
    await utimes(`${file}.lock`, inAnHour, inAnHour);
    const took = await timeToRecord(file);
    assert.ok(took < 2_000, `waited ${took} ms for a lock dated an hour ahead`);
    assert.deepEqual((await readdir(folder.path)).filter((name) => name.includes('.lock')), [], 'released after use');
  });

  it('never takes the lock of a holder that is alive on this machine, however old or future its date', async () => {
    const file = path.join(folder.path, 'surveys.jsonl');
    const holder = await processHoldingLock(file);
    try {
      const lockDir = `${file}.lock`;
      for (const at of [new Date(Date.now() - 3_600_000), new Date(Date.now() + 3_600_000)]) {
        await utimes(lockDir, at, at);
        assert.equal(await takeOverIfAbandoned(lockDir, Date.now(), (pid) => pid === holder.child.pid), false);
      }
    } finally {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
  });

  it('takes over a lock whose owner file names a process of this machine that is gone', async () => {
    const lockDir = path.join(folder.path, 'registry.json.lock');
    await mkdir(lockDir);
    await writeFile(path.join(lockDir, 'owner.json'), JSON.stringify({ pid: 999_999_999, host: hostname(), token: 'x', startedAt: new Date().toISOString() }));
    const log = captureLog();
    assert.equal(await takeOverIfAbandoned(lockDir, Date.now(), () => false, log.log), true);
    assert.ok(log.messages().some((message) => /no longer running/.test(message)));
  });
});
