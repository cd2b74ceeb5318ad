import assert from 'node:assert/strict';
import { fileStorage } from '../../src/store/fileStorage.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';
import type { Deadline } from '../../src/deadlines/deadline.js';
import { FileRegistryStore } from '../../src/store/fileRegistryStore.js';
import type { RegistryData } from '../../src/store/registryStore.js';
import { fixedClock, ManualClock } from '../../src/time/clock.js';
import { personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { system } from '../support/fixtures.js';

type Sent = { attachments?: { content: { fallbackText?: string } }[]; text?: string };

const item = (fields: Partial<Deadline> & Pick<Deadline, 'solution' | 'title' | 'kind'>): Deadline => ({
  code: null, published: null, from: null, deadline: null, url: null, source: 'Testkilde', klikStatus: null, note: null, ...fields,
});

/**
 * Data of these tests' own, in 2031, so that nothing here can pass by matching the starter file:
 * a solution that is no system, codes of several shapes, meetings, an agreement, a go-live.
 */
function ownData(): RegistryData {
  return {
    systems: [
      system({ name: 'Borgerportalen', ch2Date: '2031-04-08', status: 'planned' }),
      system({ name: 'Sagsstyring', vendor: 'Leverandør X', sts2Date: '2031-04-10', status: 'planned' }),
    ],
    deadlines: [
      item({ solution: 'Ydelsesplatform', code: 'Y07', kind: 'klik', title: 'Opret brugere i testmiljøet', deadline: '2031-04-08', klikStatus: 'published' }),
      item({ solution: 'Ydelsesplatform', code: 'KLIK 04', kind: 'klik', title: 'Godkend snitfladeaftale', deadline: '2031-04-25', klikStatus: 'published' }),
      item({ solution: 'Ydelsesplatform', code: 'KLIK 09', kind: 'klik', title: 'Verificer udbetalinger', klikStatus: 'not-published' }),
      item({ solution: 'Ydelsesplatform', kind: 'event', title: 'Ydelsesplatform går i drift', deadline: '2031-09-01' }),
      item({ solution: 'Digital Post Kommune', kind: 'agreement', title: 'Underskriv tilslutningsaftale for Digital Post Kommune', published: '2031-03-20', deadline: '2031-05-02' }),
      item({ solution: 'Context Handler 2', kind: 'event', title: 'Spørgetime om overgangen', deadline: '2031-04-14' }),
      item({ solution: 'Context Handler 2', kind: 'event', title: 'Spørgetime om overgangen', deadline: '2031-06-02' }),
    ],
  };
}

/** Friday 4 April 2031, week 14. */
const FRIDAY = '2031-04-04T10:00:00+02:00';

describe('deadline questions over /api/messages, any period and any way of writing a code', () => {
  let bot: BotHarness;
  const clock = new ManualClock(FRIDAY);
  before(async () => {
    bot = await BotHarness.start({ data: ownData(), clock, env: { STATUS_PAGE_URL: 'https://status.example.test/' } });
  });
  after(async () => {
    await bot.stop();
  });
  beforeEach(() => clock.set(FRIDAY));

  async function ask(text: string, locale = 'da-DK') {
    await bot.post(personalMessage(bot.serviceUrl, text, { locale }));
    const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1) as Sent;
    const card = reply.attachments?.[0]?.content;
    if (card) assert.deepEqual(cardProblems(card), [], `the card for "${text}" is valid`);
    return String(card?.fallbackText ?? reply.text);
  }

  it('answers a month with every item in it, not the next 14 days', async () => {
    const text = await ask('hvilke frister er der i april?');
    assert.match(text, /^Frister og møder i april 2031/);
    for (const title of ['Opret brugere i testmiljøet', 'Spørgetime om overgangen', 'Godkend snitfladeaftale']) assert.ok(text.includes(title), title);
    assert.doesNotMatch(text, /Digital Post/);
    assert.match(text, /Y07: Opret brugere i testmiljøet · Frist: tirsdag den 8\. april 2031 \(om 4 dage\)/);
    assert.match(text, /Context Handler 2 · Møde: Spørgetime om overgangen · Dato: mandag den 14\. april 2031/);
  });

  it('answers "what happens next week" with deadlines and switches together', async () => {
    const text = await ask('hvad sker der i næste uge?');
    assert.match(text, /^Det sker i uge 15, 2031/);
    assert.match(text, /Y07: Opret brugere/);
    assert.match(text, /Skift til CH2 eller STS 2\n  - Borgerportalen: CH2: 8\. april 2031 \(om 4 dage\)\n  - Sagsstyring: STS 2: 10\. april 2031 \(om 6 dage\)/);
    const english = await ask('what happens next week?', 'da-DK');
    assert.match(english, /^What happens in week 15, 2031/);
  });

  it('understands this week, tomorrow, a week number and a day written in any common way', async () => {
    clock.set('2031-04-07T09:00:00+02:00');
    assert.match(await ask('frister i morgen'), /^Frister og møder den 8\. april 2031[\s\S]*Y07/);
    assert.match(await ask('frister denne uge'), /^Frister og møder i uge 15, 2031[\s\S]*Y07/);
    assert.match(await ask('uge 16'), /^Det sker i uge 16, 2031[\s\S]*Spørgetime om overgangen/);
    assert.match(await ask('hvad sker der den 25/4?'), /^Det sker den 25\. april 2031[\s\S]*KLIK 04: Godkend snitfladeaftale/);
    assert.match(await ask('what happens on 14 April?'), /^What happens on 14 April 2031[\s\S]*Q&A|^What happens on 14 April 2031[\s\S]*Spørgetime/);
    assert.match(await ask('hvad sker der den 3. maj?'), /^Det sker den 3\. maj 2031\nJeg kender ingen frister, møder eller skift den 3\. maj 2031\.$/);
  });

  it('answers what just passed', async () => {
    clock.set('2031-04-10T09:00:00+02:00');
    const text = await ask('hvad er lige passeret?');
    assert.match(text, /der netop er passeret/);
    assert.match(text, /Y07: Opret brugere i testmiljøet · Frist: tirsdag den 8\. april 2031 \(i forgårs\)/);
    assert.doesNotMatch(text, /Godkend snitfladeaftale/);
  });

  it('finds a code however it is written, and names it as KLIK does', async () => {
    for (const typed of ['y-07', 'Y 7', 'frist for y07']) assert.match(await ask(typed), /^Frister for Y07\n[\s\S]*Opret brugere i testmiljøet/, typed);
    for (const typed of ['KLIK 4', 'klik04', 'KLIK-4']) assert.match(await ask(typed), /^Frister for KLIK 04\n[\s\S]*Godkend snitfladeaftale/, typed);
    assert.match(await ask('KLIK 09'), /Verificer udbetalinger · Frist: ikke kendt endnu · Ikke publiceret i KLIK endnu/);
    assert.match(await ask('hvornår er fristen for K 99?'), /Jeg kender ingen KLIK-opgave med koden K 99\./);
  });

  it('answers for a solution that is not a system, and for a kind', async () => {
    const solution = await ask('Digital Post Kommune');
    assert.match(solution, /^Frister og møder for Digital Post Kommune\n[\s\S]*Aftale: Underskriv tilslutningsaftale .* · Frist: fredag den 2\. maj 2031/);
    assert.match(await ask('hvornår er fristen for at underskrive tilslutningsaftalen for Digital Post Kommune?'), /^Aftaler for Digital Post Kommune/);
    const next = await ask('hvornår er næste spørgetime?');
    assert.match(next, /^Næste møde\n\n1 punkt\n[\s\S]*Spørgetime om overgangen · Dato: mandag den 14\. april 2031/);
    assert.doesNotMatch(next, /juni/);
    assert.match(await ask('aftaler'), /^Kommende aftaler\n[\s\S]*Digital Post Kommune/);
    assert.match(await ask('møder'), /^Kommende møder\n\n2 punkter/);
    assert.match(await ask('go-live'), /^Kommende idriftsættelser\n[\s\S]*Ydelsesplatform går i drift · Dato: mandag den 1\. september 2031/);
  });

  it('says what it knows when nothing lies ahead, and never makes a date up', async () => {
    clock.set('2032-01-05T09:00:00+01:00');
    const text = await ask('hvornår er næste spørgetime?');
    assert.match(text, /Jeg kender ingen næste møde|Jeg kender ingen/);
    assert.match(text, /Intet forude\. Senest passeret, nyeste først\n\s*- [^\n]*2\. juni 2031[^\n]*\n\s*- [^\n]*14\. april 2031/);
  });

  it('takes a word for a system only when it plausibly is one, and otherwise says what it can do', async () => {
    const test = await ask('hvornår skal vi teste?');
    assert.match(test, /^Det forstod jeg ikke helt/);
    assert.doesNotMatch(test, /kender ikke systemet/);
    assert.match(await ask('hvornår skifter Acadre til CH2?'), /Jeg kender ikke systemet "Acadre"/);
    const ch1 = await ask('CH1');
    assert.match(ch1, /Jeg kender ingen dato for lukningen af Context Handler 1 og STS 1/);
    assert.doesNotMatch(ch1, /\d{4}-\d{2}-\d{2}|\d+\. \p{L}+ \d{4}/u);
  });

  it('answers thanks and greetings briefly, and sends operations questions to the status page', async () => {
    assert.match(await ask('tak for hjælpen!'), /^Det var så lidt/);
    assert.match(await ask('thanks a lot', 'da-DK'), /^You're welcome/);
    assert.match(await ask('Hej bot'), /^Hej! Spørg mig fx/);
    const down = await ask('er Sagsstyring nede?');
    assert.match(down, /Jeg kender ikke driftsstatus for Sagsstyring lige nu: jeg følger ikke driften\. KOMBIT melder driftsforstyrrelser/);
    assert.match(down, /https:\/\/status\.example\.test\//);
    assert.doesNotMatch(down, /STS 2|10\. april/);
  });
});

describe('cli ask: what the bot would answer, through the same router', function () {
  this.timeout(30_000);
  let dataDir: string;
  let bot: BotHarness;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fki-ask-'));
    await new FileRegistryStore(dataDir).update(() => ownData());
    bot = await BotHarness.start({ data: ownData(), clock: fixedClock(FRIDAY) });
  });
  after(async () => {
    await bot.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      storage: fileStorage(dataDir),
      clock: fixedClock('2040-01-01T12:00:00Z'),
      adminIds: [],
      // Configured as the bot is: links in answers (the calendar feed) name the same server.
      env: { PUBLIC_BASE_URL: bot.app.config.publicBaseUrl },
    });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it('prints exactly what the bot answers on that day, for every kind of question', async () => {
    const questions = ['hvad sker der i næste uge?', 'y-07', 'Digital Post Kommune', 'hvornår skifter Borgerportalen til CH2?', 'tak', 'hjælp', 'aftaler', 'er Sagsstyring nede?'];
    for (const question of questions) {
      await bot.post(personalMessage(bot.serviceUrl, question));
      const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1) as Sent;
      const fromBot = String(reply.attachments?.[0]?.content.fallbackText ?? reply.text);
      const { code, stdout } = await cli('ask', question, '--as-of', '2031-04-04');
      assert.equal(code, 0, question);
      assert.equal(stdout, fromBot, question);
    }
  });

  it('answers in the language asked for, exits 1 with what it can do when it does not understand, and changes nothing', async () => {
    assert.match((await cli('ask', 'frister i morgen', '--as-of', '2031-04-07', '--lang', 'en')).stdout, /^Deadlines and meetings on 8 April 2031/);
    const unclear = await cli('ask', 'hvornår skal vi teste?', '--as-of', '2031-04-04');
    assert.equal(unclear.code, 1);
    // The month example is asked of the data in use: on 4 April 2031 this data has nothing in March, so another month.
    assert.match(unclear.stderr, /Det forstod jeg ikke helt[\s\S]*hvilke frister er der i april\?/);
    assert.equal((await cli('ask', 'frister', '--as-of', '31.02.2031')).code, 1);
    const before = await new FileRegistryStore(dataDir).read();
    assert.match((await cli('ask', 'abonner på oversigt', '--as-of', '2031-04-04')).stdout, /får nu ugens oversigt/);
    assert.match((await cli('ask', 'spørg leverandøren om Sagsstyring', '--as-of', '2031-04-04')).stdout, /Sagsstyring/);
    assert.deepEqual(await new FileRegistryStore(dataDir).read(), before);
    const { readdir } = await import('node:fs/promises');
    assert.deepEqual(await readdir(dataDir), ['registry.json', 'registry.last-good.json'], 'asking wrote no survey and no subscription');
  });
});
