import { MemoryRecords } from './memoryRecords.js';
import { RecordMap, type RecordsName, type RecordsOptions } from './records.js';
import { MemoryRegistryStore, type RegistryStore } from './registryStore.js';
import { SerialQueue } from './serial.js';
import { isDocumentName, isJournalName, soleLeader, type DocumentName, type EventLog, type JournalName, type Storage, type StoredDocument } from './storage.js';
import { isRecordsName } from './records.js';

/** A journal in memory: shared by every reader of the same storage, as a file or a table would be. */
class MemoryEventLog<E> implements EventLog<E> {
  private read = 0;
  private readonly turns = new SerialQueue();

  constructor(
    readonly name: string,
    private readonly events: E[],
  ) {}

  async open(): Promise<E[]> {
    this.read = this.events.length;
    return structuredClone(this.events);
  }

  async readNew(): Promise<E[]> {
    const fresh = this.events.slice(this.read);
    this.read = this.events.length;
    return structuredClone(fresh);
  }

  async changedSinceRead(): Promise<boolean> {
    return this.read !== this.events.length;
  }

  async probe(): Promise<void> {}

  transact<T>(work: (written: E[], append: (event: E) => Promise<void>) => Promise<T>): Promise<T> {
    return this.turns.run(async () => {
      const written = await this.readNew();
      const afterRead = this.read;
      try {
        return await work(written, async (event) => {
          this.events.push(structuredClone(event));
          this.read = this.events.length;
        });
      } catch (error) {
        // As with a file: what was appended is kept, and read again (applied then) by the next read.
        this.read = afterRead;
        throw error;
      }
    });
  }
}

/**
 * All state in memory: for tests, and for `cli ask`, which answers from a copy of the real storage
 * so that asking never changes anything.
 */
export function memoryStorage(registry: RegistryStore = new MemoryRegistryStore()): Storage & {
  /** The events of a journal, for copying storage. */
  events<E>(name: JournalName): E[];
} {
  const journals = new Map<JournalName, unknown[]>();
  const documents = new Map<DocumentName, object>();
  const eventsOf = <E>(name: JournalName) => {
    if (!journals.has(name)) journals.set(name, []);
    return journals.get(name) as E[];
  };
  const queue = new SerialQueue();
  const records = new Map<RecordsName, RecordMap<object>>();
  return {
    kind: 'memory',
    registry,
    events: eventsOf,
    journal: <E>(name: JournalName) => {
      // The same names as the other backends take, so that what works here works there.
      if (!isJournalName(name)) throw new Error(`"${name}" is not a journal name`);
      return new MemoryEventLog<E>(name, eventsOf<E>(name));
    },
    // A journal is here from its first opening, as the other backends name one opened even while empty.
    journalNames: async () => [...journals.keys()],
    // Like a file, a document takes its defaults for what it does not hold.
    document: <T extends object>(name: DocumentName, defaults: T): StoredDocument<T> => {
      if (!isDocumentName(name)) throw new Error(`"${name}" is not a document name`);
      return {
        read: async () => ({ ...structuredClone(defaults), ...(documents.get(name) as T | undefined) }),
        change: (apply) =>
          queue.run(async () => {
            const data = { ...structuredClone(defaults), ...structuredClone(documents.get(name) as T | undefined) } as T;
            const changed = apply(data);
            if (changed) documents.set(name, data);
            return changed;
          }),
      };
    },
    documentNames: async () => [...documents.keys()],
    keyed: <T extends object>(name: RecordsName, options: RecordsOptions<T> = {}) => {
      if (!isRecordsName(name)) throw new Error(`"${name}" is not a name for keyed records`);
      if (!records.has(name)) records.set(name, new RecordMap<object>(options.indexBy as ((value: object) => string | null) | undefined));
      const legacy = options.legacy;
      const readLegacy = legacy
        ? () => {
            const data = documents.get(legacy.document) as Record<string, unknown> | undefined;
            documents.delete(legacy.document);
            return data;
          }
        : null;
      return new MemoryRecords<T>(name, records.get(name) as unknown as RecordMap<T>, options, readLegacy);
    },
    keyedNames: async () => [...records.entries()].filter(([, map]) => map.values.size > 0).map(([name]) => name),
    leadership: async () => soleLeader(),
    close: async () => {},
  };
}

/**
 * A copy of a storage in memory: the registry, every journal's events, every document and every
 * collection of keyed records, read
 * without taking a lock or repairing anything, so the original is left exactly as it was.
 */
export async function copyToMemory(source: Storage): Promise<Storage> {
  const registry = (await source.registry.isEmpty()) ? new MemoryRegistryStore() : new MemoryRegistryStore(await source.registry.read());
  const copy = memoryStorage(registry);
  for (const name of await source.journalNames()) copy.events(name).push(...(await source.journal(name).readNew()));
  for (const name of await source.documentNames()) {
    const value = await source.document(name, {}).read();
    await copy.document(name, {}).change((data) => (Object.assign(data, value), true));
  }
  for (const name of await source.keyedNames()) {
    const target = copy.keyed<object>(name);
    for (const [key, value] of await source.keyed<object>(name, { readOnly: true }).entries()) await target.put(key, value);
  }
  return copy;
}
