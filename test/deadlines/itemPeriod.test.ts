import assert from 'node:assert/strict';
import { formatItemPeriod, itemWithin } from '../../src/deadlines/itemPeriod.js';

describe('a period is named as its source names it, never as one of its days', () => {
  it('names whole weeks as weeks, whole months as months, and other spans day to day', () => {
    const cases: [string, string, string, string][] = [
      ['2025-02-03', '2025-03-30', 'uge 6–13 2025', 'weeks 6–13 2025'],
      ['2025-01-27', '2025-02-02', 'uge 5 2025', 'week 5 2025'],
      ['2024-12-30', '2025-01-12', 'uge 1–2 2025', 'weeks 1–2 2025'],
      ['2024-12-23', '2025-01-05', 'uge 52 2024 – uge 1 2025', 'week 52 2024 – week 1 2025'],
      ['2025-02-01', '2025-11-30', 'februar–november 2025', 'February–November 2025'],
      ['2025-01-01', '2025-01-31', 'januar 2025', 'January 2025'],
      ['2025-01-06', '2025-01-09', '6.–9. januar 2025', '6–9 January 2025'],
      ['2024-12-16', '2025-01-03', '16. december 2024 – 3. januar 2025', '16 December 2024 – 3 January 2025'],
    ];
    for (const [from, to, da, en] of cases) {
      assert.equal(formatItemPeriod(from, to, 'da'), da);
      assert.equal(formatItemPeriod(from, to, 'en'), en);
    }
  });

  it('finds a period by any day it touches', () => {
    const g1 = { from: '2025-02-03', deadline: '2025-03-30' };
    assert.ok(itemWithin(g1, '2025-02-24', '2025-03-02'), 'a week inside it');
    assert.ok(itemWithin(g1, '2025-03-30', '2025-04-05'), 'its last day');
    assert.ok(!itemWithin(g1, '2025-03-31', '2025-04-06'), 'the week after');
    assert.ok(itemWithin({ from: null, deadline: '2025-02-05' }, '2025-02-03', '2025-02-09'), 'a single day');
    assert.ok(!itemWithin({ from: null, deadline: null }, '2025-01-01', '2025-12-31'), 'an item without a day is in no period');
  });
});
