// Mocha's settings for `npm test`. The files run in parallel, each handed to the next free worker in
// the order below: the longest first (browsers, spawned bots, real-time pacing), so that no long file
// starts last and runs alone at the end; then every other file in name order.
'use strict';
const { readdirSync } = require('node:fs');

const LONGEST_FIRST = [
  'test/durability/installBurst.test.ts',
  'test/browser/screenshots.test.ts',
  'test/browser/playground.test.ts',
  'test/browser/survey.test.ts',
  'test/durability/digestCrash.test.ts',
  'test/browser/tab.test.ts',
  'test/durability/instances.test.ts',
  'test/digest/digestFlow.test.ts',
  'test/durability/durability.test.ts',
  'test/durability/shutdown.test.ts',
  'test/manifest/package.test.ts',
  'test/cli/cli.test.ts',
];
const all = readdirSync('test', { recursive: true })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `test/${file}`)
  .sort();
const first = LONGEST_FIRST.filter((file) => all.includes(file));

module.exports = {
  'node-option': ['import=tsx', 'disable-warning=DEP0111'],
  spec: [...first, ...all.filter((file) => !first.includes(file))],
  reporter: 'test/support/closing-line-reporter.cjs',
  timeout: 10000,
  exit: true,
  parallel: true,
  jobs: 2,
  require: ['test/support/globalFixtures.ts'],
};
