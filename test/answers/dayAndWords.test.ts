import assert from 'node:assert/strict';
import { fixedClock } from '../../src/time/clock.js';
import { personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cliInProcess } from '../support/cli.js';
import { starterData } from '../support/fixtures.js';
import { temporaryFolderPerSuite } from '../support/tempFolder.js';
import { assertAskedAnswer, type FreshQuestion } from '../support/askedQuestion.js';

const UNCONFIRMED_DA = 'var planlagt, det er ikke bekræftet at det skete';
const UNCONFIRMED_EN = 'was planned, not confirmed that it happened';

/**
 * Issue 19, fourth round: dated items follow the day as switches do (an event the deck planned
 * after it was written, whose day has passed, is not told as done), a day that does not apply to an
 * item is not shown as unknown, and ordinary function words are not reported as not understood.
 */
const ROWS: (FreshQuestion & { mechanism: string })[] = [
  { mechanism: 'planned, passed', asOf: '2025-09-15', q: 'hvornår går FK OSS bølge 2 i drift?', has: ['1. september 2025', UNCONFIRMED_DA] },
  { mechanism: 'planned, ahead', asOf: '2025-04-02', q: 'hvornår går FK OSS bølge 2 i drift?', has: ['1. september 2025'], not: [UNCONFIRMED_DA] },
  { mechanism: 'planned, passed', asOf: '2025-04-01', q: 'orienteringsmøder fk oss', has: ['6. marts 2025', '13. marts 2025', UNCONFIRMED_DA] },
  { mechanism: 'reported by the deck', asOf: '2025-02-01', q: 'When did SAPA release 3.17 come?', has: ['16 January 2025'], not: [UNCONFIRMED_EN] },
  { mechanism: 'due, not an event', asOf: '2025-03-20', q: 'frist for ny tilslutningsaftale køreprøvebooking', has: ['7. marts 2025'], not: [UNCONFIRMED_DA] },
  { mechanism: 'no sent day for an ending agreement', asOf: '2025-02-10', q: 'hvornår blev aftalerne for køreprøvebooking sendt ud?', has: ['Udsendt: 28. januar 2025', 'udløber'], not: ['Udsendt: ikke kendt'] },
  { mechanism: 'function words', asOf: '2025-02-01', q: 'hvornår blev formål opkrævning tilgængelig i SAPA?', has: ['3. september 2024'] },
  { mechanism: 'function words', asOf: '2025-02-01', q: 'which two purposes came to SAPA on 13 December 2024?', has: ['Mellem adgang og Snæver adgang'] },
  { mechanism: 'CH2 names its items', asOf: '2025-02-10', q: 'næste spørgetime om ch2', has: ['3. marts 2025'], not: ['3. februar', '17. marts', 'leverandører'] },
  { mechanism: 'CH2 names its items', asOf: '2025-03-05', q: 'when is the next municipal Q&A on Context Handler 2?', has: ['17 March 2025'], not: ['3 March 2025'] },
  { mechanism: 'CH2 for vendors', asOf: '2025-02-12', q: 'holder KOMBIT spørgetimer for leverandører om CH2?', has: ['frem mod marts'], not: ['3. marts 2025'] },
  { mechanism: 'CH2 in a switch question', asOf: '2025-01-10', q: 'hvornår skifter SAPA til CH2?', has: ['21. januar 2025'], not: ['Møde'] },
  { mechanism: 'names not in the deck', asOf: '2025-02-05', q: 'which are the job centre vendors called?', has: ["KOMBIT's presentation does not say who it is", 'have not integrated'] },
  { mechanism: 'names not in the deck', asOf: '2025-02-05', q: 'hvilke er de to jobcenterleverandører?', has: ['Det fremgår ikke af KOMBITs præsentation, hvem det er', 'ikke integreret'] },
  { mechanism: 'content words still reported', asOf: '2025-02-01', q: 'hvornår fik SAPA sit kvantecomputer-modul?', partly: true, has: ['"kvantecomputer"'], not: ['"sit"'] },
];

describe('dated items follow the day, and ordinary words are understood', function () {
  this.timeout(120_000);
  const dataFolder = temporaryFolderPerSuite('day-and-words');

  for (const row of ROWS) {
    it(`${row.mechanism}: ${row.asOf} "${row.q}"`, async () => {
      const { code, stdout, stderr } = await cliInProcess(['ask', row.q, '--as-of', row.asOf], { DATA_DIR: dataFolder.path });
      assertAskedAnswer(row, code, `${stdout}${stderr}`);
    });
  }
});

describe('a passed planned go-live over /api/messages', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  before(async () => {
    bot = await BotHarness.start({ data: starterData(), clock: fixedClock('2025-09-15T10:00:00+02:00') });
  });
  after(async () => {
    await bot.stop();
  });

  it('says the go-live was planned and is not confirmed, in English', async () => {
    await bot.post(personalMessage(bot.serviceUrl, 'when was FK OSS wave 2 go-live?'));
    const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1) as { attachments?: { content: { fallbackText?: string } }[]; text?: string };
    const text = String(reply.attachments?.[0]?.content.fallbackText ?? reply.text);
    assert.ok(text.includes('1 September 2025'), text);
    assert.ok(text.includes(UNCONFIRMED_EN), text);
  });
});
