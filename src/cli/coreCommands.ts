import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { CliUsageError, EXIT, type CliCommand, type CliIo } from '../app/contributions.js';
import { askLikeTheBot } from './ask.js';
import { dataDirOf } from '../config.js';
import { fileStorage } from '../store/fileStorage.js';
import { migrateStore } from './migrateStore.js';
import type { Lang } from '../i18n/language.js';
import { importProblemLine, problemText } from '../i18n/problems.js';
import { exportRegistry } from '../registry/exporter.js';
import { decodeImportFile, ImportFileError, readImportText } from '../registry/importFormats.js';
import { applyImport, type TableChanges, type TableName } from '../registry/importer.js';
import { plainLine } from '../text/plainText.js';
import { RegistryService } from '../registry/service.js';
import { createLog, type Log } from '../log.js';
import { cliTexts } from './texts.js';
import { DANISH_ZONE, parseCalendarDate } from '../time/calendarDate.js';
import { fixedClock } from '../time/clock.js';

/**
 * The command line's own commands, on the core every feature stands on: asking as the bot would,
 * the registry's import and export, and moving the data folder into a database. Features add theirs
 * (`cli` in defineFeature).
 */
export const CORE_COMMANDS: CliCommand[] = [
  {
    name: 'ask',
    args: '"QUESTION" [--as-of YYYY-MM-DD] [--lang da|en]',
    summary: 'Answers a question exactly as the bot would (--as-of: as on that day).',
    options: { 'as-of': { type: 'string' } },
    run: ({ positionals, values, lang }, io) => ask(positionals.join(' '), lang, stringOption(values['as-of']), io),
  },
  {
    name: 'import',
    args: 'FILE [--replace [--yes]] [--lang da|en]',
    summary: 'Imports systems and deadlines from CSV, Excel-CSV or JSON; nothing is written unless every row is valid.',
    options: { replace: { type: 'boolean' }, yes: { type: 'boolean' } },
    run: ({ positionals, values, lang }, io) => {
      if (positionals.length !== 1) throw new CliUsageError('import takes exactly one FILE');
      return importFile(positionals[0]!, { replace: values.replace === true, yes: values.yes === true }, lang ?? 'da', io);
    },
  },
  {
    name: 'export',
    args: '[--format json|csv] [--table systems|deadlines]',
    summary: 'Writes the registry to standard output (CSV opens in Excel).',
    options: { format: { type: 'string' }, table: { type: 'string' } },
    run: ({ values }, io) => exportData(stringOption(values.format) ?? 'json', stringOption(values.table) ?? 'systems', io),
  },
  {
    name: 'migrate-store',
    args: '',
    summary: "Copies DATA_DIR's files into the empty database DATABASE_URL.",
    seeds: false,
    run: ({ lang }, io) => migrate(lang ?? 'da', io),
  },
];

function stringOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function ask(question: string, lang: Lang | undefined, asOf: string | undefined, io: CliIo): Promise<number> {
  if (question.trim() === '') throw new CliUsageError('ask needs a QUESTION');
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

async function exportData(format: string, table: string, io: CliIo): Promise<number> {
  if (format !== 'json' && format !== 'csv') throw new CliUsageError(`--format must be json or csv, not "${format}"`);
  if (table !== 'systems' && table !== 'deadlines') throw new CliUsageError(`--table must be systems or deadlines, not "${table}"`);
  io.out(exportRegistry(await io.storage.registry.read(), format, table).replace(/\n$/, ''));
  return EXIT.ok;
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
