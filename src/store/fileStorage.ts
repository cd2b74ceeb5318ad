import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../log.js';
import { documentFile, documentOfFile, journalFile, journalOfFile, recordsFile, recordsOfFile } from './dataFiles.js';
import { diskIo, type DiskIo } from './diskIo.js';
import { FileRecords } from './fileRecords.js';
import { FileRegistryStore } from './fileRegistryStore.js';
import { Journal } from './journal.js';
import { JsonDocument } from './jsonDocument.js';
import { isRecordsName, type KeyedRecords, type RecordsOptions } from './records.js';
import type { RegistryStore } from './registryStore.js';
import { isDocumentName, isJournalName, soleLeader, type DocumentName, type JournalName, type Storage } from './storage.js';

/**
 * All state as files in DATA_DIR: registry.json, the *.jsonl journals and keyed records, and the JSON
 * documents. Every process on the folder (the bot, the CLI) respects the same locks, so they share it
 * safely; only one bot runs on it (the data folder lock).
 */
export function fileStorage(dataDir: string, log?: Log, registry: RegistryStore = new FileRegistryStore(dataDir, log), io: DiskIo = diskIo): Storage {
  const opened: KeyedRecords<object>[] = [];
  const journalsOpened = new Set<JournalName>();
  // One per name: the damage a reader found is what /healthz reports.
  const documents = new Map<DocumentName, JsonDocument<object>>();
  const documentOf = <T extends object>(name: DocumentName, defaults: T): JsonDocument<T> => {
    if (!isDocumentName(name)) throw new Error(`"${name}" is not a document name`);
    let document = documents.get(name);
    if (!document) {
      document = new JsonDocument<object>(path.join(dataDir, documentFile(name)), defaults, log, io);
      documents.set(name, document);
    }
    return document as unknown as JsonDocument<T>;
  };
  const namesOfFiles = async (nameOf: (file: string) => string | null) => {
    const files = await readdir(dataDir).catch(() => [] as string[]);
    return files.map(nameOf).filter((name): name is string => name !== null);
  };
  return {
    kind: 'files',
    registry,
    journal: (name) => {
      if (!isJournalName(name)) throw new Error(`"${name}" is not a journal name`);
      journalsOpened.add(name);
      return new Journal(path.join(dataDir, journalFile(name)), log, undefined, io);
    },
    journalNames: async () => [...new Set([...journalsOpened, ...(await namesOfFiles(journalOfFile))])],
    document: documentOf,
    documentNames: () => namesOfFiles(documentOfFile),
    keyed: <T extends object>(name: string, options: RecordsOptions<T> = {}) => {
      if (!isRecordsName(name)) throw new Error(`"${name}" is not a name for keyed records`);
      // The whole document of before is read as any document is: a damaged one is set aside loudly and
      // its last good copy moved over instead.
      const legacy = options.legacy ? documentOf<Record<string, unknown>>(options.legacy.document, { [options.legacy.document]: {} }) : null;
      const records = new FileRecords<T>(name, path.join(dataDir, recordsFile(name)), legacy, options, log, io);
      opened.push(records as unknown as KeyedRecords<object>);
      return records;
    },
    keyedNames: () => namesOfFiles(recordsOfFile),
    documentProblems: async () => {
      const problems: Record<DocumentName, string | null> = {};
      for (const [name, document] of documents) {
        try {
          await document.read();
          problems[name] = document.problem();
        } catch (error) {
          problems[name] = `${documentFile(name)} cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
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
