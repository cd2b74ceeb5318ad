import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { askLikeTheBot } from './ask.js';
import { adminsFromEnvironment, dataDirOf, loadDotEnv } from '../config.js';
import { fileStorage } from '../store/fileStorage.js';
import { migrateStore } from './migrateStore.js';
import type { Lang } from '../i18n/language.js';
import { messages } from '../i18n/messages.js';
import { importProblemLine, problemText } from '../i18n/problems.js';
import { exportRegistry } from '../registry/exporter.js';
import { decodeImportFile, ImportFileError, readImportText } from '../registry/importFormats.js';
import { applyImport, type TableChanges, type TableName } from '../registry/importer.js';
import { plainLine } from '../text/plainText.js';
import { seedIfEmpty } from '../registry/seed.js';
import { RegistryService } from '../registry/service.js';
import { adminsCommand, closeSurveyFromCli, exportSurveys, readSurveys, surveysAsText } from './surveyCommands.js';
import { createLog, type Log } from '../log.js';
import { SyncService } from '../sync/service.js';
import { cliTexts } from './texts.js';
import { syncTexts } from '../sync/texts.js';
import { RegistryUnreadableError } from '../store/fileRegistryStore.js';
import { openStorage, storageSettingsOf } from '../store/openStorage.js';
import type { Storage } from '../store/storage.js';
import { calendarDayAt, DANISH_ZONE, parseCalendarDate } from '../time/calendarDate.js';
import { digestText } from '../digest/compose.js';
import { fixedClock, systemClock, type Clock } from '../time/clock.js';

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

const USAGE = `FKI Bot command line

  npm run --silent cli -- ask "QUESTION" [--as-of YYYY-MM-DD] [--lang da|en]
  npm run --silent cli -- import FILE [--replace [--yes]] [--lang da|en]
  npm run --silent cli -- export [--format json|csv] [--table systems|deadlines]
  npm run --silent cli -- digest [--as-of YYYY-MM-DD] [--lang da|en]
  npm run --silent cli -- sync [--dry-run] [--lang da|en]
  npm run --silent cli -- surveys list [--lang da|en]
  npm run --silent cli -- surveys export [--format json|csv]
  npm run --silent cli -- surveys close SURVEY_ID [--reason TEXT] [--lang da|en]
  npm run --silent cli -- admins add|remove AAD_OBJECT_ID
  npm run --silent cli -- admins list
  npm run --silent cli -- migrate-store        (copies DATA_DIR's files into DATABASE_URL)

The registry is stored in DATA_DIR (default ./data). Exit codes: 0 ok, 1 bad input, 2 usage.`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Where the registry, the surveys and the administrators are: files in DATA_DIR, or PostgreSQL. */
  storage: Storage;
  clock: Clock;
  /** ADMIN_AAD_OBJECT_IDS, read from the environment. */
  adminIds: string[];
  /** The environment, for the Microsoft Graph settings. */
  env: NodeJS.ProcessEnv;
  /** Warnings about the data files (a damaged journal line); JSON lines on stderr when left out. */
  log?: Log;
}

class UsageError extends Error {}

/** Runs one CLI command; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        replace: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        format: { type: 'string', default: 'json' },
        table: { type: 'string', default: 'systems' },
        'as-of': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        reason: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { positionals, values } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  try {
    const lang = langOption(values.lang);
    if (command === 'migrate-store') return await migrate(lang ?? 'da', io);
    await seedIfEmpty(io.storage.registry, io.clock.now());
    switch (command) {
      case 'ask':
        return await ask(rest.join(' '), lang, values['as-of'], io);
      case 'import':
        if (rest.length !== 1) throw new UsageError('import takes exactly one FILE');
        return await importFile(rest[0] as string, { replace: values.replace, yes: values.yes }, lang ?? 'da', io);
      case 'export':
        return await exportData(values.format, values.table, io);
      case 'digest':
        return await digest(values['as-of'], lang ?? 'da', io);
      case 'sync':
        return await sync(values['dry-run'], lang ?? 'da', io);
      case 'surveys':
        return await surveys(rest, { format: values.format, reason: values.reason }, lang ?? 'da', io);
      case 'admins': {
        if (!['add', 'remove', 'list'].includes(rest[0] ?? '')) throw new UsageError('admins takes add, remove or list');
        const result = await adminsCommand(io.storage, io.adminIds, rest[0], rest[1], io.clock.now(), lang ?? 'da');
        (result.ok ? io.out : io.err)(result.text);
        return result.ok ? EXIT.ok : EXIT.badInput;
      }
      default:
        throw new UsageError(command === undefined ? 'No command given' : `Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof RegistryUnreadableError) {
      io.err(error.message);
      return EXIT.badInput;
    }
    throw error;
  }
}

function langOption(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (value === 'da' || value === 'en') return value;
  throw new UsageError(`--lang must be da or en, not "${value}"`);
}

async function ask(question: string, lang: Lang | undefined, asOf: string | undefined, io: CliIo): Promise<number> {
  if (question.trim() === '') throw new UsageError('ask needs a QUESTION');
  let clock = io.clock;
  if (asOf !== undefined) {
    const day = parseCalendarDate(asOf);
    if (day === null) {
      io.err(`"${asOf}" ${problemText('INVALID_DATE', lang ?? 'da')}`);
      return EXIT.badInput;
    }
    // Noon in Copenhagen: the day asked about, whatever the zone the CLI runs in.
    clock = fixedClock(DateTime.fromISO(`${day}T12:00`, { zone: DANISH_ZONE }).toJSDate());
  }
  const answer = await askLikeTheBot({ question, storage: io.storage, clock, env: io.env, ...(lang ? { lang } : {}) });
  (answer.understood ? io.out : io.err)(answer.text);
  return answer.understood ? EXIT.ok : EXIT.badInput;
}

/** `import --replace` that would take out more than this share of a table asks for `--yes`. */
const REPLACE_CONFIRM_SHARE = 0.5;

async function importFile(file: string, { replace, yes }: { replace: boolean; yes: boolean }, lang: Lang, io: CliIo): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    io.err(`${problemText('FILE_NOT_FOUND', lang)}: ${file}`);
    return EXIT.badInput;
  }
  let tables;
  try {
    // Excel on a Danish Windows saves CSV as Windows-1252: read right, never as "Leverand\uFFFDr".
    tables = readImportText(decodeImportFile(bytes).text, file);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    io.err(`${problemText(error.code, lang)}${error.detail ? `: ${error.detail}` : ''}`);
    return EXIT.badInput;
  }
  // Planned from the newest data under the store's lock: a change the bot makes meanwhile is kept.
  let outcome!: ReturnType<typeof applyImport>;
  let wouldRemove: { table: TableName; names: string[]; of: number } | null = null;
  // Through the registry's write path, so that a running bot hears of each change as an import.
  await RegistryService.of(io.storage, io.clock).write((data) => {
    outcome = applyImport(data, tables, { replace, now: io.clock.now() });
    if (!outcome.ok) return null;
    if (!yes) {
      // A header-only CSV with --replace would empty the registry without a word: ask first.
      for (const table of ['systems', 'deadlines'] as const) {
        const names = outcome.removed[table] ?? [];
        if (names.length > 0 && names.length > data[table].length * REPLACE_CONFIRM_SHARE) wouldRemove = { table, names, of: data[table].length };
      }
    }
    return wouldRemove === null ? outcome.data : null;
  }, { source: 'import' });
  if (wouldRemove !== null) {
    const { table, names, of } = wouldRemove as { table: TableName; names: string[]; of: number };
    io.err(cliTexts(lang).replaceNeedsYes(table, names.length, of, names.slice(0, 10).map((name) => plainLine(name, 60)), names.length - Math.min(names.length, 10)));
    return EXIT.badInput;
  }
  if (!outcome.ok) {
    const heading = cliTexts(lang).nothingImported;
    io.err([heading, ...outcome.problems.map((problem) => `  ${importProblemLine(problem, tables.format, lang)}`)].join('\n'));
    return EXIT.badInput;
  }
  const lines = Object.entries(outcome.changes).map(([table, changes]) => summary(table, changes as TableChanges, lang));
  io.out(lines.join('\n'));
  return EXIT.ok;
}

function summary(table: string, c: TableChanges, lang: Lang): string {
  return cliTexts(lang).imported(table, c.added, c.updated, c.unchanged, c.removed);
}

async function exportData(format: string | undefined, table: string | undefined, io: CliIo): Promise<number> {
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, not "${format}"`);
  if (table !== 'systems' && table !== 'deadlines') throw new UsageError(`--table must be systems or deadlines, not "${table}"`);
  io.out(exportRegistry(await io.storage.registry.read(), format, table).replace(/\n$/, ''));
  return EXIT.ok;
}

async function digest(asOf: string | undefined, lang: Lang, io: CliIo): Promise<number> {
  const day = asOf === undefined ? calendarDayAt(io.clock.now()) : parseCalendarDate(asOf);
  if (day === null) {
    io.err(`"${asOf}" ${problemText('INVALID_DATE', lang)}`);
    return EXIT.badInput;
  }
  const data = await io.storage.registry.read();
  const open = (await readSurveys(io.storage)).filter((survey) => survey.review === null);
  io.out(digestText(data, open, day, lang));
  return EXIT.ok;
}

async function sync(dryRun: boolean, lang: Lang, io: CliIo): Promise<number> {
  // The same service as the bot's: approved answers still waiting are written back to the list first.
  const log = logOf(io);
  const service = await SyncService.create({ env: io.env, storage: io.storage, clock: io.clock, log, surveys: () => readSurveys(io.storage) });
  const result = await service.run({ lang, dryRun });
  switch (result.kind) {
    case 'not-configured':
      io.err(syncTexts(lang).setMissing(result.missing));
      return EXIT.usage;
    case 'invalid-column-map':
      io.err(result.text);
      return EXIT.usage;
    case 'missing-columns':
      io.err(result.text);
      return EXIT.badInput;
    case 'done':
      io.out(result.text);
      return EXIT.ok;
  }
}

async function surveys(args: string[], options: { format: string | undefined; reason: string | undefined }, lang: Lang, io: CliIo): Promise<number> {
  const [action, surveyId] = args;
  if (action === 'close') {
    if (!surveyId || args.length !== 2) throw new UsageError('surveys close takes exactly one SURVEY_ID');
    const result = await closeSurveyFromCli(surveyId, options.reason ?? null, lang, { ...io, log: logOf(io) });
    (result.ok ? io.out : io.err)(result.text);
    return result.ok ? EXIT.ok : EXIT.badInput;
  }
  const all = await readSurveys(io.storage);
  if (action === 'list') {
    io.out(surveysAsText(all, lang));
    return EXIT.ok;
  }
  if (action === 'export') {
    if (options.format !== 'json' && options.format !== 'csv') throw new UsageError(`--format must be json or csv, not "${options.format}"`);
    io.out(exportSurveys(all, options.format));
    return EXIT.ok;
  }
  throw new UsageError('surveys takes list, export or close');
}

/** `migrate-store`: the files in DATA_DIR into the empty database DATABASE_URL. */
async function migrate(lang: Lang, io: CliIo): Promise<number> {
  const t = cliTexts(lang);
  if (io.storage.kind !== 'postgres') {
    io.err(t.migrateNeedsDatabase);
    return EXIT.usage;
  }
  const source = fileStorage(dataDirOf(io.env), logOf(io));
  const outcome = await migrateStore(source, io.storage);
  if (!outcome.ok) {
    io.err(outcome.reason === 'source-empty' ? t.migrateSourceEmpty(dataDirOf(io.env)) : t.migrateTargetNotEmpty);
    return EXIT.badInput;
  }
  io.out(t.migrated(outcome.systems, outcome.deadlines, Object.values(outcome.events).reduce((sum, n) => sum + n, 0), outcome.documents.join(', ') || '—'));
  return EXIT.ok;
}

function logOf(io: CliIo): Log {
  return io.log ?? createLog('warn', process.stderr);
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
