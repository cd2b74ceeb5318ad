import type { Lang } from '../i18n/language.js';

/** The command line's own texts, in Danish and English. */
interface CliTexts {
  nothingImported: string;
  replaceNeedsYes(table: string, count: number, of: number, names: string[], more: number): string;
  imported(table: string, added: number, updated: number, unchanged: number, removed: number): string;
  migrateNeedsDatabase: string;
  migrateSourceEmpty(dataDir: string): string;
  migrateTargetNotEmpty: string;
  migrated(systems: number, deadlines: number, events: number, documents: string): string;
}

const da: CliTexts = {
  nothingImported: 'Intet blev importeret. Ret disse fejl og prøv igen:',
  replaceNeedsYes: (table, count, of, names, more) =>
    `import --replace ville fjerne ${count} af ${of} i ${table}: ${names.join(', ')}${more ? ` og ${more} til` : ''}. Intet er ændret. Kør igen med --yes hvis det er meningen.`,
  imported: (table, added, updated, unchanged, removed) =>
    `${table}: ${added} nye, ${updated} ændrede, ${unchanged} uændrede${removed ? `, ${removed} fjernet` : ''}`,
  migrateNeedsDatabase: 'Sæt DATABASE_URL til den database filerne skal flyttes til.',
  migrateSourceEmpty: (dataDir) => `Der er intet register i ${dataDir} at flytte.`,
  migrateTargetNotEmpty: 'Databasen indeholder allerede data; intet er flyttet. Brug en tom database.',
  migrated: (systems, deadlines, events, documents) =>
    `Flyttet til databasen: ${systems} systemer, ${deadlines} frister, ${events} hændelser og dokumenterne ${documents}.`,
};

const en: CliTexts = {
  nothingImported: 'Nothing was imported. Fix these problems and try again:',
  replaceNeedsYes: (table, count, of, names, more) =>
    `import --replace would remove ${count} of ${of} in ${table}: ${names.join(', ')}${more ? ` and ${more} more` : ''}. Nothing has changed. Run again with --yes if that is what you mean.`,
  imported: (table, added, updated, unchanged, removed) =>
    `${table}: ${added} added, ${updated} changed, ${unchanged} unchanged${removed ? `, ${removed} removed` : ''}`,
  migrateNeedsDatabase: 'Set DATABASE_URL to the database the files are to move to.',
  migrateSourceEmpty: (dataDir) => `There is no registry in ${dataDir} to move.`,
  migrateTargetNotEmpty: 'The database already holds data; nothing was moved. Use an empty database.',
  migrated: (systems, deadlines, events, documents) =>
    `Moved to the database: ${systems} systems, ${deadlines} deadlines, ${events} events and the documents ${documents}.`,
};

const TEXTS: Record<Lang, CliTexts> = { da, en };

export function cliTexts(lang: Lang): CliTexts {
  return TEXTS[lang];
}
