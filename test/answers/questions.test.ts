import assert from 'node:assert/strict';
import { answerQuestion, type Answer } from '../../src/answers/answer.js';
import { present, viewToText } from '../../src/answers/present.js';
import { Registry } from '../../src/registry/registry.js';
import { TEST_TODAY, testData } from '../support/fixtures.js';

type Expect =
  | { found: string[]; topic?: 'ch2' | 'sts2' | 'both'; lang?: 'da' | 'en'; says?: string[] }
  | { ambiguous: string[] }
  | { unknown: string; lang?: 'da' | 'en' }
  | { list: 'period' | 'missing' | 'switched' | 'planned' | 'all'; has?: string[]; lacks?: string[]; topic?: 'ch2' | 'sts2' | 'both'; lang?: 'da' | 'en'; says?: string[] }
  | { overview: true; lang?: 'da' | 'en' }
  | { notUnderstood: true };

const QUESTIONS: [string, Expect][] = [
  // Danish and English questions about one system, as people type them
  ['hvornår skifter SAPA til CH2?', { found: ['SAPA'], topic: 'ch2', lang: 'da', says: ['21. januar 2025', 'for 3 uger siden'] }],
  ['Hvornår skifter sapa til context handler 2', { found: ['SAPA'], topic: 'ch2', says: ['21. januar 2025'] }],
  ['hvornar skifter Sags- og Partsoverblik til CH 2?', { found: ['SAPA'], topic: 'ch2' }],
  ['Partsoverblik CH-2', { found: ['SAPA'], topic: 'ch2' }],
  ['hvornår skifter Aula til context handler 2?', { found: ['Aula'], topic: 'ch2', lang: 'da', says: ['ingen kendt dato', 'Eksempel A/S'] }],
  ['Aulla ch2?', { found: ['Aula'] }],
  ['hvornår skifter Aulo til CH2', { found: ['Aula'] }],
  ['Sapa', { found: ['SAPA'], topic: 'both' }],
  ['STS2 for KY?', { found: ['KY'], topic: 'sts2' }],
  ['STS 2 for Kommunernes Ydelsessystem', { found: ['KY'], topic: 'sts2' }],
  ['hvornår skifter ydelsessystemet til sts2', { found: ['KY'], topic: 'sts2', lang: 'da' }],
  ['KY', { found: ['KY'] }],
  ['KYs dato for CH2', { found: ['KY'], topic: 'ch2' }],
  ['hvornår skifter KSD', { found: ['KSD'], topic: 'both' }],
  ['sygedagpengesystemet ch2', { found: ['KSD'], topic: 'ch2' }],
  ['sygedagpengesystem ch2', { found: ['KSD'], topic: 'ch2' }],
  ['hvad er status for FBS?', { found: ['FBS'], lang: 'da' }],
  ['Fælles Bibliotekssystem CH2', { found: ['FBS'], topic: 'ch2' }],
  ['faelles bibliotekssystem ch2', { found: ['FBS'], topic: 'ch2' }],
  ['Falles Bibliotekssystem', { found: ['FBS'] }],
  ['FBS 2.0 context handler', { found: ['FBS'], topic: 'ch2' }],
  ['hvornår skifter Køreprøvebooking?', { found: ['Køreprøvebooking'] }],
  ['koereproevebooking ch2', { found: ['Køreprøvebooking'], topic: 'ch2' }],
  ['koreprovebooking', { found: ['Køreprøvebooking'] }],
  ['FK ORG sts2', { found: ['FK Organisation'], topic: 'sts2' }],
  ['fkorg', { found: ['FK Organisation'] }],
  ['FK-ORG', { found: ['FK Organisation'] }],
  ['Fælleskommunalt Organisationssystem', { found: ['FK Organisation'] }],
  ['Security Token Service 2 for FK Organisation', { found: ['FK Organisation'], topic: 'sts2' }],
  ['FK OSS', { found: ['FK OSS'] }],
  ['Socialt Frikort', { found: ['Socialt Frikort'] }],
  ['frikort ch2', { found: ['Socialt Frikort'], topic: 'ch2' }],
  ['socialt frikort', { found: ['Socialt Frikort'] }],
  ['YR sts2', { found: ['YR'], topic: 'sts2', says: ['Der er endnu ingen kendt dato for YRs skift til STS 2.'] }],
  ['Fjernprint sts2', { found: ['Fjernprint'], topic: 'sts2', says: ['ikke relevant'] }],
  ['Ydelsesrefusion', { found: ['YR'] }],
  ['ny context handler for DUBU', { found: ['DUBU'], topic: 'ch2' }],
  ['NSIS context handler Borgerblikket', { found: ['Borgerblikket'], topic: 'ch2' }],
  ['hvornår skifter Nexus til CH2', { found: ['Nexus'], topic: 'ch2', says: ['3. marts 2025', 'om 3 uger'] }],
  ['Nexsu ch2', { found: ['Nexus'], topic: 'ch2' }],
  ['hvornår skifter SAPA og Aula?', { found: ['SAPA', 'Aula'] }],
  ['hvornår skifter SAPAs login', { found: ['SAPA'] }],
  ['Opus ch2', { found: ['Opus'], topic: 'ch2', says: ['ikke bekræftet', '5. januar 2025'] }],
  ['Momentum sts2', { found: ['Momentum'], topic: 'sts2', says: ['20. februar 2025', 'om 10 dage'] }],
  ['hvornår skifter Valg?', { found: ['Valg'] }],
  ['hvornår skifter serviceplatformen til ch2?', { found: ['Serviceplatformen'], topic: 'ch2' }],
  ['Beskrivelse af Borgerblikket status', { found: ['Borgerblikket'] }],
  ['when does SAPA switch to CH2?', { found: ['SAPA'], topic: 'ch2', lang: 'en', says: ['21 January 2025', '3 weeks ago'] }],
  ['When will Aula move to Context Handler 2?', { found: ['Aula'], topic: 'ch2', lang: 'en', says: ['No date is known'] }],
  ['what is the STS2 date for KY', { found: ['KY'], topic: 'sts2', lang: 'en' }],
  ['status of FK OSS', { found: ['FK OSS'], lang: 'en' }],
  ['when does Nexus switch to STS 2', { found: ['Nexus'], topic: 'sts2', lang: 'en', says: ['1 June 2025', 'in 4 months'] }],
  ['when does the library system FBS switch', { found: ['FBS'], lang: 'en' }],
  ['when is Momentum switching to CH2?', { found: ['Momentum'], topic: 'ch2', lang: 'en', says: ['27 March 2025', 'in 6 weeks'] }],
  // Several systems equally likely: ask
  ['FK', { ambiguous: ['FK Organisation', 'FK OSS'] }],
  ['Nexas ch2', { ambiguous: ['Nexus', 'Nexos'] }],
  // Systems the registry does not know: never a date
  ['hvornår skifter Zeus til CH2?', { unknown: 'Zeus', lang: 'da' }],
  ['hvornår skifter vores Acadre til CH2?', { unknown: 'Acadre' }],
  ['when does Acadre switch to CH2', { unknown: 'Acadre', lang: 'en' }],
  ['Acadre', { unknown: 'Acadre' }],
  ['Does SKY switch to STS2?', { unknown: 'SKY', lang: 'en' }],
  ['hvornår skifter sky til ch2', { unknown: 'sky' }],
  ['hvornår skifter skyen til STS2?', { unknown: 'skyen' }],
  // Lists by month and period, against Monday 10 February 2025
  ['hvilke systemer skifter i marts?', { list: 'period', has: ['Nexus', 'Momentum'], lacks: ['SAPA', 'Aula'], says: ['marts 2025'] }],
  ['which systems switch in March 2025?', { list: 'period', has: ['Nexus', 'Momentum'], lang: 'en', says: ['March 2025'] }],
  ['hvilke systemer skifter i marts 2025', { list: 'period', has: ['Nexus', 'Momentum'] }],
  ['hvilke systemer skiftede i januar?', { list: 'period', has: ['SAPA', 'Opus'], lacks: ['Nexus'], says: ['januar 2025'] }],
  ['hvilke systemer skifter i januar?', { list: 'period', lacks: ['SAPA'], says: ['januar 2026'] }],
  ['hvilke systemer skifter næste måned', { list: 'period', has: ['Nexus', 'Momentum'], says: ['marts 2025'] }],
  ['which systems switch next month', { list: 'period', has: ['Nexus'], lang: 'en' }],
  ['hvilke systemer skifter denne måned', { list: 'period', has: ['Momentum'], lacks: ['Nexus'], says: ['februar 2025'] }],
  ['what switches this month?', { list: 'period', has: ['Momentum'], lang: 'en' }],
  ['hvilke systemer skifter dette kvartal', { list: 'period', has: ['SAPA', 'Opus', 'Nexus', 'Momentum'], says: ['1. kvartal 2025'] }],
  ['which systems switch this quarter', { list: 'period', has: ['SAPA', 'Nexus'], says: ['Q1 2025'] }],
  ['hvad skifter næste kvartal?', { list: 'period', has: ['Nexus'], lacks: ['SAPA', 'Momentum'] }],
  ['skift i 2025', { list: 'period', has: ['SAPA', 'Nexus', 'Momentum', 'Opus'] }],
  ['switches in Q2 2025', { list: 'period', has: ['Nexus'], lacks: ['Momentum'] }],
  ['hvilke systemer skifter til STS2 i juni?', { list: 'period', topic: 'sts2', has: ['Nexus'] }],
  ['hvilke systemer skifter til CH2 i juni?', { list: 'period', topic: 'ch2', lacks: ['Nexus'], says: ['Ingen af mine systemer', 'ikke kendt endnu'] }],
  ['which systems switch to CH2 in May 2025?', { list: 'period', topic: 'ch2', lang: 'en', says: ['None of my systems', 'not known yet'] }],
  ['hvilke systemer skiftede sidste måned?', { list: 'period', has: ['SAPA', 'Opus'], says: ['januar 2025'] }],
  ['which systems switched last year', { list: 'period', lacks: ['SAPA'], says: ['2024'] }],
  ['hvilke systemer mangler en dato?', { list: 'missing', has: ['Aula', 'KY', 'Nexos', 'YR'], lacks: ['SAPA', 'Fjernprint', 'Nexus'] }],
  ['which systems are missing a date?', { list: 'missing', has: ['Aula'], lacks: ['SAPA'], lang: 'en' }],
  ['systemer uden dato', { list: 'missing', has: ['Aula'] }],
  ['hvilke systemer mangler en STS2-dato', { list: 'missing', topic: 'sts2', has: ['SAPA', 'Aula', 'YR'], lacks: ['Nexus', 'Fjernprint'] }],
  ['hvilke systemer har allerede skiftet?', { list: 'switched', has: ['SAPA'], lacks: ['Aula', 'Opus', 'Nexus'] }],
  ['which systems have already switched?', { list: 'switched', has: ['SAPA'], lang: 'en' }],
  ['planlagte skift', { list: 'planned', has: ['Nexus', 'Momentum'], lacks: ['SAPA', 'Aula'] }],
  ['upcoming switches', { list: 'planned', has: ['Nexus'], lang: 'en' }],
  ['alle systemer', { list: 'all', has: ['SAPA', 'Aula', 'YR', 'Nexus'] }],
  ['list all systems', { list: 'all', has: ['SAPA'], lang: 'en' }],
  // About the switch in general
  ['hvornår skifter vi til CH2?', { overview: true, lang: 'da' }],
  ['when do we switch to STS2', { overview: true, lang: 'en' }],
  // Not a question the bot answers: no guess, the help fallback takes it
  ['tak for hjælpen', { notUnderstood: true }],
  ['blah blah', { notUnderstood: true }],
  ['hvad synes du om vejret', { notUnderstood: true }],
  ['valgt', { notUnderstood: true }],
  ['kys', { notUnderstood: true }],
];

const names = (answer: Answer): string[] =>
  answer.kind === 'found' || answer.kind === 'list' ? answer.facts.map((fact) => fact.system.name) : [];

describe('answering questions about CH2 and STS2 dates', () => {
  const registry = new Registry(testData());

  it('has a table of at least 80 questions', () => {
    assert.ok(QUESTIONS.length >= 80, `only ${QUESTIONS.length} questions`);
  });

  for (const [question, expected] of QUESTIONS) {
    it(`answers "${question}"`, () => {
      const answered = answerQuestion(question, { registry, today: TEST_TODAY, locale: null });
      if ('notUnderstood' in expected) {
        assert.equal(answered, null, `expected no answer, got ${answered?.answer.kind}`);
        return;
      }
      assert.ok(answered, 'no answer');
      const { answer } = answered;
      const text = viewToText(present(answered));
      if ('found' in expected) {
        assert.equal(answer.kind, 'found', text);
        assert.deepEqual(names(answer), expected.found);
      } else if ('ambiguous' in expected) {
        assert.equal(answer.kind, 'ambiguous', text);
        assert.deepEqual(answer.kind === 'ambiguous' && answer.candidates.map((s) => s.name).sort(), [...expected.ambiguous].sort());
      } else if ('unknown' in expected) {
        assert.equal(answer.kind, 'unknown', text);
        assert.equal(answer.kind === 'unknown' && answer.query, expected.unknown);
        assert.doesNotMatch(text, /\d{4}/, 'an unknown system must get no date');
      } else if ('list' in expected) {
        assert.equal(answer.kind, 'list', text);
        assert.equal(answer.kind === 'list' && answer.list, expected.list);
        for (const name of expected.has ?? []) assert.ok(names(answer).includes(name), `${name} missing from:\n${text}`);
        for (const name of expected.lacks ?? []) assert.ok(!names(answer).includes(name), `${name} should not be in:\n${text}`);
      } else {
        assert.equal(answer.kind, 'overview', text);
      }
      if ('topic' in expected && expected.topic) assert.equal(answer.topic, expected.topic);
      if ('lang' in expected && expected.lang) assert.equal(answered.lang, expected.lang);
      for (const phrase of ('says' in expected && expected.says) || []) assert.ok(text.includes(phrase), `"${phrase}" not in:\n${text}`);
    });
  }
});
