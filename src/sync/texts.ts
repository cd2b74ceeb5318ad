import type { Lang } from '../i18n/language.js';

/** The sync's texts, in Danish and English. */
interface SyncTexts {
  missingColumns(columns: string): string;
  summary(added: number, updated: number, unchanged: number, dryRun: boolean): string;
  keptHeading: string;
  kept(approvedAt: string, rowChangedAt: string): string;
  skippedHeading: string;
  item: string;
  twice: string;
  notConfigured: string;
  setMissing(setting: string): string;
  /** What only administrators may do, for the "administrators only" sentence. */
  adminsOnlyWhat: string;
}

const da: SyncTexts = {
  missingColumns: (columns) => `Listen mangler kolonnerne: ${columns} (GRAPH_COLUMN_MAP)`,
  summary: (added, updated, unchanged, dryRun) =>
    `Synkronisering med KOMBITs liste${dryRun ? ' (prøvekørsel: intet er gemt)' : ''}: ${added} nye, ${updated} ændrede, ${unchanged} uændrede.`,
  keptHeading: 'Beholdt fordi KOMBIT har godkendt et nyere svar fra leverandøren:',
  kept: (approvedAt, rowChangedAt) => `godkendt ${approvedAt}, rækken ændret ${rowChangedAt}`,
  skippedHeading: 'Sprunget over (ret dem i listen):',
  item: 'element',
  twice: 'står der to gange',
  notConfigured:
    'Synkroniseringen er ikke sat op: sæt GRAPH_SITE_ID og GRAPH_LIST_ID (en SharePoint-liste) eller GRAPH_DRIVE_ID, GRAPH_ITEM_ID og GRAPH_TABLE (en Excel-tabel).',
  setMissing: (setting) => `Sæt ${setting}.`,
  adminsOnlyWhat: 'synkronisere listen',
};

const en: SyncTexts = {
  missingColumns: (columns) => `The list lacks the columns: ${columns} (GRAPH_COLUMN_MAP)`,
  summary: (added, updated, unchanged, dryRun) =>
    `Sync with KOMBIT's list${dryRun ? ' (dry run: nothing saved)' : ''}: ${added} added, ${updated} changed, ${unchanged} unchanged.`,
  keptHeading: 'Kept, because KOMBIT approved a newer answer from the vendor:',
  kept: (approvedAt, rowChangedAt) => `approved ${approvedAt}, row changed ${rowChangedAt}`,
  skippedHeading: 'Skipped (fix them in the list):',
  item: 'item',
  twice: 'is there twice',
  notConfigured:
    'The sync is not set up: set GRAPH_SITE_ID and GRAPH_LIST_ID (a SharePoint list) or GRAPH_DRIVE_ID, GRAPH_ITEM_ID and GRAPH_TABLE (an Excel table).',
  setMissing: (setting) => `Set ${setting}.`,
  adminsOnlyWhat: 'sync the list',
};

const TEXTS: Record<Lang, SyncTexts> = { da, en };

export function syncTexts(lang: Lang): SyncTexts {
  return TEXTS[lang];
}
