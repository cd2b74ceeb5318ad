import assert from 'node:assert/strict';
import { fixedClock } from '../../src/time/clock.js';
import { cardAction, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { cliInProcess } from '../support/cli.js';
import { starterData } from '../support/fixtures.js';
import { temporaryFolderPerSuite } from '../support/tempFolder.js';
import { assertAskedAnswer, PARTLY, type FreshQuestion } from '../support/askedQuestion.js';

/**
 * Questions written fresh from KOMBIT's January 2025 deck, as people type them (typos, no æøå, lower
 * case, half in English), asked on days around the deck's dates through `cli ask --as-of`. Each row
 * says what a user would check: the right date or fact is there, the wrong one is not, and whether
 * the bot said it understood only part of the question. Add a row to add a question.
 *
 * `pattern` names the pattern of issue 19 a row guards: 1 understood or says what it understood,
 * 2 a system named inside another question, 3 two-part questions, 4 facts that are not dates,
 * 5 unknown is never "none", 6 no survey for what is not a system, 7 Danish and English as KOMBIT writes.
 */


export const FRESH_QUESTIONS: FreshQuestion[] = [
  // 1: every word is accounted for, or the bot says what it understood and offers questions.
  // What it understood ("SAPA", "CH2") it answers, under the word it did not.
  { asOf: '2025-01-20', q: 'er sapa klar til ch2', partly: true, has: ['"klar"', 'den del jeg forstod (sapa ch2)', '21. januar 2025'], pattern: 1 },
  { asOf: '2025-02-10', q: 'is KY ready for the switch?', partly: true, has: ['"ready"', 'No date is known yet for KY', '• when does KY switch to CH2?'], pattern: 1 },
  { asOf: '2025-01-14', q: 'hvornaar skifter sapa og hvad med pizza', partly: true, has: ['"pizza"', '21. januar 2025'], pattern: 1 },
  { asOf: '2025-01-20', q: 'DOS tilslutningsaftale frist', has: ['DOS', '22. januar 2025'], not: ['Køreprøvebooking'], pattern: 1 },
  { asOf: '2025-01-20', q: 'hvad med pizza', understood: false },

  // 2: a system named inside another question is not a switch question.
  { asOf: '2025-01-15', q: 'hvorfor var FK ORG ustabil?', has: ['netværkselement', 'Kilde: KOMBIT programledermøde januar 2025'], not: ['CH2-dato', 'Jeg følger ikke driften'], pattern: 2 },
  { asOf: '2025-01-15', q: 'why was FK ORG unstable?', has: ['network element', "KOMBIT's Danish text, translated"], not: ['CH2 date'], pattern: 2 },
  { asOf: '2025-01-20', q: 'er FBS 2.0 klar?', has: ['afklaringsfasen', 'Kilde: KOMBIT programledermøde januar 2025'], not: ['CH2-dato:', 'Status:'], pattern: 2 },
  { asOf: '2025-01-20', q: 'FK OSS go/no-go?', has: [/go\/no.go/, 'FK OSS', 'G2'], not: ['CH2 date:', 'CH2-dato:', 'Status:'], pattern: 2 },
  { asOf: '2025-01-20', q: 'hvad koster DOS?', has: ['32 ører', 'Kilde: KOMBIT programledermøde januar 2025'], pattern: 2 },
  { asOf: '2025-01-20', q: 'hvad koster dos pr borger', has: ['32 ører'], pattern: 2 },
  { asOf: '2025-01-08', q: 'er fk org nede', has: ['driftstatus.kombit.dk'], not: ['netværkselement', 'CH2-dato'] },
  // A price the deck does not give is said to be not known, beside what it says about SAPA (5).
  { asOf: '2025-01-20', q: 'hvad koster SAPA?', has: ['hvad det koster', 'SAPA'], not: ['32 ører', 'CH2-dato'], pattern: 2 },

  // 3: both parts of a two-part question are answered.
  { asOf: '2025-01-20', q: 'SAPA CH2-dato og fristen for KLIK 05?', has: ['21. januar 2025', 'KLIK 05', '7. februar 2025'], not: ['Jeg kender ingen frister for KLIK 05'], pattern: 3 },
  { asOf: '2025-01-20', q: 'K53, K54 og K55 – samme frist?', has: ['K53', 'K54', 'K55', 'samme frist: 18. februar 2025'], pattern: 3 },
  { asOf: '2025-01-20', q: 'k53 og klik 03 samme frist?', has: ['ikke samme frist', '24. januar 2025', '18. februar 2025'], pattern: 3 },
  { asOf: '2025-01-20', q: 'frister for SAPA og KLIK 07', has: ['SAPA K53', 'KLIK 07'], pattern: 3 },
  { asOf: '2025-01-13', q: 'when does SAPA switch and what is the deadline for K54?', has: ['21 January 2025', 'K54', '18 February 2025'], pattern: 3 },
  { asOf: '2025-01-13', q: 'hvornår skifter sapa, og hvornår er fristen for k55', has: ['21. januar 2025', 'K55', '18. februar 2025'], pattern: 3 },

  // 4: facts of the deck that are not dates, with their source, or honestly declined.
  { asOf: '2025-01-29', q: 'hvor mange kommuner er medunderskrivere', has: ['16 kommuner', 'Kilde: KOMBIT programledermøde januar 2025'], pattern: 4 },
  { asOf: '2025-01-29', q: 'how many municipalities co-signed?', has: ['16 municipalities', "KOMBIT programme managers' meeting, January 2025"], pattern: 4 },
  { asOf: '2025-01-20', q: 'hvad er buddyordningen', has: ['buddybanken'], pattern: 4 },
  { asOf: '2025-01-20', q: 'hvem kan jeg kontakte hos KOMBIT', has: ['programleder@kombit.dk', 'Fælleskommunal Infrastruktur – Kommunesamarbejde'], not: ['spørge leverandøren'], pattern: 4 },
  { asOf: '2025-01-20', q: 'who can I contact at KOMBIT?', has: ['programleder@kombit.dk', 'translated'], pattern: 4 },
  { asOf: '2025-01-10', q: 'what does DOS cost per citizen?', has: ['32 øre', "KOMBIT's Danish text, translated"], pattern: 4 },
  { asOf: '2025-01-20', q: 'hvad koster aula', partly: true, has: ['"koster"'], not: ['32 ører'], pattern: 4 },

  // 5: what the data does not know is said to be unknown, with what is known.
  { asOf: '2025-01-20', q: 'hvad er nyt i KLIK?', has: ['ikke publiceringsdagene', 'SAPA K53', '18. februar 2025'], not: ['ikke publiceret noget nyt'], pattern: 5 },
  { asOf: '2025-01-20', q: 'what is new in KLIK?', has: ['do not know the days', 'SAPA K55'], not: ['Nothing new has been published'], pattern: 5 },
  { asOf: '2025-02-01', q: 'nye klik opgaver', has: ['publiceringsdag'], not: ['ikke publiceret noget nyt'], pattern: 5 },
  { asOf: '2025-01-20', q: 'FK OSS KLIK-opgaver', has: ['22 KLIK-opgaver'], not: ['kLIK'], pattern: 5 },
  { asOf: '2025-01-20', q: 'fk oss klik opgaver', has: ['22 KLIK-opgaver'], pattern: 5 },

  // 6: municipalities, KOMBIT, vendors and agencies are no systems to survey.
  { asOf: '2025-01-20', q: 'hvornår skal Aarhus Kommune skifte', has: ['Aarhus er en kommune', 'to-faktor'], not: ['spørge leverandøren', 'Jeg kender ikke systemet'], pattern: 6 },
  { asOf: '2025-01-20', q: 'hvornaar skal koebenhavns kommune skifte til ch2', has: ['København er en kommune'], not: ['spørge leverandøren'], pattern: 6 },
  { asOf: '2025-01-20', q: 'when does Odense Municipality switch?', has: ['Odense is a municipality'], not: ['ask the vendor', "I don't know the system"], pattern: 6 },
  { asOf: '2025-01-20', q: 'hvornår skifter Ikast-Brande kommune til CH2', has: ['Ikast-Brande er en kommune'], not: ['spørge leverandøren'], pattern: 6 },
  { asOf: '2025-01-20', q: 'hvornår skifter KMD til CH2?', has: ['KMD er en leverandør'], not: ['Jeg kender ikke systemet'], pattern: 6 },
  { asOf: '2025-01-20', q: 'hvornår skifter Systematic', has: ['Systematic er en leverandør'], not: ['spørge leverandøren'], pattern: 6 },
  { asOf: '2025-01-20', q: 'hvornår skifter Færdselsstyrelsen til CH2', has: ['Færdselsstyrelsen er ikke et it-system'], not: ['spørge leverandøren'], pattern: 6 },
  // An unknown name is asked about before any survey is offered (issue #23): the offer follows a "Ja".
  { asOf: '2025-01-20', q: 'hvornår skifter Nexus til CH2?', has: ['Jeg kender ikke systemet "Nexus"', 'Er "Nexus" et system?'], not: ['spørge leverandøren'] },

  // 7: KLIK in capitals, "eller" in negations, headings in the bot's words, English in English.
  { asOf: '2025-01-20', q: 'meetings', has: ['Upcoming meetings', 'Date: Friday, 24 January 2025'], not: ['Kommende'], pattern: 7 },
  { asOf: '2025-01-20', q: 'agreements', has: ['Upcoming agreements'], pattern: 7 },
  { asOf: '2025-01-20', q: 'deadlines', has: ['Deadlines and meetings in the next 14 days'], pattern: 7 },
  { asOf: '2025-01-20', q: 'møder om informationsmødet', has: ['om "Informationsmøde"', '24. januar 2025'], not: ['"informationsmødet"'], pattern: 7 },
  { asOf: '2025-02-10', q: 'frister i juli 2026', has: ['ingen frister eller møder'], not: ['ingen frister og møder'], pattern: 7 },
  { asOf: '2025-02-10', q: 'hvad skete der i december 2024', has: ['Det skete i december 2024'], not: ['Det sker'], pattern: 7 },
  { asOf: '2025-01-22', q: 'when did SAPA switch to CH2?', has: ["KOMBIT programme managers' meeting, January 2025", /Note: ".*godt.*" \(Danish\)/], not: ['Source: KOMBIT programledermøde'], pattern: 7 },

  // Fresh questions about the deck's dates, around those dates.
  { asOf: '2025-02-17', q: 'hvornaar er fristen for k53', has: ['18. februar 2025', 'i morgen'] },
  { asOf: '2025-02-19', q: 'K53 frist', has: ['18. februar 2025', 'i går'] },
  { asOf: '2025-03-01', q: 'køreprøvebooking tilslutningsaftale frist', has: ['7. marts 2025'] },
  { asOf: '2025-01-20', q: 'hvornår er go-live for begravelseshjælp', has: ['28. februar 2025'] },
  { asOf: '2025-01-20', q: 'spørgetimer for kommuner', has: ['3. februar 2025', '3. marts 2025', '17. marts 2025'] },
  { asOf: '2025-01-20', q: 'orienteringsmøder fk oss', has: ['6. marts 2025', '11. marts 2025', '13. marts 2025'] },
  { asOf: '2025-01-20', q: 'hvad sker der i uge 10', has: ['3. marts 2025', '6. marts 2025', '7. marts 2025'] },
  { asOf: '2025-01-20', q: 'databehandleraftale bilag a frist', has: ['7. februar 2025'], not: ['Køreprøvebooking'] },
  { asOf: '2025-01-20', q: 'underskriv databehandleraftale frist', has: ['7. februar 2025'] },
  { asOf: '2025-01-30', q: 'frist for at vaere medunderskriver paa henvendelsesbrevet', has: ['5. februar 2025'] },
  { asOf: '2025-01-20', q: 'hvornaar skifter sapa til ch2', has: ['21. januar 2025', 'i morgen'] },
  { asOf: '2025-03-01', q: 'sapa release 3.18', has: ['13. marts 2025'] },
  { asOf: '2025-01-20', q: 'hvilke frister er der i februar', has: ['5. februar 2025', '7. februar 2025', '18. februar 2025'] },
  { asOf: '2025-01-27', q: 'hvad er lige passeret', has: ['22. januar 2025', '24. januar 2025'] },
  { asOf: '2025-01-20', q: 'klik 07', has: ['Ikke publiceret i KLIK endnu'] },
  { asOf: '2025-06-01', q: 'hvornår går fk oss bølge 2 i drift', has: ['1. september 2025'] },
  { asOf: '2025-02-03', q: 'what happens in week 10?', has: ['3 March 2025', '6 March 2025'] },
  { asOf: '2025-02-20', q: 'which deadlines are in march?', has: ['7 March 2025'] },
  { asOf: '2025-02-01', q: 'hvilke systemer har allerede skiftet', has: ['SAPA'] },
  { asOf: '2025-02-01', q: 'sts2 for ky', has: ['KY'] },
  { asOf: '2025-01-20', q: 'tak for hjælpen', has: ['Det var så lidt'] },
  { asOf: '2025-02-25', q: 'when is the go-live of UDK Begravelseshjælp?', has: ['28 February 2025'] },
  // Written after the second outside set: each row guards a mechanism, in words of its own.
  // Several codes, ranges and days in one question are all answered (3).
  { asOf: '2025-01-27', q: 'frist for klik 03, 04 og 05?', has: ['KLIK 03, KLIK 04, KLIK 05', 'ikke samme frist', '24. januar 2025', '7. februar 2025'], pattern: 3 },
  { asOf: '2025-01-20', q: 'frister for KLIK 01 til KLIK 04', has: ['KLIK 01, KLIK 02, KLIK 03, KLIK 04', '29. november 2024', '24. januar 2025'], not: ['KLIK 05:'], pattern: 3 },
  { asOf: '2025-01-08', q: 'hvad sker der 10. jan og 13. jan?', has: ['den 10. januar 2025 og den 13. januar 2025', 'Teknisk spørgetime', 'Opstartsmøde'], pattern: 3 },
  { asOf: '2025-01-08', q: 'hvornår er opstartsmødet og hvornår går UDK live', has: ['13. januar 2025', '28. februar 2025'], pattern: 3 },
  { asOf: '2025-02-12', q: 'Hej! Jeg er ny i Vejle Kommune. Hvornår skal aftalen om køreprøvebooking være underskrevet?', has: ['7. marts 2025'], pattern: 3 },
  // The next deadline however far it is; none later is "not known", never silence (5).
  { asOf: '2025-03-20', q: 'næste frist?', has: ['Næste frist', 'G1'], not: ['Spørgetime'], pattern: 5 },
  { asOf: '2025-04-02', q: 'deadlines?', has: ['The next deadline after that: not known'], pattern: 5 },
  { asOf: '2025-02-10', q: 'is the K55 deadline overdue?', has: ['18 February 2025', '(in 8 days)'] },
  { asOf: '2025-04-20', q: 'er der orienteringsmøder om FK OSS bølge 3?', has: ['Jeg kender ingen møder for FK OSS', 'fremgår ikke'], not: ['6. marts 2025 (for'], pattern: 5 },
  // A name, a number or a day that the deck does not give is said to be not known, beside what it says (5).
  { asOf: '2025-02-20', q: 'hvor mange kommuner er med i bølge 2 af FK OSS?', has: ['Det fremgår ikke af KOMBITs præsentation, hvor mange'], not: ['7 kommuner'], pattern: 5 },
  { asOf: '2025-01-30', q: 'hvornår var programledermødet?', has: ['Det fremgår ikke af KOMBITs præsentation, hvornår'], pattern: 5 },
  { asOf: '2025-01-30', q: 'who are the two job centre vendors?', has: ["KOMBIT's presentation does not say who it is"], pattern: 5 },
  // Facts that are not dates, and a day it was sent (4).
  { asOf: '2025-01-30', q: 'What time does the programme managers meeting start?', has: ['10.00'], pattern: 4 },
  { asOf: '2025-02-03', q: 'hvorfor udfases køreprøvebooking', has: ['Færdselsstyrelsen'], not: ['Frist:'], pattern: 4 },
  { asOf: '2025-02-01', q: 'hvornår blev bilag A v. 3.5 sendt ud?', has: ['Udsendt: 19. januar 2025'], pattern: 4 },
  { asOf: '2025-03-01', q: 'what is in SAPA release 3.18?', has: ['13 March 2025', 'pensionsrettigheder'], not: ['3.17'], pattern: 4 },
  // English words find the deck's Danish items (7); a word of other items is not passed over (1).
  { asOf: '2025-01-30', q: 'when were the webinars for infrastructure owners?', has: ['11 December 2024', '8 January 2025'], pattern: 7 },
  { asOf: '2025-05-02', q: 'when does the new driving test booking solution go live?', partly: true, has: ['not known'], not: ['FK OSS', 'deadlines for DOS'], pattern: 1 },
  { asOf: '2025-01-31', q: 'what does FBS 2.0 cost?', has: ['does not say what it costs', 'FBS'], not: ['32 øre'], pattern: 2 },
  { asOf: '2025-03-12', q: 'hvad koster køreprøvebooking for os', has: ['hvad det koster', 'Færdselsstyrelsen'], not: ['32 ører'], pattern: 5 },
  // Written after the held-out set: each row guards a mechanism, in words of its own.
  // Plain words of a question are no system's name, so no vendor survey (6).
  { asOf: '2025-02-04', q: 'hvem står bag skiftet til sts 2 hos kombit', partly: true, not: ['kender ikke systemet', 'Skal jeg spørge leverandøren'], pattern: 6 },
  { asOf: '2025-02-18', q: 'Did KOMBIT gather dates for other systems anywhere?', partly: true, has: ['Kommunesamarbejde'], not: ["I don't know the system", 'Shall I ask the vendor'], pattern: 6 },
  // The deck's presenters, with their role and slide, answer who told about a topic (4).
  { asOf: '2025-01-29', q: 'who talked about the buddy scheme', has: ['Jens Kastenskov', 'business development'], not: ['Troels', 'Graversen', 'does not say who'], pattern: 4 },
  { asOf: '2025-01-29', q: 'hvem præsenterede dos appendiks', has: ['Tom Bøgeskov', 'Kilde: KOMBIT programledermøde januar 2025'], not: ['Pris pr borger'], pattern: 4 },
  // A dated item found by whole words of its title, with no solution named (1).
  { asOf: '2025-01-29', q: 'hvornår kom formål dagtilbud', has: ['15. oktober 2024', 'Dagtilbud'], not: ['Jeg forstod ikke'], pattern: 1 },
  // What the question asks beyond what was understood is said plainly to be not known (5).
  { asOf: '2025-03-04', q: 'hvad med skiltning ved FK OSS mødet', partly: true, has: ['"skiltning"', 'ved jeg ikke noget om', '6. marts 2025'], pattern: 5 },
];

describe('fresh questions from the deck, asked as people type them on days around its dates', function () {
  this.timeout(120_000);
  const dataFolder = temporaryFolderPerSuite('fresh');

  for (const row of FRESH_QUESTIONS) {
    const tag = row.pattern ? ` (pattern ${row.pattern})` : '';
    it(`${row.asOf}: "${row.q}"${tag}`, async () => {
      const { code, stdout, stderr } = await cliInProcess(['ask', row.q, '--as-of', row.asOf], { DATA_DIR: dataFolder.path });
      assertAskedAnswer(row, code, `${stdout}${stderr}`);
    });
  }

  it('holds at least 60 questions, half of them Danish', () => {
    assert.ok(FRESH_QUESTIONS.length >= 60);
    const english = FRESH_QUESTIONS.filter((row) => /\b(when|what|which|who|why|how|is|meetings|deadlines|agreements)\b/i.test(row.q) && !/[æøå]|\bhv/i.test(row.q));
    assert.ok(FRESH_QUESTIONS.length - english.length >= FRESH_QUESTIONS.length / 2);
  });
});

type Sent = { attachments?: { content: Record<string, unknown> & { fallbackText?: string } }[]; text?: string };

/** The Action.Execute buttons of a card, wherever they sit. */
function executeButtons(node: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap(executeButtons);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as Record<string, unknown>;
  const own = element.type === 'Action.Execute' ? [element as unknown as { title: string; verb: string; data: Record<string, unknown> }] : [];
  return [...own, ...Object.entries(element).filter(([key]) => key !== 'fallback').flatMap(([, value]) => executeButtons(value))];
}

describe('fresh questions over /api/messages, as Teams sends them', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  before(async () => {
    bot = await BotHarness.start({ data: starterData(), clock: fixedClock('2025-01-20T10:00:00+01:00') });
  });
  after(async () => {
    await bot.stop();
  });

  async function ask(text: string) {
    await bot.post(personalMessage(bot.serviceUrl, text));
    const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1) as Sent;
    const card = reply.attachments?.[0]?.content;
    return { text: String(card?.fallbackText ?? reply.text), card };
  }

  // Every pattern's questions asked on the day the bot's clock says, with cards Teams can draw.
  for (const row of FRESH_QUESTIONS.filter((candidate) => candidate.asOf === '2025-01-20' && candidate.pattern !== undefined)) {
    it(`answers "${row.q}" (pattern ${String(row.pattern)}) with a valid card`, async () => {
      const { text, card } = await ask(row.q);
      for (const expected of row.has ?? []) if (typeof expected === 'string') assert.ok(text.includes(expected), `shows ${expected}:\n${text}`);
      for (const wrong of row.not ?? []) if (typeof wrong === 'string') assert.ok(!text.includes(wrong), `does not show ${wrong}:\n${text}`);
      assert.equal(PARTLY.test(text), row.partly ?? false, text);
      assert.deepEqual(cardProblems(card), []);
    });
  }

  it('offers the closest questions as buttons that ask them, when it understood only part', async () => {
    const { text, card } = await ask('hvad koster aula');
    assert.match(text, /Jeg forstod ikke "koster"/);
    const buttons = executeButtons(card).filter((button) => button.verb === 'reading.ask');
    const question = buttons.find((button) => button.title === 'hvornår skifter Aula til CH2?');
    assert.ok(question, `a button asks the switch question: ${JSON.stringify(buttons.map((button) => button.title))}`);
    assert.equal(question.data.question, 'hvornår skifter Aula til CH2?');

    const { status, body } = await bot.post(cardAction(bot.serviceUrl, 'reading.ask', question.data));
    assert.equal(status, 200);
    const response = body as { statusCode: number; type: string; value: unknown };
    assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(response.value), /Der er endnu ingen kendt dato for Aulas skift til Context Handler 2/);
    assert.deepEqual(cardProblems(response.value), []);
  });
});
