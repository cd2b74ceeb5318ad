import assert from 'node:assert/strict';
import { answerInputOf, checkAnswer, type AnswerInput } from '../../src/surveys/answerInput.js';

const TODAY = '2026-11-29';
const input = (fields: Partial<AnswerInput>): AnswerInput => answerInputOf(fields);

describe("checking a vendor's answer", () => {
  it('accepts a planned switch with a CH2 date, in any accepted date format', () => {
    for (const typed of ['2027-03-03', '03.03.2027', '3/3/2027', '03-03-2027']) {
      const checked = checkAnswer(input({ status: 'planned', ch2Date: typed }), TODAY, false);
      assert.ok(checked.ok, typed);
      assert.equal(checked.value.ch2Date, '2027-03-03');
    }
  });

  const BAD: [string, Partial<AnswerInput>, boolean, Record<string, string>][] = [
    ['no status', { ch2Date: '2027-03-03' }, false, { status: 'STATUS_REQUIRED' }],
    ['an unknown status', { status: 'soon' }, false, { status: 'STATUS_REQUIRED' }],
    ['planned without a date', { status: 'planned' }, false, { ch2Date: 'DATE_REQUIRED' }],
    ['switched without a date', { status: 'switched' }, false, { ch2Date: 'DATE_REQUIRED' }],
    ['an impossible day', { status: 'planned', ch2Date: '31.02.2027' }, false, { ch2Date: 'INVALID_DATE' }],
    ['a day before December 2022', { status: 'switched', ch2Date: '2022-11-30' }, false, { ch2Date: 'DATE_OUT_OF_RANGE' }],
    ['a day after 2035', { status: 'planned', sts2Date: '2036-01-01' }, false, { sts2Date: 'DATE_OUT_OF_RANGE' }],
    ['"already switched" in the future', { status: 'switched', ch2Date: '2026-11-30' }, false, { ch2Date: 'SWITCHED_IN_FUTURE' }],
    ['a malformed email', { status: 'undecided', contactEmail: 'kari@' }, false, { contactEmail: 'INVALID_EMAIL' }],
    ['a comment over 1000 characters', { status: 'undecided', comment: 'x'.repeat(1001) }, false, { comment: 'TOO_LONG' }],
    ['no vendor for a system the registry has none for', { status: 'undecided' }, true, { vendor: 'VENDOR_REQUIRED' }],
  ];
  for (const [what, fields, vendorRequired, expected] of BAD) {
    it(`refuses ${what}`, () => {
      const checked = checkAnswer(input(fields), TODAY, vendorRequired);
      assert.equal(checked.ok, false);
      assert.ok(!checked.ok);
      assert.deepEqual(checked.problems, expected);
    });
  }

  it('accepts "already switched" today, at the edges of the allowed range, and a 1000-character comment', () => {
    assert.ok(checkAnswer(input({ status: 'switched', ch2Date: TODAY }), TODAY, false).ok);
    assert.ok(checkAnswer(input({ status: 'switched', ch2Date: '2022-12-01' }), TODAY, false).ok);
    assert.ok(checkAnswer(input({ status: 'planned', sts2Date: '2035-12-31', comment: 'x'.repeat(1000) }), TODAY, false).ok);
  });

  it('keeps text as plain text: markup stays as typed, control characters go', () => {
    const checked = checkAnswer(input({ status: 'undecided', comment: '<b>**bold**</b>\u0007 [link](http://x)', vendor: 'KMD' }), TODAY, true);
    assert.ok(checked.ok);
    assert.equal(checked.value.comment, '<b>**bold**</b> [link](http://x)');
  });
});
