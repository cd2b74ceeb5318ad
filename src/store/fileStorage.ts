import path from 'node:path';
import type { Log } from '../log.js';
import { DATA_FILES, journalFile, journalOfFile, recordsFile, recordsOfFile } from './dataFiles.js';
import { FileRecords } from './fileRecords.js';
import { isRecordsName, type KeyedRecords } from './records.js';
import { readdir } from 'node:fs/promises';
import { FileRegistryStore } from './fileRegistryStore.js';
import { Journal } from './journal.js';
import { JsonDocument } from './jsonDocument.js';
import type { RegistryStore } from './registryStore.js';
import { isJournalName, soleLeader, type Storage } from './storage.js';
import type { RecordsOptions } from './records.js';

/**
 * All state as files in DATA_DIR: registry.json, the *.jsonl journals and the JSON documents. Every
 * process on the folder (the bot, the CLI) respects the same locks, so they share it safely; only one
 * bot runs on it (the data folder lock).
 */
export function fileStorage(dataDir: string, log?: Log, registry: RegistryStore = new FileRegistryStore(dataDir, log)): Storage {
  const opened: KeyedRecords<object>[] = [];
  return {
    kind: 'files',
    registry,
    journal: (name) => {
      if (!isJournalName(name)) throw new Error(`"${name}" is not a journal name`);
      return new Journal(path.join(dataDir, journalFile(name)), log);
    },
    journalNames: async () => {
      const files = await readdir(dataDir).catch(() => [] as string[]);
      return files.map(journalOfFile).filter((name): name is string => name !== null);
    },
    document: (name, defaults) => new JsonDocument(path.join(dataDir, DATA_FILES[name]), defaults, log),
    keyed: <T extends object>(name: string, options: RecordsOptions<T> = {}) => {
      if (!isRecordsName(name)) throw new Error(`"${name}" is not a name for keyed records`);
      const legacyFile = options.legacy ? path.join(dataDir, DATA_FILES[options.legacy.document]) : null;
      const records = new FileRecords<T>(name, path.join(dataDir, recordsFile(name)), legacyFile, options, log);
      opened.push(records as unknown as KeyedRecords<object>);
      return records;
    },
    keyedNames: async () => {
      const files = await readdir(dataDir).catch(() => [] as string[]);
      return files.map(recordsOfFile).filter((name): name is string => name !== null);
    },
    leadership: async () => soleLeader(),
    // Changes asked for before closing are on disk when it returns.
    close: async () => {
      await Promise.all(opened.map((records) => records.flushed()));
    },
  };
}
