import assert from 'node:assert/strict';
import { buildDigest, isEmptyDigest } from '../../src/deadlines/digest.js';
import { digestViewToText, presentDigest } from '../../src/deadlines/present.js';
import { starterData, system } from '../support/fixtures.js';

const digestFor = (asOf: string, extra: Partial<Parameters<typeof buildDigest>[0]> = {}) => {
  const data = starterData();
  return buildDigest({ deadlines: data.deadlines, systems: data.systems, surveys: [], asOf, ...extra });
};
const codes = (items: { deadline: { solution: string; code: string | null; title: string } }[]) =>
  items.map(({ deadline }) => deadline.code ?? `${deadline.solution}: ${deadline.title.slice(0, 20)}`);

describe('the weekly digest', () => {
  it('on Monday 17 February 2025 shows K53–K55 as due tomorrow, every day labelled', () => {
    const digest = digestFor('2025-02-17');
    assert.deepEqual(digest.week, { year: 2025, week: 8 });
    assert.deepEqual(codes(digest.dueSoon[0]!.items), ['K53', 'K54', 'K55']);
    assert.ok(digest.dueSoon[0]!.items.every((item) => item.days === 1));
    const text = digestViewToText(presentDigest(digest, 'da'));
    assert.match(text, /^Ugens oversigt — uge 8, 2025$/m);
    assert.match(text, /^  Uge 8, 2025$/m);
    assert.match(text, /SAPA K53: Opret og underskriv aftale .* · Frist: tirsdag 18\. februar \(i morgen\)/);
    assert.match(digestViewToText(presentDigest(digest, 'en')), /SAPA K53: .* · Deadline: Tuesday 18 February \(tomorrow\)/);
  });

  it('keeps meetings and go-lives apart from deadlines: they happen, they are not due', () => {
    const digest = digestFor('2025-02-17');
    assert.deepEqual(digest.dueSoon.map((group) => group.week.week), [8]);
    assert.deepEqual(codes(digest.happeningSoon.flatMap((g) => g.items)), ['UDK Begravelseshjælp: UDK Begravelseshjælp']);
    const text = digestViewToText(presentDigest(digest, 'da'));
    assert.match(text, /Møder og andre datoer de næste 14 dage\n  Uge 9, 2025\n    - UDK Begravelseshjælp · Idriftsættelse: .* · Dato: fredag 28\. februar \(om 11 dage\)/);
    assert.doesNotMatch(text, /Begivenhed/);
    const march = digestViewToText(presentDigest(digestFor('2025-02-24'), 'da'));
    assert.match(march, /Context Handler 2 · Møde: Spørgetime for kommuner .* · Dato: mandag 3\. marts/);
  });

  it('lists as new in KLIK only KLIK tasks whose publication day is known; agreements were sent', () => {
    const data = starterData();
    // Data of its own: a task KLIK published on a known day, and an agreement sent by mail.
    data.deadlines.push(
      { solution: 'KP', code: 'MI 03', kind: 'klik', title: 'Test af snitflade', published: '2025-02-05', deadline: '2025-03-20', url: null, source: 'Test', klikStatus: 'published', from: null, note: null },
      { solution: 'KP', code: null, kind: 'agreement', title: 'Underskriv tillæg', published: '2025-02-06', deadline: '2025-03-21', url: null, source: 'Test', klikStatus: null, from: null, note: null },
    );
    const digest = buildDigest({ deadlines: data.deadlines, systems: data.systems, surveys: [], asOf: '2025-02-10' });
    assert.deepEqual(codes(digest.published), ['MI 03']);
    assert.deepEqual(codes(digest.sent), ['KP: Underskriv tillæg']);
    const text = digestViewToText(presentDigest(digest, 'da'));
    assert.match(text, /Nyt i KLIK den seneste uge\n  - KP MI 03: Test af snitflade · Publiceret i KLIK: 5\. februar 2025 · Frist: 20\. marts 2025/);
    assert.match(text, /Udsendt den seneste uge\n  - KP · Aftale: Underskriv tillæg · Udsendt: 6\. februar 2025 · Frist: 21\. marts 2025/);
    assert.deepEqual(codes(digestFor('2025-02-10').published), [], 'the deck gives no publication day for any KLIK task');
  });

  it('lists what passed in the 7 days before D, not on D', () => {
    const digest = digestFor('2025-02-10');
    assert.deepEqual(codes(digest.passed), [
      'Context Handler 2: Spørgetime for kommu', 'SAPA: SKAT-indkomstoplysni', 'SAPA og Borgerblikket: Giv besked, hvis kom', 'SAPA: Underskriv databehan',
      'KLIK 05', 'KLIK 06', 'FK OSS: Invitationen til ori',
    ]);
    // Shown newest first (issue #23): yesterday's on top; the 3 February meeting, the oldest, is the one behind "Vis alle (7)".
    const view = presentDigest(digest, 'da');
    const shown = digestViewToText(view);
    assert.match(shown, /Netop passeret\n  - FK OSS · Milepæl: Invitationen .* \(i går\) · var planlagt, det er ikke bekræftet at det skete\n  - SAPA · Aftale: .* \(for 3 dage siden\)\n/);
    const passed = view.sections.find((section) => section.heading === 'Netop passeret');
    assert.equal(passed?.groups.flatMap((group) => group.lines).length, 6);
    assert.equal(passed?.showAll, 'Vis alle (7)');
    assert.match(passed?.rest?.[0]?.lines[0]?.text ?? '', /Spørgetime .* \(for 7 dage siden\)/);
    assert.deepEqual(codes(digestFor('2025-02-11').passed)[0], 'SAPA: SKAT-indkomstoplysni', 'the 3 February meeting is 8 days back');
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
    const text = digestViewToText(presentDigest(digest, 'da'));
    assert.match(text, /Aula: Åben siden: 9\. februar 2025 · 2 har spurgt/);
    assert.match(text, /Nexus: CH2: 18\. marts 2025 \(om 4 uger\)/);
  });

  it('says so in one line when the week holds nothing', () => {
    const digest = digestFor('2026-11-30');
    assert.ok(isEmptyDigest(digest));
    assert.equal(digestViewToText(presentDigest(digest, 'da')), 'Ugens oversigt — uge 49, 2026\nIngen frister, møder, nye KLIK-opgaver eller skift i denne uge.');
  });
});

describe('the KLIK facts the bot ships with', () => {
  it('holds KLIK tasks as KLIK has them: status, Slutdato, and no publication day no source gives', () => {
    const klik = starterData().deadlines.filter((d) => d.kind === 'klik');
    assert.ok(klik.every((d) => d.published === null), 'no source gives a publication day for a KLIK task');
    const udk = Object.fromEntries(klik.filter((d) => d.solution === 'UDK Begravelseshjælp').map((d) => [d.code, [d.klikStatus, d.deadline]]));
    assert.deepEqual(udk, {
      'KLIK 01': ['published', '2024-11-29'],
      'KLIK 02': ['published', '2024-11-29'],
      'KLIK 03': ['published', '2025-01-24'],
      'KLIK 04': ['published', '2025-01-24'],
      'KLIK 05': ['published', '2025-02-07'],
      'KLIK 06': ['published', '2025-02-07'],
      'KLIK 07': ['not-published', null],
    });
    const vendors = Object.fromEntries(starterData().systems.map((s) => [s.name, s.vendor]));
    assert.deepEqual([vendors.KSD, vendors.Aula, vendors.FLIS, vendors['Socialt Frikort'], vendors.FBS], [null, null, null, null, 'Systematic']);
    assert.equal(starterData().systems.find((s) => s.name === 'YR')?.status, 'unknown');
  });
});
