import type { Lang } from '../i18n/language.js';

/** The command line's own texts, in Danish and English. */
interface CliTexts {
  nothingImported: string;
  replaceNeedsYes(table: string, count: number, of: number, names: string[], more: number): string;
  imported(table: string, added: number, updated: number, unchanged: number, removed: number): string;
  asked: string;
  answers: string;
  noAdmins: string;
  notAnObjectId(id: string): string;
  added(id: string): string;
  alreadyAdmin(id: string): string;
  removed(id: string): string;
  setInEnvironment(id: string): string;
  notAdmin(id: string): string;
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
  asked: 'har spurgt',
  answers: 'svar',
  noAdmins: 'Ingen administratorer.',
  notAnObjectId: (id) => `"${id}" er ikke et Azure AD-objekt-id (en GUID).`,
  added: (id) => `Tilføjet: ${id}`,
  alreadyAdmin: (id) => `${id} er allerede administrator.`,
  removed: (id) => `Fjernet: ${id}`,
  setInEnvironment: (id) => `${id} står i ADMIN_AAD_OBJECT_IDS; fjern det der.`,
  notAdmin: (id) => `${id} er ikke administrator.`,
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
  asked: 'asked',
  answers: 'answers',
  noAdmins: 'No administrators.',
  notAnObjectId: (id) => `"${id}" is not an Azure AD object id (a GUID).`,
  added: (id) => `Added: ${id}`,
  alreadyAdmin: (id) => `${id} is already an administrator.`,
  removed: (id) => `Removed: ${id}`,
  setInEnvironment: (id) => `${id} is set in ADMIN_AAD_OBJECT_IDS; remove it there.`,
  notAdmin: (id) => `${id} is not an administrator.`,
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
