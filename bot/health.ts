import { CORE_JOURNALS, type JournalName, type Storage } from '../src/store/storage.js';
import type { SyncHealth } from '../src/sync/service.js';

export interface Health {
  /** The bot can answer and record: its registry and journals are readable. */
  ok: boolean;
  storage: Storage['kind'];
  leader: boolean;
  registry: { ok: boolean; systems: number; problem: string | null };
  journals: Record<JournalName, { ok: boolean; problem: string | null }>;
  /** KOMBIT's list: reported, but not part of `ok` (an outage of Graph must not restart the bot). */
  sync: SyncHealth & { ok: boolean };
}


/** What /healthz reports: each part of the bot's state, read as it is now. */
export async function healthOf(app: {
  storage: Storage;
  registry: { current(): Promise<{ systems: readonly unknown[] }> };
  sync: { health(): SyncHealth };
}): Promise<Health> {
  const problemOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
  let registry: Health['registry'];
  try {
    await app.storage.registry.revision();
    registry = { ok: true, systems: (await app.registry.current()).systems.length, problem: app.storage.registry.problem?.() ?? null };
  } catch (error) {
    registry = { ok: false, systems: 0, problem: problemOf(error) };
  }
  const journals = {} as Health['journals'];
  const names = [...new Set([...CORE_JOURNALS, ...(await app.storage.journalNames().catch(() => []))])];
  for (const name of names) {
    try {
      await app.storage.journal(name).probe();
      journals[name] = { ok: true, problem: null };
    } catch (error) {
      journals[name] = { ok: false, problem: problemOf(error) };
    }
  }
  const sync = app.sync.health();
  const leader = await app.storage.leadership().then((leadership) => leadership.isLeader()).catch(() => false);
  return {
    ok: registry.ok && Object.values(journals).every((journal) => journal.ok),
    storage: app.storage.kind,
    leader,
    registry,
    journals,
    sync: { ...sync, ok: !sync.configured || sync.lastRun === null || sync.lastRun.ok },
  };
}
