import { createApp } from '../../bot/app.js';
import { startServer, type RunningServer } from '../../bot/server.js';
import { loadConfig } from '../../src/config.js';
import { createLog } from '../../src/log.js';
import type { RegistryData, RegistryStore } from '../../src/store/registryStore.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import { fixedClock, type Clock } from '../../src/time/clock.js';
import { StandInConnector } from './connector.js';

export interface BotHarnessOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Registry contents; the shipped starter data when left out. */
  data?: RegistryData;
  /** A store of the test's own, e.g. one that fails. */
  store?: RegistryStore;
}

/** The real server on a free loopback port, with a stand-in connector and an in-memory store. */
export class BotHarness {
  readonly connector = new StandInConnector();
  server!: RunningServer;

  static async start(options: BotHarnessOptions = {}): Promise<BotHarness> {
    const harness = new BotHarness();
    await harness.connector.start();
    const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', ...options.env });
    const app = await createApp({
      config,
      log: createLog('silent'),
      clock: options.clock ?? fixedClock('2025-02-10T09:00:00+01:00'),
      store: options.store ?? (options.data ? new MemoryRegistryStore(options.data) : new MemoryRegistryStore()),
    });
    harness.server = await startServer(app, 0, '127.0.0.1');
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
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  }

  async stop(): Promise<void> {
    await this.server.close();
    await this.connector.stop();
  }
}
