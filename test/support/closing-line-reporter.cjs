// Mocha's spec output plus the closing line CI reads: "N passed, N failed, N skipped".
'use strict';
const Mocha = require('mocha');
const { EVENT_RUN_END } = Mocha.Runner.constants;

class ClosingLineReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      // After Spec's epilogue, so it is the last line printed.
      process.nextTick(() => console.log(`${passes} passed, ${failures} failed, ${pending} skipped`));
    });
  }
}
module.exports = ClosingLineReporter;
