import type { JournalName, Storage } from '../store/storage.js';

export type MigrationOutcome =
  | { ok: true; systems: number; deadlines: number; events: Record<JournalName, number>; documents: string[] }
  | { ok: false; reason: 'target-not-empty' | 'source-empty' };

/**
 * Copies everything from one storage into another that holds nothing yet: the registry, every
 * journal's events in their order, every document and every collection of keyed records. A target that already holds data is left alone.
 */
export async function migrateStore(from: Storage, to: Storage): Promise<MigrationOutcome> {
  if (await from.registry.isEmpty()) return { ok: false, reason: 'source-empty' };
  if (!(await to.registry.isEmpty()) || (await to.journalNames()).length > 0) return { ok: false, reason: 'target-not-empty' };

  const data = await from.registry.read();
  const events: Record<JournalName, number> = {};
  for (const name of await from.journalNames()) {
    // Read without a lock or a repair: the source is copied as it is.
    const all = await from.journal(name).readNew();
    await to.journal(name).transact(async (_written, append) => {
      for (const event of all) await append(event);
    });
    events[name] = all.length;
  }
  const documents = new Set<string>();
  for (const name of await from.documentNames()) {
    const value = await from.document(name, {}).read();
    if (Object.keys(value).length === 0) continue;
    await to.document(name, {}).change((target) => (Object.assign(target, value), true));
    documents.add(name);
  }
  // Keyed records (conversations, subscriptions): named with the documents they were before.
  for (const name of await from.keyedNames()) {
    const target = to.keyed<object>(name);
    const entries = await from.keyed<object>(name, { readOnly: true }).entries();
    await Promise.all(entries.map(([key, value]) => target.put(key, value)));
    if (entries.length > 0) documents.add(name);
  }
  // The registry last: a target with a registry counts as migrated.
  await to.registry.update((_current, stored) => (stored.empty ? data : null));
  return { ok: true, systems: data.systems.length, deadlines: data.deadlines.length, events, documents: [...documents] };
}
