import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppDeps } from '../../bot/app.js';
import type { Feature } from '../../src/app/feature.js';
import type { ProvidedService } from '../../src/app/services.js';
import type { PacerOptions } from '../../bot/pacing.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { loadConfig } from '../../src/config.js';
import { captureLog } from './logCapture.js';
import type { RegistryData, RegistryStore } from '../../src/store/registryStore.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import { fixedClock, type Clock } from '../../src/time/clock.js';
import { StandInConnector } from './connector.js';
import type { DiskIo } from '../../src/store/diskIo.js';
import type { Storage } from '../../src/store/storage.js';
import { fileStorage } from '../../src/store/fileStorage.js';
import type { Fence } from '../../src/store/fence.js';
import { freePort } from './freePort.js';
import type { JWTVerifyGetKey } from 'jose';

export interface BotHarnessOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Registry contents; the shipped starter data when left out. */
  data?: RegistryData;
  /** A store of the test's own, e.g. one that fails. */
  store?: RegistryStore;
  /** An existing data folder (to start the bot again on the same data); a new temporary one otherwise. */
  dataDir?: string;
  /** The app's feature list, when a test adds a feature of its own. */
  features?: readonly Feature[];
  /** What the features' notifications pass through (the Playground's example-data mark). */
  notifications?: AppDeps['notifications'];
  /** Teams' limits on proactive sends, with a clock of the test's own. */
  pacing?: Partial<PacerOptions>;
  /** The disk the data folder's journals and documents are written through (a full one, say). */
  disk?: DiskIo;
  /** The storage itself (memory, say), instead of the one DATA_DIR or DATABASE_URL names. */
  storage?: Storage;
  /** The data folder lock this bot holds (a test steals it). */
  fence?: Fence;
  /** Services the edge provides besides the bot's own (a stand-in app installer, say). */
  edge?: readonly ProvidedService[];
  /** The keys Teams sign-in tokens are checked against (a test signs its own). */
  ssoKeys?: JWTVerifyGetKey;
}

/**
 * botbuilder's retry on a failing connector, with waits of milliseconds instead of 1 s doubling: the
 * same retries, without the ~7 s a connector that is down holds each turn.
 */
export const FAST_CONNECTOR_RETRY = { retryDelayInMs: 1, maxRetryDelayInMs: 10 } as const;

/** The real server on a free loopback port, with a stand-in connector and a data folder of its own. */
export class BotHarness {
  readonly connector = new StandInConnector();
  server!: RunningServer;
  app!: App;
  dataDir!: string;
  /** What the bot logged (info and up), as parsed JSON lines. */
  readonly logged = captureLog();
  private ownsDataDir = false;

  static async start(options: BotHarnessOptions = {}): Promise<BotHarness> {
    const harness = new BotHarness();
    await harness.connector.start();
    harness.ownsDataDir = options.dataDir === undefined;
    harness.dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'fki-bot-')));
    const port = await freePort();
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      PORT: String(port),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: harness.dataDir,
      SURVEY_LINK_SECRET: 'test-secret-of-at-least-32-characters!',
      ...options.env,
    });
    const store = options.store ?? (options.data ? new MemoryRegistryStore(options.data) : new MemoryRegistryStore());
    harness.app = await createApp({
      config,
      log: harness.logged.log,
      clock: options.clock ?? fixedClock('2025-02-10T09:00:00+01:00'),
      store,
      ...(options.fence ? { fence: options.fence } : {}),
      ...(options.storage ? { storage: options.storage } : {}),
      ...(options.disk ? { storage: fileStorage(harness.dataDir, harness.logged.log, store, options.disk) } : {}),
      delivery: { sleep: async () => {} },
      connectorRetry: FAST_CONNECTOR_RETRY,
      env: { ...process.env, ...options.env },
      ...(options.features ? { features: options.features } : {}),
      ...(options.pacing ? { pacing: options.pacing } : {}),
      ...(options.edge ? { edge: options.edge } : {}),
      ...(options.notifications ? { notifications: options.notifications } : {}),
    });
    harness.server = await startServer(harness.app, port, '127.0.0.1', options.ssoKeys ? { ssoKeys: options.ssoKeys } : {});
    return harness;
  }

  get serviceUrl(): string {
    return this.connector.url;
  }

  /** Posts an activity to /api/messages as Teams would; returns the HTTP status and JSON body. */
  async post(activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    const text = await response.text();
    // The bot answers a message at once and replies after: a test reads the reply once the turn is over.
    await this.app.turns.idle();
    // What a registry change set off (the write-back after an approval) starts once its subscribers have it.
    await this.app.registry.delivered();
    // What a card action posts besides its response goes out after it, through the notifier.
    await this.app.notifier.idle();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  }

  /** Waits until every proactive message the bot started has been delivered or given up. */
  async settled(): Promise<void> {
    // Twice: work that finishes late in one pass (a delivery after a turn, a write-back after an
    // approval) may start work an earlier step of that pass already waited for.
    for (let pass = 0; pass < 2; pass += 1) {
      await this.app.turns.idle();
      // Registry changes reach their subscribers (the write-back after an approval) off the writer's path.
      await this.app.registry.delivered();
      await this.app.sync.idle();
      await this.app.digests.idle();
      await this.app.welcomes.idle();
      await this.app.notifier.idle();
      await this.app.conversations.flushed();
    }
  }

  async stop(): Promise<void> {
    await this.settled();
    await this.server.close();
    await this.app.storage.close();
    await this.connector.stop();
    // A write still under way when the bot stops (a lock being released) can refill the folder: retry.
    if (this.ownsDataDir) await rm(this.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}
