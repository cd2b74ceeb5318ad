import type { HttpRoute } from '../src/app/contributions.js';
import type { Config } from '../src/config.js';
import { metricsRegistry } from '../src/metrics.js';
import type { DocumentName, JournalName, Storage } from '../src/store/storage.js';
import { alwaysHeld, type Fence } from '../src/store/fence.js';
import type { SyncHealth } from '../src/sync/service.js';
import { mayViewOperations } from './opsAccess.js';

export interface Health {
  /** The bot can answer and record: its registry and journals are readable. */
  ok: boolean;
  storage: Storage['kind'];
  leader: boolean;
  registry: { ok: boolean; systems: number; problem: string | null };
  journals: Record<JournalName, { ok: boolean; problem: string | null }>;
  /**
   * The documents read so far (subscriptions, conversations, administrators): a damaged one was set
   * aside and the bot goes on with its last good copy, but says so here (503) until restarted.
   */
  documents: Record<DocumentName, { ok: boolean; problem: string | null }>;
  /** This bot still holds the data folder lock (files); when it lost it, it sends nothing (503). */
  instanceLock: { ok: boolean; problem: string | null };
  /** KOMBIT's list: reported, but not part of `ok` (an outage of Graph must not restart the bot). */
  sync: SyncHealth & { ok: boolean };
}

type HealthSource = Parameters<typeof healthOf>[0];

/**
 * The edge's own routes, mounted like the features' (access checked in one place):
 * GET /healthz: 200 while the bot can answer and record (a damaged registry answered from its last
 * good copy says so in registry.problem), 503 when it cannot; the sync's state is reported beside.
 * Anyone (a load balancer's probe) gets ok or not; the parts, with file names and reasons, are for
 * operators only (OPS_TOKEN, see opsAccess.ts). GET /metrics: Prometheus' text, for administrators.
 */
export function operationsRoutes(app: HealthSource & { config: Pick<Config, 'opsToken' | 'opsOpenWithoutToken'> }, version: string): HttpRoute[] {
  const json = (status: number, value: unknown) => ({ status, type: 'application/json', body: JSON.stringify(value), headers: { 'cache-control': 'no-store' } });
  return [
    {
      method: 'GET',
      path: '/healthz',
      access: 'public',
      async handle({ headers }) {
        const health = await healthOf(app);
        return json(health.ok ? 200 : 503, mayViewOperations({ headers }, app.config) ? { version, ...health } : { ok: health.ok });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      access: 'admin',
      handle: async () => ({ status: 200, type: metricsRegistry.contentType, body: await metricsRegistry.metrics(), headers: { 'cache-control': 'no-store' } }),
    },
  ];
}

/** What /healthz reports: each part of the bot's state, read as it is now. */
export async function healthOf(app: {
  storage: Storage;
  registry: { current(): Promise<{ systems: readonly unknown[] }> };
  sync: { health(): SyncHealth };
  fence?: Fence;
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
  // The journals the features opened (checked from their start, even while empty) and any others stored.
  for (const name of await app.storage.journalNames().catch(() => [])) {
    try {
      await app.storage.journal(name).probe();
      journals[name] = { ok: true, problem: null };
    } catch (error) {
      journals[name] = { ok: false, problem: problemOf(error) };
    }
  }
  const documents: Health['documents'] = {};
  const documentProblems = await app.storage.documentProblems?.().catch((error: unknown) => ({ conversations: problemOf(error) })) ?? {};
  for (const [name, problem] of Object.entries(documentProblems) as [DocumentName, string | null][]) documents[name] = { ok: problem === null, problem };
  const fence = app.fence ?? alwaysHeld;
  const instanceLock = { ok: fence.holds(), problem: fence.problem() };
  const sync = app.sync.health();
  const leader = await app.storage.leadership().then((leadership) => leadership.isLeader()).catch(() => false);
  return {
    ok: registry.ok && Object.values(journals).every((journal) => journal.ok) && Object.values(documents).every((document) => document.ok) && instanceLock.ok,
    storage: app.storage.kind,
    leader,
    registry,
    journals,
    documents,
    instanceLock,
    sync: { ...sync, ok: !sync.configured || sync.lastRun === null || sync.lastRun.ok },
  };
}
