import path from 'node:path';
import type { Log } from '../log.js';
import { DATA_FILES, journalFile, journalOfFile, recordsFile, recordsOfFile } from './dataFiles.js';
import { FileRecords } from './fileRecords.js';
import { isRecordsName, type KeyedRecords } from './records.js';
import { readdir } from 'node:fs/promises';
import { diskIo, type DiskIo } from './diskIo.js';
import { FileRegistryStore } from './fileRegistryStore.js';
import { Journal } from './journal.js';
import { JsonDocument } from './jsonDocument.js';
import type { RegistryStore } from './registryStore.js';
import { isJournalName, soleLeader, type DocumentName, type Storage } from './storage.js';
import type { RecordsOptions } from './records.js';

/**
 * All state as files in DATA_DIR: registry.json, the *.jsonl journals and the JSON documents. Every
 * process on the folder (the bot, the CLI) respects the same locks, so they share it safely; only one
 * bot runs on it (the data folder lock).
 */
export function fileStorage(dataDir: string, log?: Log, registry: RegistryStore = new FileRegistryStore(dataDir, log), io: DiskIo = diskIo): Storage {
  const opened: KeyedRecords<object>[] = [];
  // One per name: the damage a reader found is what /healthz reports.
  const documents = new Map<DocumentName, JsonDocument<object>>();
  const documentOf = <T extends object>(name: DocumentName, defaults: T): JsonDocument<T> => {
    let document = documents.get(name);
    if (!document) {
      document = new JsonDocument<object>(path.join(dataDir, DATA_FILES[name]), defaults, log, io);
      documents.set(name, document);
    }
    return document as unknown as JsonDocument<T>;
  };
  return {
    kind: 'files',
    registry,
    journal: (name) => {
      if (!isJournalName(name)) throw new Error(`"${name}" is not a journal name`);
      return new Journal(path.join(dataDir, journalFile(name)), log, undefined, io);
    },
    journalNames: async () => {
      const files = await readdir(dataDir).catch(() => [] as string[]);
      return files.map(journalOfFile).filter((name): name is string => name !== null);
    },
    document: documentOf,
    keyed: <T extends object>(name: string, options: RecordsOptions<T> = {}) => {
      if (!isRecordsName(name)) throw new Error(`"${name}" is not a name for keyed records`);
      // The whole document of before is read as any document is: a damaged one is set aside loudly and
      // its last good copy moved over instead.
      const legacy = options.legacy ? documentOf<Record<string, unknown>>(options.legacy.document, { [options.legacy.document]: {} }) : null;
      const records = new FileRecords<T>(name, path.join(dataDir, recordsFile(name)), legacy, options, log, io);
      opened.push(records as unknown as KeyedRecords<object>);
      return records;
    },
    keyedNames: async () => {
      const files = await readdir(dataDir).catch(() => [] as string[]);
      return files.map(recordsOfFile).filter((name): name is string => name !== null);
    },
    documentProblems: async () => {
      const problems: Partial<Record<DocumentName, string | null>> = {};
      for (const [name, document] of documents) {
        try {
          await document.read();
          problems[name] = document.problem();
        } catch (error) {
          problems[name] = `${DATA_FILES[name]} cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
        }
      }
      return problems;
    },
    leadership: async () => soleLeader(),
    // Changes asked for before closing are on disk when it returns.
    close: async () => {
      await Promise.all(opened.map((records) => records.flushed()));
    },
  };
}
