import assert from 'node:assert/strict';
import { buildDigest, isEmptyDigest } from '../../src/deadlines/digest.js';
import { digestViewToText, presentDigest } from '../../src/deadlines/present.js';
import { answerDeadlineQuestion } from '../../src/deadlines/questions.js';
import { Registry } from '../../src/registry/registry.js';
import { splitWords } from '../../src/text/words.js';
import { starterData, system } from '../support/fixtures.js';

const digestFor = (asOf: string, extra: Partial<Parameters<typeof buildDigest>[0]> = {}) => {
  const data = starterData();
  return buildDigest({ deadlines: data.deadlines, systems: data.systems, surveys: [], asOf, ...extra });
};
const codes = (items: { deadline: { solution: string; code: string | null; title: string } }[]) =>
  items.map(({ deadline }) => deadline.code ?? `${deadline.solution}: ${deadline.title.slice(0, 20)}`);

describe('the weekly digest', () => {
  it('on Monday 17 February 2025 shows K53–K55 as due tomorrow', () => {
    const digest = digestFor('2025-02-17');
    assert.deepEqual(digest.week, { year: 2025, week: 8 });
    assert.deepEqual(codes(digest.dueSoon[0]!.items), ['K53', 'K54', 'K55']);
    assert.ok(digest.dueSoon[0]!.items.every((item) => item.days === 1));
    const text = digestViewToText(presentDigest(digest, 'da'));
    assert.match(text, /SAPA K53: Opret og underskriv aftale .* · tirsdag 18\. februar \(i morgen\)/);
    assert.match(digestViewToText(presentDigest(digest, 'en')), /SAPA K53: .* · Tuesday 18 February \(tomorrow\)/);
  });

  it('groups the next 14 days by week, D included and D+14 not', () => {
    const digest = digestFor('2025-02-17');
    assert.deepEqual(digest.dueSoon.map((group) => group.week.week), [8, 9]);
    assert.deepEqual(codes(digest.dueSoon[1]!.items), ['UDK Begravelseshjælp: UDK Begravelseshjælp']);
    assert.deepEqual(codes(digestFor('2025-02-14').dueSoon.flatMap((g) => g.items)), ['K53', 'K54', 'K55'], 'the event on D+14 is not yet in');
    assert.deepEqual(
      codes(digestFor('2025-02-05').dueSoon.flatMap((g) => g.items)),
      ['SAPA og Borgerblikket: Giv besked, hvis kom', 'SAPA: Underskriv databehan', 'K53', 'K54', 'K55'],
      'due on D itself, and on D+13',
    );
    assert.deepEqual(codes(digestFor('2025-02-04').dueSoon.flatMap((g) => g.items)).slice(-1), ['SAPA: Underskriv databehan'], 'K53 on D+14 is not in');
  });

  it('lists what was published and what passed in the 7 days before D, not on D', () => {
    const digest = digestFor('2025-02-10');
    assert.deepEqual(codes(digest.published), ['KLIK 05', 'KLIK 06']);
    assert.deepEqual(codes(digest.passed), ['Context Handler 2: Spørgetime for kommu', 'SAPA og Borgerblikket: Giv besked, hvis kom', 'SAPA: Underskriv databehan']);
    assert.deepEqual(codes(digestFor('2025-02-07').published), [], 'published on D itself is next week\'s news');
    assert.deepEqual(codes(digestFor('2025-02-11').passed)[0], 'SAPA og Borgerblikket: Giv besked, hvis kom', 'the 3 February meeting is 8 days back');
  });

  it('names systems switching within 30 days and surveys open for more than 7 days', () => {
    const systems = [system({ name: 'Nexus', ch2Date: '2025-03-18' }), system({ name: 'Momentum', sts2Date: '2025-03-19' })];
    const surveys = [
      { system: 'Aula', createdAt: '2025-02-09T10:00:00Z', requesters: 2, answers: 0 },
      { system: 'FBS', createdAt: '2025-02-10T10:00:00Z', requesters: 1, answers: 0 },
    ];
    const digest = digestFor('2025-02-17', { systems, surveys });
    assert.deepEqual(digest.switching.map((s) => s.system.name), ['Nexus'], 'D+29 is the last day');
    assert.deepEqual(digest.staleSurveys.map((s) => s.system), ['Aula']);
    assert.match(digestViewToText(presentDigest(digest, 'da')), /Aula: åben siden 9\. februar 2025, 2 har spurgt/);
  });

  it('says so in one line when the week holds nothing', () => {
    const digest = digestFor('2026-11-30');
    assert.ok(isEmptyDigest(digest));
    assert.equal(digestViewToText(presentDigest(digest, 'da')), 'Ugens oversigt — uge 49, 2026\nIngen frister, nye KLIK-opgaver eller skift i denne uge.');
  });
});

describe('questions about deadlines', () => {
  const data = starterData();
  data.deadlines.push({ solution: 'KP', code: 'K53', kind: 'klik', title: 'En anden K53', published: null, deadline: '2025-03-01', url: null, source: null });
  const registry = new Registry(data);
  const ask = (text: string, today = '2025-02-10') => answerDeadlineQuestion(splitWords(text), registry, today);

  it('answers "frister" with the next 14 days', () => {
    const answer = ask('frister');
    assert.equal(answer.kind, 'upcoming');
    assert.deepEqual(answer.items.map((d) => d.code), ['K53', 'K54', 'K55']);
  });

  it('finds a code, and lists every solution that uses it', () => {
    const answer = ask('hvornår er fristen for K53?');
    assert.deepEqual([answer.kind, answer.items.map((d) => d.solution)], ['code', ['SAPA', 'KP']]);
    assert.deepEqual(ask('fristen for K53 i SAPA').items.map((d) => d.solution), ['SAPA']);
    assert.deepEqual(ask('when is the KLIK 05 deadline').items.map((d) => d.title.slice(0, 3)), ['Map']);
  });

  it('lists the tasks of a solution, by name or alias, and what is new', () => {
    assert.deepEqual(ask('KLIK-opgaver for UDK Begravelseshjaelp').items.map((d) => d.code ?? '-'), ['KLIK 01', 'KLIK 02', 'KLIK 03', 'KLIK 04', '-', 'KLIK 05', 'KLIK 06']);
    assert.equal(ask('KLIK opgaver for Sags- og Partsoverblik').kind, 'solution');
    assert.deepEqual(ask('hvad er nyt i KLIK?').items.map((d) => d.code), ['KLIK 05', 'KLIK 06']);
  });
});
