import { cliInProcess } from '../support/cli.js';
import { temporaryFolderPerSuite } from '../support/tempFolder.js';
import { assertAskedAnswer, type FreshQuestion } from '../support/askedQuestion.js';

/**
 * Questions of our own, one group per mechanism behind the failures of the held-out sets (issue 19,
 * third round), asked through `cli ask --as-of` on days around the deck's dates. Each row would have
 * failed before the mechanism was fixed.
 */

export const MECHANISM_QUESTIONS: (FreshQuestion & { mechanism: string })[] = [
  // Weeks asked as a range, and a system's dated items in a period without a question word.
  { mechanism: 'weeks', asOf: '2025-03-01', q: 'FK OSS i uge 14 til 21', has: ['uge 14–21, 2025', 'go/no go til udrulningsforløb (G2)'], not: ['CH2-dato', 'Orienteringsmøde'] },
  { mechanism: 'weeks', asOf: '2025-02-20', q: 'what is planned for FK OSS in weeks 10 to 11?', has: ['weeks 10–11, 2025', '6 March 2025', '13 March 2025'], not: ['CH2 date'] },
  { mechanism: 'weeks', asOf: '2025-02-20', q: 'fk oss uge 11', has: ['uge 11, 2025', '11. marts 2025', '13. marts 2025'], not: ['CH2-dato', '6. marts 2025'] },

  // A fact of the deck wins over dated items when the question is about the fact.
  { mechanism: 'fact wins', asOf: '2025-01-27', q: 'hvornår blev SKAT-datastrømmene tilføjet databehandleraftalen?', has: ['datastrømmene fra SKAT bliver tilføjet', '19. januar 2025'], not: ['Jeg kender ingen'] },
  { mechanism: 'fact wins', asOf: '2025-01-27', q: 'when were the SKAT data flows added to annex A?', has: ['data flows from SKAT are added', '19 January 2025'], not: ['I know of no'] },

  // "Oprindeligt", "første gang", "first": the earliest of the items found.
  { mechanism: 'first', asOf: '2025-01-27', q: 'hvornår fremsendte KOMBIT oprindeligt bilag A for SAPA?', has: ['18. december 2024'], not: ['Frist: fredag den 7. februar 2025'] },
  { mechanism: 'first', asOf: '2025-04-01', q: 'hvornår var det første orienteringsmøde om FK OSS?', has: ['6. marts 2025'], not: ['11. marts 2025', 'Invitationen'] },
  { mechanism: 'first', asOf: '2025-04-01', q: 'when was the first FK OSS information meeting?', has: ['6 March 2025'], not: ['13 March 2025'] },

  // The FK ORG incident's workaround and its end.
  { mechanism: 'incident', asOf: '2025-01-21', q: 'hvordan blev problemet med FK ORG løst?', has: ['omgået torsdag den 9. januar', 'køen afviklet'], not: ['CH2-dato', 'Jeg kender ikke driftsstatus'] },
  { mechanism: 'incident', asOf: '2025-01-21', q: 'how was the FK ORG issue worked around?', has: ['worked around on Thursday 9 January'], not: ['CH2 date'] },

  // Fault classes are KOMBIT's rule, told by the deck, not the status page.
  { mechanism: 'fault classes', asOf: '2025-02-03', q: 'bliver C- og D-fejl meldt ud fremover?', has: ['C- og D-fejl', 'Kilde: KOMBIT programledermøde januar 2025'], not: ['Jeg kender ikke driftsstatus'] },
  { mechanism: 'fault classes', asOf: '2025-02-03', q: 'are operational messages sent for B faults today?', has: ['only for A and B faults'], not: ["I don't know the operational status"] },

  // Visits: asked without the word, and only KOMBIT's visits.
  { mechanism: 'visits', asOf: '2025-02-03', q: 'har kombit været i hjørring?', has: ['Hjørring: besøgt 30. november 2023'] },
  { mechanism: 'visits', asOf: '2025-02-03', q: 'has KOMBIT been to Randers?', has: ['Randers: visited on 22 April 2024'] },
  { mechanism: 'visits', asOf: '2025-02-03', q: 'hvor mange gange har KOMBIT været i Frederiksberg?', has: ['7. maj 2024', '15. maj 2024'], not: ['Jeg forstod ikke'] },
  { mechanism: 'visits', asOf: '2025-02-03', q: 'hvornår besøgte kombit kbh?', has: ['København: besøgt 2. maj 2024', 'København: besøgt 28. august 2024'] },
  { mechanism: 'visits', asOf: '2025-02-03', q: 'besøg af leverandøren', partly: true, not: ['KOMBITs besøg hos de kommunale direktioner'] },

  // A deadline the deck does not give is not known, with what it says.
  { mechanism: '2fa', asOf: '2025-01-13', q: 'hvad er fristen for to-faktor på SAPA?', has: ['Det fremgår ikke af KOMBITs præsentation, hvad fristen er', 'to-faktor autentifikation'], not: ['Jeg kender ingen frister', '18. februar 2025'] },
  { mechanism: '2fa', asOf: '2025-01-13', q: 'SAPA 2FA deadline?', has: ['does not say what the deadline is', 'two-factor'], not: ['18 February 2025'] },

  // "Hvornår kom …" is the past: the day it came.
  { mechanism: 'kom', asOf: '2025-02-10', q: 'hvornår kom DOS-appendikset?', has: ['Udsendt: 20. december 2024'] },
  { mechanism: 'kom', asOf: '2025-01-29', q: 'hvornår kom formål opkrævning', has: ['3. september 2024'], not: ['Jeg kender ingen kommende'] },
  { mechanism: 'kom', asOf: '2025-02-12', q: 'when did we receive the new Køreprøvebooking agreement?', has: ['Sent: 28 January 2025'] },

  // A price asked of a system named by its alias, in English or Danish.
  { mechanism: 'price', asOf: '2025-01-20', q: 'what does FK ORG cost?', has: ['does not say what it costs', 'FK Organisation', 'translated'], not: ['32 øre'] },
  { mechanism: 'price', asOf: '2025-01-20', q: 'hvad koster fk org?', has: ['hvad det koster', 'FK Organisation'] },

  // Who presented a topic; a Danish name does not turn an English question Danish.
  { mechanism: 'who', asOf: '2025-02-03', q: 'Who presented UDK Begravelseshjælp?', has: ['Sabine Hedegård', 'Source:'], not: ['Kilde:'] },
  { mechanism: 'who', asOf: '2025-02-03', q: 'hvem fortalte om den nye leverandør på FBS?', has: ['Katrine von Freiesleben'] },

  // Several codes' deadlines are listed; whether they share one is said only when asked.
  { mechanism: 'same only when asked', asOf: '2025-01-20', q: 'deadlines for K54 and KLIK 03?', has: ['18 February 2025', '24 January 2025'], not: ['same deadline'] },
  { mechanism: 'same only when asked', asOf: '2025-01-20', q: 'har KLIK 03 og KLIK 04 samme frist?', has: ['samme frist: 24. januar 2025'] },
  // The presenter of a topic is who presented it, before the topic's other facts.
  { mechanism: 'who', asOf: '2025-02-03', q: 'who is presenting the data processing agreements?', has: ['Kenneth Borgstrøm'], not: ['template'] },
];

describe('the mechanisms behind the third held-out set, in questions of our own', function () {
  this.timeout(120_000);
  const dataFolder = temporaryFolderPerSuite('mechanisms');

  for (const row of MECHANISM_QUESTIONS) {
    it(`${row.mechanism}: ${row.asOf} "${row.q}"`, async () => {
      const { code, stdout, stderr } = await cliInProcess(['ask', row.q, '--as-of', row.asOf], { DATA_DIR: dataFolder.path });
      assertAskedAnswer(row, code, `${stdout}${stderr}`);
    });
  }
});
