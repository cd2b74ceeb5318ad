import assert from 'node:assert/strict';

/** A question asked on a day, and what its answer must and must not show. */
export interface FreshQuestion {
  asOf: string;
  q: string;
  /** Texts the answer shows (a string must appear as written; a RegExp must match). */
  has?: (string | RegExp)[];
  /** Texts the answer must not show: the wrong date, another question's card, "none" for unknown. */
  not?: (string | RegExp)[];
  /** The bot says it understood only part of the question (default: it does not). */
  partly?: boolean;
  /** False for a question the bot should say it did not understand at all (default: true). */
  understood?: boolean;
  pattern?: 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** How the bot says it understood only part of a question. */
export const PARTLY = /Jeg forstod ikke "|I did not understand "/;

/** Checks `cli ask`'s answer (its exit code and output) against what the row expects. */
export function assertAskedAnswer(row: FreshQuestion, code: number | null, answer: string): void {
  assert.equal(code === 0, row.understood ?? true, `understood as expected:\n${answer}`);
  for (const expected of row.has ?? []) {
    if (typeof expected === 'string') assert.ok(answer.includes(expected), `shows ${JSON.stringify(expected)}:\n${answer}`);
    else assert.match(answer, expected);
  }
  for (const wrong of row.not ?? []) {
    if (typeof wrong === 'string') assert.ok(!answer.includes(wrong), `does not show ${JSON.stringify(wrong)}:\n${answer}`);
    else assert.doesNotMatch(answer, wrong);
  }
  assert.equal(PARTLY.test(answer), row.partly ?? false, `says it understood only part: ${String(row.partly ?? false)}\n${answer}`);
}
