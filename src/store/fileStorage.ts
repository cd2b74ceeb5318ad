import path from 'node:path';
import type { Log } from '../log.js';
import { DATA_FILES, journalFile, journalOfFile } from './dataFiles.js';
import { readdir } from 'node:fs/promises';
import { diskIo, type DiskIo } from './diskIo.js';
import { FileRegistryStore } from './fileRegistryStore.js';
import { Journal } from './journal.js';
import { JsonDocument } from './jsonDocument.js';
import type { RegistryStore } from './registryStore.js';
import { isJournalName, soleLeader, type DocumentName, type Storage } from './storage.js';

/**
 * All state as files in DATA_DIR: registry.json, the *.jsonl journals and the JSON documents. Every
 * process on the folder (the bot, the CLI) respects the same locks, so they share it safely; only one
 * bot runs on it (the data folder lock).
 */
export function fileStorage(dataDir: string, log?: Log, registry: RegistryStore = new FileRegistryStore(dataDir, log), io: DiskIo = diskIo): Storage {
  // One per name: the damage a reader found is what /healthz reports.
  const documents = new Map<DocumentName, JsonDocument<object>>();
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
    document: <T extends object>(name: DocumentName, defaults: T) => {
      let document = documents.get(name);
      if (!document) {
        document = new JsonDocument<object>(path.join(dataDir, DATA_FILES[name]), defaults, log, io);
        documents.set(name, document);
      }
      return document as unknown as JsonDocument<T>;
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
    close: async () => {},
  };
}
