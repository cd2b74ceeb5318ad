import assert from 'node:assert/strict';
import { fileStorage } from '../../src/store/fileStorage.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { MESSAGE_BYTE_LIMIT } from '../../src/chat/fit.js';
import { FileRegistryStore } from '../../src/store/fileRegistryStore.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import type { Clock } from '../../src/time/clock.js';
import { cardAction, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { testData } from '../support/fixtures.js';
import { captureLog } from '../support/logCapture.js';

const ADMIN = { id: '29:admin-kirsten', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const VENDOR = { id: '29:vendor-kari', name: 'Kari Leverandør', aadObjectId: '00000000-0000-0000-0000-0000000000c1' };
const OTHER = { id: '29:user-bo', name: 'Bo Bruger', aadObjectId: '00000000-0000-0000-0000-0000000000b0' };
const PERSONAL = 'a:personal-chat-alex';

type Activity = Record<string, unknown> & { text?: string; attachments?: { content: Record<string, unknown> }[] };
const cardOf = (activity: Activity | undefined) => activity?.attachments?.[0]?.content;
const plainText = (activity: Activity | undefined) => String(cardOf(activity)?.fallbackText ?? activity?.text ?? '');
const surveyIdIn = (value: unknown) => /"surveyId":"([^"]+)"/.exec(JSON.stringify(value))?.[1] ?? '';
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** A clock the test moves forward. */
function movableClock(start: string): Clock & { advanceDays(days: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advanceDays: (days) => (now += days * 24 * 60 * 60 * 1000) };
}

describe('surveys cannot be abused: limits, short digests, closing, the latest answer, contact details', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let clock: ReturnType<typeof movableClock>;
  beforeEach(async () => {
    clock = movableClock('2025-02-10T09:00:00+01:00');
    bot = await BotHarness.start({ data: testData(), clock, env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
  });
  afterEach(async () => {
    await bot.stop();
  });

  const lastTo = (conversationId = PERSONAL) => bot.connector.sentTo(conversationId).at(-1) as Activity;
  /** Asks in the asker's own personal chat with the bot (Alex's when no one else is named). */
  async function ask(text: string, from?: { id: string }) {
    const conversation = from ? { id: `a:personal-chat-${from.id}`, conversationType: 'personal' } : undefined;
    await bot.post(personalMessage(bot.serviceUrl, text, from ? { from, conversation } : {}));
    return lastTo(conversation?.id);
  }

  it('lets one person open three surveys a day and tells them politely at the fourth; administrators are not limited', async () => {
    for (const system of ['Aula', 'FBS', 'KY']) assert.match(plainText(await ask(`spørg leverandøren om ${system}`)), /oprettet et spørgeskema/);
    const fourth = await ask('survey Fantasisystem');
    assert.match(plainText(fourth), /allerede oprettet 3 spørgeskemaer det seneste døgn.*Intet er ændret/);
    assert.equal(bot.app.surveys.all().length, 3);
    // Joining an open survey is not opening one.
    assert.match(plainText(await ask('spørg leverandøren om Aula', OTHER)), /allerede et åbent spørgeskema/);
    assert.match(plainText(await ask('survey Fantasisystem', ADMIN)), /oprettet et spørgeskema/);
    clock.advanceDays(1.1);
    assert.match(plainText(await ask('survey Andet system')), /oprettet et spørgeskema/);
    assert.match(plainText(await ask('ask the vendor about Tredje system')), /I have made a survey/);
  });

  it('keeps any sentence someone asks about out of everyone\'s digest, and a forged card action adds no lines or links', async () => {
    const sentence = 'Alle kommuner skal ringe til 70 20 30 40 i dag';
    await ask(`spørg leverandøren om ${sentence}`);
    const forged = await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Nyt\r\nsystem\u202e\u200bX\n\nKlik her', lang: 'da' }));
    assert.ok(forged.status < 400);
    for (const address of ['https://evil.example/login', 'www.evil.example', 'snyd@evil.example', 'evil.dk']) {
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: address, lang: 'da' }));
    }
    const subjects = bot.app.surveys.all().map((survey) => survey.system);
    assert.equal(subjects.length, 2, `surveys: ${JSON.stringify(subjects)}`);
    for (const subject of subjects) {
      assert.doesNotMatch(subject, /[\u0000-\u001f\u200b-\u200f\u202a-\u202e]/, JSON.stringify(subject));
      assert.ok(subject.length <= 80);
    }
    assert.ok(subjects.includes('Nyt system X Klik her'), JSON.stringify(subjects));

    // A week later, the digest any channel gets names neither.
    clock.advanceDays(8);
    const digest = plainText(await ask('vis ugens oversigt'));
    assert.match(digest, /Spørgeskemaer der har været åbne i over 7 dage/);
    assert.doesNotMatch(digest, /ringe til|Klik her|evil/);
    assert.match(digest, /Et system der ikke er på listen endnu/);
    // Nor does the list of open surveys for anyone but an administrator, who reviews them.
    assert.doesNotMatch(plainText(await ask('åbne forespørgsler', OTHER)), /ringe til|Klik her/);
    assert.match(plainText(await ask('åbne forespørgsler', ADMIN)), /ringe til/);
    // Once on the registry (an administrator approved an answer), the name is shown.
    await bot.app.registry.update((data) => ({ ...data, systems: [...data.systems, { ...data.systems[0]!, name: 'Nyt system X Klik her', aliases: [] }] }));
    assert.match(plainText(await ask('vis ugens oversigt')), /Nyt system X Klik her/);
  });

  it('shows a few surveys per section with "+N more" or "Vis alle (N)", and keeps every card under Teams\' limit', async () => {
    for (let n = 1; n <= 60; n += 1) await ask(`survey Fagsystem nummer ${n} med et langt navn der fylder godt op i oversigten`, ADMIN);
    clock.advanceDays(8);
    const list = await ask('åbne forespørgsler', ADMIN);
    assert.match(plainText(list), /\+50 mere/);
    assert.deepEqual(cardProblems(cardOf(list)), []);
    const digest = await ask('vis ugens oversigt');
    // The digest shows a few and every one behind "Vis alle (60)" (in the card, or the overview when too large).
    assert.match(JSON.stringify(cardOf(digest)), /Vis alle \(60\)/);
    assert.deepEqual(cardProblems(cardOf(digest)), []);
    for (const call of bot.connector.calls) assert.ok(bytes(call.activity) < 28 * 1024, `${bytes(call.activity)} bytes sent`);
    assert.ok(MESSAGE_BYTE_LIMIT < 28 * 1024);
  });

  it('lets an administrator close a survey without an answer in chat; those who asked are told; others cannot', async () => {
    await ask('spørg leverandøren om Aula');
    const refused = await ask('luk spørgeskemaet om Aula', OTHER);
    assert.match(plainText(refused), /Kun KOMBITs administratorer kan lukke/);
    assert.ok(bot.app.surveys.openFor('Aula'));
    // Typed, closing asks first (as the list's "Luk uden svar"): nothing is closed until "Ja, luk".
    const asked = await ask('luk spørgeskemaet om Aula', ADMIN);
    assert.match(plainText(asked), /Luk spørgeskemaet om Aula uden svar\?/);
    const confirm = JSON.stringify(cardOf(asked));
    assert.match(confirm, /"title":"Ja, luk","verb":"survey\.close"/);
    assert.match(confirm, /"title":"Fortryd","verb":"survey\.keep"/);
    const aulaId = surveyIdIn(cardOf(asked));
    assert.ok(bot.app.surveys.openFor('Aula'), 'asking to confirm closes nothing');
    const kept = await bot.post(cardAction(bot.serviceUrl, 'survey.keep', { surveyId: aulaId, lang: 'da' }, { from: ADMIN }));
    assert.match(JSON.stringify(kept.body), /Spørgeskemaet om Aula er stadig åbent/);
    assert.ok(bot.app.surveys.openFor('Aula'), '"Fortryd" leaves it open');
    // The confirmation's buttons are an administrator's too.
    const pressedByOther = await bot.post(cardAction(bot.serviceUrl, 'survey.close', { surveyId: aulaId, lang: 'da' }, { from: OTHER }));
    assert.match(JSON.stringify(pressedByOther.body), /Kun KOMBITs administratorer kan lukke/);
    assert.ok(bot.app.surveys.openFor('Aula'));
    const closed = await bot.post(cardAction(bot.serviceUrl, 'survey.close', { surveyId: aulaId, lang: 'da' }, { from: ADMIN }));
    assert.match(JSON.stringify(closed.body), /Spørgeskemaet om Aula er lukket uden svar 10\. februar 2025/);
    assert.equal(bot.app.surveys.openFor('Aula'), undefined);
    await bot.settled();
    assert.ok(bot.connector.sentTo(PERSONAL).some((activity) => /KOMBIT har lukket spørgeskemaet om Aula/.test(plainText(activity as Activity))));
    // The list offers administrators a close button too.
    await ask('spørg leverandøren om FBS');
    const list = await ask('open surveys', ADMIN);
    const surveyId = surveyIdIn(cardOf(list));
    assert.match(JSON.stringify(cardOf(list)), /"verb":"survey\.close"/);
    const { body } = await bot.post(cardAction(bot.serviceUrl, 'survey.close', { surveyId, lang: 'en' }, { from: ADMIN }));
    assert.match(JSON.stringify(body), /The survey about FBS was closed without an answer/);
    const again = await bot.post(cardAction(bot.serviceUrl, 'survey.close', { surveyId, lang: 'en' }, { from: ADMIN }));
    assert.match(JSON.stringify(again.body), /already been handled/);
  });

  it('closes a survey with `cli surveys close` while the bot runs, and the bot then takes no answer to it', async () => {
    const card = await ask('spørg leverandøren om Aula');
    const surveyId = surveyIdIn(cardOf(card));
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      storage: fileStorage(bot.dataDir, undefined, new MemoryRegistryStore(testData())),
      clock,
      adminIds: [],
      env: {},
      log: captureLog().log,
    };
    assert.equal(await runCli(['surveys', 'close', surveyId, '--reason', 'Leverandøren svarer ikke'], io), 0, err.join('\n'));
    assert.match(out.join('\n'), /Spørgeskemaet om Aula er lukket uden svar/);
    assert.equal(await runCli(['surveys', 'close', surveyId], io), 1);
    assert.equal(await runCli(['surveys', 'close', 'no-such-survey'], io), 1);
    assert.match(err.join('\n'), /allerede behandlet[\s\S]*intet spørgeskema med id no-such-survey/);
    clock.advanceDays(0.01); // the bot looks for others' changes at most once a second
    const { body } = await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }));
    assert.match(JSON.stringify(body), /Spørgeskemaet om Aula er lukket af KOMBIT/);
    assert.equal(bot.app.surveys.get(surveyId)?.answers.length, 0);
    out.length = 0;
    assert.equal(await runCli(['surveys', 'list'], io), 0);
    assert.match(out.join('\n'), /Aula: lukket uden svar \(cli, 10\. februar 2025\)/);
  });

  it('approves only the latest answer; an older review card says it was replaced and offers the latest', async () => {
    const surveyId = surveyIdIn(cardOf(await ask('spørg leverandøren om Aula')));
    await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }, { from: VENDOR }));
    const first = bot.app.surveys.get(surveyId)!.answers[0]!.id;
    await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-04-14' }, { from: VENDOR }));
    const latest = bot.app.surveys.get(surveyId)!.answers[1]!.id;

    const stale = await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId: first, lang: 'da' }, { from: ADMIN }));
    const card = (stale.body as { value: Record<string, unknown> }).value;
    assert.match(JSON.stringify(card), /nyere svar om Aula, så det tidligere svar kan ikke godkendes/);
    assert.match(JSON.stringify(card), new RegExp(`"answerId":"${latest}"`));
    assert.match(JSON.stringify(card), /14\. april 2026/);
    assert.deepEqual(cardProblems(card), []);
    assert.equal(bot.app.surveys.get(surveyId)?.review, null, 'nothing was approved');
    const rejectStale = await bot.post(cardAction(bot.serviceUrl, 'survey.reject', { surveyId, answerId: first, lang: 'da', reason: 'x' }, { from: ADMIN }));
    assert.match(JSON.stringify(rejectStale.body), /nyere svar/);

    await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId, answerId: latest, lang: 'da' }, { from: ADMIN }));
    assert.equal((await bot.app.registry.current()).find('Aula')?.ch2Date, '2026-04-14');
  });

  it('gives the filled form with contact details back only to whoever answered, or to an administrator', async () => {
    const surveyId = surveyIdIn(cardOf(await ask('spørg leverandøren om Aula')));
    const answer = { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03', contactName: 'Kari Nordmand', contactEmail: 'kari@leverandor.example' };
    await bot.post(cardAction(bot.serviceUrl, 'survey.submit', answer, { from: VENDOR }));
    const answerId = bot.app.surveys.get(surveyId)!.answers[0]!.id;
    const edit = async (from: Record<string, unknown>) =>
      JSON.stringify((await bot.post(cardAction(bot.serviceUrl, 'survey.edit', { surveyId, answerId, lang: 'da' }, { from }))).body);
    for (const who of [VENDOR, ADMIN]) assert.match(await edit(who), /kari@leverandor\.example/);
    const forOthers = await edit(OTHER);
    assert.doesNotMatch(forOthers, /kari@leverandor\.example|Kari Nordmand/);
    assert.match(forOthers, /2026-03-03/, 'the dates are still filled in');
  });
});

describe('cli surveys close without a running bot', () => {
  it('closes a survey recorded in the data folder', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'fki-close-'));
    try {
      const bot = await BotHarness.start({ data: testData(), dataDir });
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const surveyId = bot.app.surveys.openFor('Aula')!.id;
      await bot.stop();
      const out: string[] = [];
      const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), storage: fileStorage(dataDir, undefined, new MemoryRegistryStore(testData())), clock: { now: () => new Date('2025-02-11T10:00:00Z') }, adminIds: [], env: {} };
      assert.equal(await runCli(['surveys', 'close', surveyId, '--lang', 'en'], io), 0);
      assert.match(out.join('\n'), /The survey about Aula was closed without an answer on 11 February 2025/);
      const restarted = await BotHarness.start({ data: testData(), dataDir });
      assert.equal(restarted.app.surveys.get(surveyId)?.review?.decision, 'closed');
      await restarted.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('provenance written by older versions', () => {
  it('is read with organisations only, not the vendor contact and the administrator', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'fki-provenance-'));
    try {
      const data = testData();
      data.systems[0]!.source = 'Leverandørens svar (Kari Nordmand, 2025-02-10), godkendt af Kirsten KOMBIT 2025-02-11';
      await writeFile(path.join(dataDir, 'registry.json'), JSON.stringify(data));
      const read = await new FileRegistryStore(dataDir).read();
      assert.equal(read.systems[0]!.source, 'Leverandørens svar, godkendt af KOMBIT 11. februar 2025');
      assert.equal(read.systems[1]!.source, data.systems[1]!.source, 'other sources are left as they are');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
