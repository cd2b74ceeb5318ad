import assert from 'node:assert/strict';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Journal, JournalProjection } from '../../src/store/journal.js';
import { JsonDocument } from '../../src/store/jsonDocument.js';
import { diskIo, type DiskIo } from '../../src/store/diskIo.js';
import { isStoreWriteError } from '../../src/store/writeError.js';
import { BotHarness } from '../support/botHarness.js';
import { cardAction, personalMessage } from '../support/activities.js';
import { testData } from '../support/fixtures.js';
import { fillableDisk } from '../support/fullDisk.js';
import { captureLog } from '../support/logCapture.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

type Event = { n: number };
const ADMIN = { id: '29:admin-kirsten', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };

async function rejects(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  assert.fail('the write was acknowledged');
}

describe('a full disk: nothing is acknowledged that is not on the disk whole', () => {
  const folder = temporaryFolderPerTest('full-disk');

  it('refuses a journal append cut short by a full disk, leaves the journal as it was, and appends again once there is room', async () => {
    const file = path.join(folder.path, 'events.jsonl');
    const disk = fillableDisk();
    const seen: number[] = [];
    const projection = await JournalProjection.open(new Journal<Event>(file, captureLog().log, undefined, disk.io), (event) => seen.push(event.n));
    await projection.record({ n: 1 });
    const before = await readFile(file);

    disk.fill();
    const error = await rejects(projection.record({ n: 2 }));
    assert.ok(isStoreWriteError(error), `a typed error, not ${String(error)}`);
    assert.ok(disk.refused >= 1, 'the full disk was really asked');
    assert.deepEqual(await readFile(file), before, 'the half-written line is cut off again');
    assert.deepEqual(seen, [1], 'the refused event is not applied either');

    disk.free();
    await projection.record({ n: 3 });
    const restarted: number[] = [];
    await JournalProjection.open(new Journal<Event>(file, captureLog().log), (event) => restarted.push(event.n));
    assert.deepEqual(restarted, [1, 3]);
    assert.deepEqual((await readdir(folder.path)).filter((name) => name.includes('torn')), [], 'no line had to be set aside');
  });

  it('refuses an append whose flush to the disk fails (EIO), and removes its line', async () => {
    const file = path.join(folder.path, 'events.jsonl');
    let failFlush = false;
    const io: DiskIo = {
      write: diskIo.write,
      sync: async (handle) => {
        if (failFlush) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
        await diskIo.sync(handle);
      },
    };
    const journal = new Journal<Event>(file, captureLog().log, undefined, io);
    const projection = await JournalProjection.open(journal, () => {});
    await projection.record({ n: 1 });
    const size = (await stat(file)).size;
    failFlush = true;
    assert.ok(isStoreWriteError(await rejects(projection.record({ n: 2 }))));
    assert.equal((await stat(file)).size, size);
  });

  it('refuses a document change the disk cannot take, and keeps the document as it was', async () => {
    const file = path.join(folder.path, 'subscriptions.json');
    await writeFile(file, '{"subscriptions":{"a":1}}\n');
    const disk = fillableDisk();
    const document = new JsonDocument<{ subscriptions: Record<string, number> }>(file, { subscriptions: {} }, captureLog().log, disk.io);
    disk.fill();
    const error = await rejects(document.change((data) => ((data.subscriptions.b = 2), true)));
    assert.ok(isStoreWriteError(error), `a typed error, not ${String(error)}`);
    assert.equal(await readFile(file, 'utf8'), '{"subscriptions":{"a":1}}\n');
    assert.deepEqual((await document.read()).subscriptions, { a: 1 });
    assert.deepEqual((await readdir(folder.path)).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left behind');
    disk.free();
    assert.equal(await document.change((data) => ((data.subscriptions.b = 2), true)), true);
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).subscriptions, { a: 1, b: 2 });
  });
});

describe('a full disk, as the vendor and the administrator see it', () => {
  let bot: BotHarness;
  let disk: ReturnType<typeof fillableDisk>;
  beforeEach(async () => {
    disk = fillableDisk();
    bot = await BotHarness.start({ data: testData(), disk: disk.io, env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
  });
  afterEach(async () => {
    disk.free();
    await bot.stop();
  });

  async function openSurvey(): Promise<{ surveyId: string; link: string }> {
    await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
    const posted = JSON.stringify(bot.connector.calls.at(-1)?.activity);
    return { surveyId: /"surveyId":"([^"]+)"/.exec(posted)![1]!, link: /svare her: (http[^\s"\\]+)/.exec(posted)![1]! };
  }
  const answered = async () =>
    (await readFile(path.join(bot.dataDir, 'surveys.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string })
      .filter((event) => event.type === 'answered').length;

  it('tells a vendor answering on the card "ikke gemt, prøv igen", never "Tak — registreret", and stores it when sent again', async () => {
    const { surveyId } = await openSurvey();
    const fields = { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' };
    disk.fill();
    const refused = JSON.stringify((await bot.post(cardAction(bot.serviceUrl, 'survey.submit', fields, { id: 'invoke-1' }))).body);
    assert.doesNotMatch(refused, /Tak — registreret/);
    assert.match(refused, /Det blev ikke gemt.*Prøv igen om lidt/);
    assert.equal(await answered(), 0);
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 0);

    disk.free();
    const stored = JSON.stringify((await bot.post(cardAction(bot.serviceUrl, 'survey.submit', fields, { id: 'invoke-1' }))).body);
    assert.match(stored, /Tak — registreret/);
    assert.equal(await answered(), 1);
  });

  it('answers the web form with 503 and the form as typed, in English too, and stores it when posted again', async () => {
    const { surveyId, link } = await openSurvey();
    const fields = new URLSearchParams({ nonce: 'form-1', status: 'planned', ch2Date: '2026-03-03', contactName: 'Kari' });
    disk.fill();
    const refused = await fetch(`${link}?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields });
    assert.equal(refused.status, 503);
    const html = await refused.text();
    assert.match(html, /Your answer was not saved.*Please try sending it again/);
    assert.match(html, /value="Kari"/, 'what the vendor typed is kept');
    assert.doesNotMatch(html, /ENOSPC|jsonl/, 'no internals');
    assert.equal(bot.app.surveys.get(surveyId)!.answers.length, 0);

    disk.free();
    const stored = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields });
    assert.equal(stored.status, 200);
    assert.match(await stored.text(), /Tak — registreret/);
  });

  it('tells an administrator approving on a full disk that nothing was saved, and the approval works once there is room', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'hej', { from: ADMIN, conversation: { id: 'a:personal-chat-admin', conversationType: 'personal' } }));
    const { surveyId } = await openSurvey();
    await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }));
    const answerId = bot.app.surveys.get(surveyId)!.answers[0]!.id;
    disk.fill();
    const refused = JSON.stringify((await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'en' }, { from: ADMIN }))).body);
    assert.match(refused, /That was not saved/);
    assert.doesNotMatch(refused, /Godkendt|Approved by/);
    assert.equal(bot.app.surveys.get(surveyId)!.review ?? null, null, 'not approved');

    disk.free();
    const approved = JSON.stringify((await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId, lang: 'da' }, { from: ADMIN }))).body);
    assert.match(approved, /Godkendt af Kirsten KOMBIT/);
  });
});
