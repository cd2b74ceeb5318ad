/**
 * The store's own files in DATA_DIR, by name, in one place. What features keep is named by them:
 * a journal is `<name>.jsonl`, a document `<name>.json`, keyed records `<name>.records.jsonl`.
 */
export const DATA_FILES = {
  registry: 'registry.json',
  registryLastGood: 'registry.last-good.json',
  instanceLock: 'bot.lock',
  /** Where older versions kept the running bot's owner (now `bot.lock/owner.json`): removed at start. */
  instanceLockOwner: 'bot.lock.owner.json',
} as const;

/**
 * A name a feature gives what it stores (a journal, a document, keyed records): lower case first,
 * then letters, digits and hyphens, so that every backend can use it as it is (a file name, a column
 * value). It has no dot, so `x.records.jsonl` or `x.last-good.json` is never read as another's file.
 */
export function isStoredName(name: string): boolean {
  return /^[a-z][a-zA-Z0-9-]{0,40}$/.test(name);
}

export function journalFile(name: string): string {
  return `${name}.jsonl`;
}

/** The journal a file holds, or null for a file that is not a journal. */
export function journalOfFile(file: string): string | null {
  return nameOf(file, '.jsonl');
}

/** A document: `<name>.json`, beside its last good copy `<name>.last-good.json`. */
export function documentFile(name: string): string {
  return `${name}.json`;
}

/** The document a file holds, or null (the registry, a last good copy, anything else). */
export function documentOfFile(file: string): string | null {
  const name = nameOf(file, '.json');
  return name === 'registry' ? null : name;
}

/** Keyed records: `<name>.records.jsonl` (a name has no dot, so it is never read as a journal's). */
export function recordsFile(name: string): string {
  return `${name}.records.jsonl`;
}

/** The keyed records a file holds, or null. */
export function recordsOfFile(file: string): string | null {
  return nameOf(file, '.records.jsonl');
}

function nameOf(file: string, suffix: string): string | null {
  const name = file.endsWith(suffix) ? file.slice(0, -suffix.length) : null;
  return name !== null && isStoredName(name) ? name : null;
}
