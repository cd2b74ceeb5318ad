import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError, EXIT, type CliCommand, type CliIo, type CliOption } from '../app/contributions.js';
import type { Feature } from '../app/feature.js';
import { FEATURES } from '../app/features.js';
import { adminsFromEnvironment, loadDotEnv } from '../config.js';
import type { Lang } from '../i18n/language.js';
import { createLog } from '../log.js';
import { seedIfEmpty } from '../registry/seed.js';
import { RegistryUnreadableError } from '../store/fileRegistryStore.js';
import { openStorage, storageSettingsOf } from '../store/openStorage.js';
import { systemClock } from '../time/clock.js';
import { CORE_COMMANDS } from './coreCommands.js';

export { EXIT, type CliIo } from '../app/contributions.js';

/** Options every command takes. */
const COMMON_OPTIONS: Record<string, CliOption> = { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } };

/** The CLI's commands: its own, then each feature's, in the order of the feature list. */
export function cliCommands(features: readonly Feature[] = FEATURES): CliCommand[] {
  const commands = [...CORE_COMMANDS, ...features.flatMap((feature) => feature.cli)];
  const names = new Set<string>();
  for (const command of commands) {
    if (names.has(command.name)) throw new Error(`Two CLI commands are named "${command.name}"`);
    names.add(command.name);
  }
  return commands;
}

/** The usage text, generated from the commands' names, arguments and summaries. */
export function usageOf(commands: readonly CliCommand[]): string {
  const lines = commands.map((command) => `  npm run --silent cli -- ${[command.name, command.args].filter(Boolean).join(' ')}\n      ${command.summary}`);
  return ['FKI Bot command line', '', ...lines, '', 'The registry is stored in DATA_DIR (default ./data). Exit codes: 0 ok, 1 bad input, 2 usage.'].join('\n');
}

/** Every option any command reads, for one parser; a name two commands read differently is a bug. */
function optionsOf(commands: readonly CliCommand[]): NonNullable<ParseArgsConfig['options']> {
  const options: Record<string, CliOption> = { ...COMMON_OPTIONS };
  for (const command of commands) {
    for (const [name, option] of Object.entries(command.options ?? {})) {
      const known = options[name];
      if (known && (known.type !== option.type || known.short !== option.short)) throw new Error(`The CLI option --${name} is declared twice, differently`);
      options[name] = option;
    }
  }
  return options;
}

/** The command the first one or two words name (`surveys close` before `surveys`), and the words after it. */
function commandOf(positionals: string[], commands: readonly CliCommand[]): { command: CliCommand; rest: string[] } {
  const [first, second] = positionals;
  if (first === undefined) throw new CliUsageError('No command given');
  const two = commands.find((command) => command.name === `${first} ${second}`);
  if (two) return { command: two, rest: positionals.slice(2) };
  const one = commands.find((command) => command.name === first);
  if (one) return { command: one, rest: positionals.slice(1) };
  const actions = commands.filter((command) => command.name.startsWith(`${first} `)).map((command) => command.name.slice(first.length + 1));
  if (actions.length === 1) throw new CliUsageError(`${first} takes ${actions[0]}`);
  if (actions.length > 1) throw new CliUsageError(`${first} takes ${actions.slice(0, -1).join(', ')} or ${actions.at(-1)}`);
  throw new CliUsageError(`Unknown command "${first}"`);
}

/** Runs one CLI command; returns the exit code. */
export async function runCli(argv: string[], io: CliIo, features: readonly Feature[] = FEATURES): Promise<number> {
  const commands = cliCommands(features);
  const usage = usageOf(commands);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: optionsOf(commands) });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${usage}`);
    return EXIT.usage;
  }
  const { positionals } = parsed;
  // No CliOption can be `multiple`, so no value is an array.
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help === true || positionals[0] === 'help') {
    io.out(usage);
    return EXIT.ok;
  }
  try {
    const lang = langOption(values.lang);
    const { command, rest } = commandOf(positionals, commands);
    if (command.seeds !== false) await seedIfEmpty(io.storage.registry, io.clock.now());
    return await command.run({ positionals: rest, values, lang }, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(`${error.message}\n\n${usage}`);
      return EXIT.usage;
    }
    if (error instanceof RegistryUnreadableError) {
      io.err(error.message);
      return EXIT.badInput;
    }
    throw error;
  }
}

function langOption(value: string | boolean | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (value === 'da' || value === 'en') return value;
  throw new CliUsageError(`--lang must be da or en, not "${String(value)}"`);
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntryPoint) {
  loadDotEnv();
  const log = createLog('warn', process.stderr);
  const storage = await openStorage(storageSettingsOf(process.env), log);
  try {
    process.exitCode = await runCli(process.argv.slice(2), {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
      storage,
      clock: systemClock,
      adminIds: adminsFromEnvironment(process.env.ADMIN_AAD_OBJECT_IDS),
      env: process.env,
      log,
    });
  } finally {
    await storage.close();
  }
}
