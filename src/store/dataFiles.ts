import { isJournalName } from './storage.js';

/** The files in DATA_DIR, by name, in one place. */
export const DATA_FILES = {
  registry: 'registry.json',
  registryLastGood: 'registry.last-good.json',
  surveys: 'surveys.jsonl',
  digestOutbox: 'digest-outbox.jsonl',
  writeBack: 'sync-writeback.jsonl',
  admins: 'admins.json',
  conversations: 'conversations.json',
  subscriptions: 'subscriptions.json',
  instanceLock: 'bot.lock',
  instanceLockOwner: 'bot.lock.owner.json',
} as const;

/** The core's journals, by name, with the files they have always had; a feature's is `<name>.jsonl`. */
const JOURNAL_FILES: Record<string, string> = { surveys: DATA_FILES.surveys, digestOutbox: DATA_FILES.digestOutbox, writeBack: DATA_FILES.writeBack };

export function journalFile(name: string): string {
  return JOURNAL_FILES[name] ?? `${name}.jsonl`;
}

/** The journal a file holds, or null for a file that is not a journal. */
export function journalOfFile(file: string): string | null {
  const core = Object.entries(JOURNAL_FILES).find(([, journal]) => journal === file);
  if (core) return core[0];
  const name = file.endsWith('.jsonl') ? file.slice(0, -'.jsonl'.length) : null;
  return name !== null && isJournalName(name) ? name : null;
}

/** Keyed records: `<name>.records.jsonl` (a name has no dot, so it is never read as a journal's). */
export function recordsFile(name: string): string {
  return `${name}.records.jsonl`;
}

/** The keyed records a file holds, or null. */
export function recordsOfFile(file: string): string | null {
  const name = file.endsWith('.records.jsonl') ? file.slice(0, -'.records.jsonl'.length) : null;
  return name !== null && isJournalName(name) ? name : null;
}
