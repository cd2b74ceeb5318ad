import assert from 'node:assert/strict';
import { EXIT } from '../../src/app/contributions.js';
import { defineFeature } from '../../src/app/feature.js';
import { FEATURES } from '../../src/app/features.js';
import { cliCommands, runCli, type CliIo } from '../../src/cli/main.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';
import { fixedClock } from '../../src/time/clock.js';
import { captureLog } from '../support/logCapture.js';

/** A feature of the test's own that brings one CLI command with an action and an option. */
const greetings = defineFeature({
  name: 'greetings',
  cli: [
    {
      name: 'greet person',
      args: 'NAME [--shout] [--lang da|en]',
      summary: 'Greets someone by name.',
      options: { shout: { type: 'boolean' } },
      async run({ positionals, values, lang }, io) {
        const text = `${lang === 'en' ? 'Hello' : 'Hej'} ${positionals.join(' ')}`;
        io.out(values.shout === true ? text.toUpperCase() : text);
        return EXIT.ok;
      },
    },
  ],
});

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), storage: memoryStorage(), clock: fixedClock('2025-02-10T09:00:00Z'), adminIds: [], env: {}, log: captureLog().log };
}

describe('the command line: commands contributed by features', () => {
  it('generates its usage from every command, its own and each feature\'s, each with its arguments and summary', async () => {
    const run = io();
    assert.equal(await runCli(['help'], run), EXIT.ok);
    const usage = run.stdout.join('\n');
    for (const command of cliCommands()) {
      assert.ok(usage.includes(`cli -- ${[command.name, command.args].filter(Boolean).join(' ')}\n      ${command.summary}`), `"${command.name}" in the usage`);
    }
    // The commands the product had before they were contributed, each still there.
    for (const name of ['ask', 'import', 'export', 'digest', 'sync', 'surveys list', 'surveys export', 'surveys close', 'admins add', 'admins remove', 'admins list', 'migrate-store']) {
      assert.match(usage, new RegExp(`cli -- ${name}\\b`), name);
    }
  });

  it('runs a command a feature brings, with its options, and lists it in the usage, with no edit to the CLI', async () => {
    const run = io();
    assert.equal(await runCli(['greet', 'person', 'Alex', '--shout', '--lang', 'en'], run, [...FEATURES, greetings]), EXIT.ok);
    assert.deepEqual(run.stdout, ['HELLO ALEX']);
    const wrong = io();
    assert.equal(await runCli(['greet', 'everyone'], wrong, [...FEATURES, greetings]), EXIT.usage);
    assert.match(wrong.stderr.join('\n'), /^greet takes person\n[\s\S]*cli -- greet person NAME \[--shout\] \[--lang da\|en\]\n {6}Greets someone by name\./);
    const without = io();
    assert.equal(await runCli(['greet', 'person', 'Alex'], without), EXIT.usage, 'not there without the feature');
    assert.match(without.stderr.join('\n'), /Unknown command "greet"/);
  });

  it('refuses two commands of one name, so a feature cannot take over another\'s', () => {
    const copy = defineFeature({ name: 'copy', cli: [{ name: 'export', args: '', summary: 'Another export.', run: async () => EXIT.ok }] });
    assert.throws(() => cliCommands([...FEATURES, copy]), /Two CLI commands are named "export"/);
  });
});
