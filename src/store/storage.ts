import { isStoredName } from './dataFiles.js';
import type { KeyedRecords, RecordsName, RecordsOptions } from './records.js';
import type { RegistryStore } from './registryStore.js';

/**
 * A journal's name, chosen by the feature that keeps it ('surveys', 'digest-outbox', 'reminders'):
 * see isStoredName. The store knows no journal of its own.
 */
export type JournalName = string;

/** A document's name, chosen by the feature that keeps it ('admins'): see isStoredName; 'registry' is the store's. */
export type DocumentName = string;

export function isJournalName(name: string): boolean {
  return isStoredName(name);
}

export function isDocumentName(name: string): boolean {
  return isStoredName(name) && name !== 'registry';
}

/**
 * An append-only log of events. `open` reads them all; `readNew` what was appended since the last
 * read (by any process or instance); `transact` runs work alone against the log (a lock across
 * processes or instances), after the events others appended, and its appends are durable when it ends.
 */
export interface EventLog<E> {
  readonly name: string;
  open(): Promise<E[]>;
  readNew(): Promise<E[]>;
  changedSinceRead(): Promise<boolean>;
  /** Throws when the journal cannot be read now (for /healthz); reads next to nothing. */
  probe(): Promise<void>;
  transact<T>(work: (written: E[], append: (event: E) => Promise<void>) => Promise<T>): Promise<T>;
}

/** A small JSON value changed as a whole, one change at a time across processes. */
export interface StoredDocument<T extends object> {
  read(): Promise<T>;
  /** `apply` changes the value in place and says whether it changed anything. */
  change(apply: (data: T) => boolean): Promise<boolean>;
  /** What is wrong with it (damaged and set aside), or null; backends that cannot be damaged lack it. */
  problem?(): string | null;
}

/** Whether this instance runs the schedules: one instance at a time does. */
export interface Leadership {
  isLeader(): boolean;
  /** Called when this instance becomes the leader (it then runs what was due). */
  onElected(listener: () => void): void;
  stop(): Promise<void>;
}

/**
 * Which instances are alive, where several share a store: a claim names its claimer's session, and the
 * claims of a session that ended (its process died) are void at once, without waiting for them to run out.
 */
export interface Presence {
  /** This instance's session now: a name the store can check later (a new one after a reconnect). */
  session(): Promise<string>;
  /** Whether the session another instance named is still alive. Throws when it cannot be told. */
  isAlive(session: string): Promise<boolean>;
}

/**
 * Where all state lives: the registry, and the journals, documents and keyed records that features
 * name for themselves (the store knows none of them). One contract, three backends: files in
 * DATA_DIR (one machine), PostgreSQL (several instances), memory (tests, `cli ask`).
 */
export interface Storage {
  readonly kind: 'files' | 'postgres' | 'memory';
  readonly registry: RegistryStore;
  /** The journal of that name (a feature's own): throws for a name that is not one (isJournalName). */
  journal<E>(name: JournalName): EventLog<E>;
  /**
   * Every journal that holds events, and every one opened through this handle even while empty (for
   * migrating, copying and health checks: a feature's journal is checked from its start).
   */
  journalNames(): Promise<JournalName[]>;
  /** The document of that name (a feature's own), its defaults filling in what it does not hold. */
  document<T extends object>(name: DocumentName, defaults: T): StoredDocument<T>;
  /** Every document that holds a value (for migrating and copying). */
  documentNames(): Promise<DocumentName[]>;
  /**
   * Records by key (a conversation reference, a subscription), each put or deleted on its own in O(1).
   * Handles of one name in one process should share the options; each handle loads the records once.
   */
  keyed<T extends object>(name: RecordsName, options?: RecordsOptions<T>): KeyedRecords<T>;
  /** Every collection of keyed records that holds records or changes (for migrating and copying). */
  keyedNames(): Promise<RecordsName[]>;
  /** Starts taking part in choosing the leader; with files and memory this instance always leads. */
  leadership(): Promise<Leadership>;
  /** Where several instances share the store (PostgreSQL): whose sessions are alive. */
  presence?(): Presence;
  close(): Promise<void>;
  /**
   * Reads every document opened so far and says what is wrong with each (null: nothing), for /healthz.
   * Backends whose documents cannot be damaged lack it.
   */
  documentProblems?(): Promise<Record<DocumentName, string | null>>;
}

/** Leadership where there is only ever one instance. */
export function soleLeader(): Leadership {
  return { isLeader: () => true, onElected: () => {}, stop: async () => {} };
}
