import type { KeyedRecords, RecordsName, RecordsOptions } from './records.js';
import type { RegistryStore } from './registryStore.js';

/**
 * A journal's name: the core's ('surveys', 'digestOutbox', 'writeBack') or one a feature brings
 * ('reminders'): lower camel case, so that every backend can use it as it is (a file, a column value).
 */
export type JournalName = string;

export function isJournalName(name: string): boolean {
  return /^[a-z][a-zA-Z0-9]{0,40}$/.test(name);
}
/**
 * The documents every backend keeps: small JSON values changed as a whole. `conversations` and
 * `subscriptions` were documents before they became keyed records: they are still read once, to move them.
 */
export const DOCUMENT_NAMES = ['admins', 'conversations', 'subscriptions'] as const;
export type DocumentName = (typeof DOCUMENT_NAMES)[number];

/** The core's journals: checked by /healthz even before they hold anything. */
export const CORE_JOURNALS: readonly JournalName[] = ['surveys', 'digestOutbox', 'writeBack'];

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
 * Where all state lives: the registry, the journals and the documents. One contract, three
 * backends: files in DATA_DIR (one machine), PostgreSQL (several instances), memory (tests, `cli ask`).
 */
export interface Storage {
  readonly kind: 'files' | 'postgres' | 'memory';
  readonly registry: RegistryStore;
  journal<E>(name: JournalName): EventLog<E>;
  /** Every journal that holds events (for migrating, copying and health checks). */
  journalNames(): Promise<JournalName[]>;
  document<T extends object>(name: DocumentName, defaults: T): StoredDocument<T>;
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
  documentProblems?(): Promise<Partial<Record<DocumentName, string | null>>>;
}

/** Leadership where there is only ever one instance. */
export function soleLeader(): Leadership {
  return { isLeader: () => true, onElected: () => {}, stop: async () => {} };
}
