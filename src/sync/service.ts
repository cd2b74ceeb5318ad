import type { Lang } from '../i18n/language.js';
import type { Log } from '../log.js';
import { RegistryService } from '../registry/service.js';
import type { SystemRecord } from '../registry/system.js';
import type { Storage } from '../store/storage.js';
import type { Survey } from '../surveys/survey.js';
import type { Clock } from '../time/clock.js';
import { ColumnMapError, parseColumnMap } from './columns.js';
import { graphSettings } from './graph.js';
import type { SyncPlan } from './plan.js';
import { approvalsOf, missingColumnsText, runSync, syncSummary, type ListSource } from './run.js';
import { approvedWriteBacks, WriteBackQueue, type WritableList, type WriteBackEvent } from './writeBack.js';

export interface SyncDeps {
  /** GRAPH_* settings and GRAPH_COLUMN_MAP. */
  env: NodeJS.ProcessEnv;
  storage: Storage;
  clock: Clock;
  log: Log;
  /** The surveys, for the approvals a sync must not undo (read while the registry is locked). */
  surveys: () => readonly Survey[] | Promise<readonly Survey[]>;
  /** The running bot's registry; the CLI's sync makes its own. Changes go through it, as source `sync`. */
  registry?: RegistryService;
}

export type SyncResult =
  | { kind: 'not-configured'; missing: string }
  | { kind: 'invalid-column-map'; text: string }
  | { kind: 'missing-columns'; text: string }
  | { kind: 'done'; plan: SyncPlan; text: string };

/**
 * The sync with KOMBIT's list, one service for the bot, its schedule and the CLI: approved answers
 * still on their way are written back first (so the sync reads them back instead of undoing them),
 * then the list is read and the registry changed through its one write path.
 */
/** How the last sync went, for /healthz. */
export interface SyncHealth {
  configured: boolean;
  lastRun: { at: string; ok: boolean; problem: string | null } | null;
  /** Approved answers still waiting to be written back to the list. */
  writeBacksWaiting: number;
}

export class SyncService {
  private lastRun: SyncHealth['lastRun'] = null;

  private constructor(
    private readonly deps: SyncDeps,
    private readonly registry: RegistryService,
    readonly writeBacks: WriteBackQueue,
    private readonly columnMap: Record<string, keyof SystemRecord> | ColumnMapError,
    private readonly settings: ReturnType<typeof graphSettings>,
  ) {}

  static async create(deps: SyncDeps): Promise<SyncService> {
    const writeBacks = await WriteBackQueue.load(deps.storage.journal<WriteBackEvent>('sync-writeback'), async () => approvedWriteBacks(await deps.surveys()), deps.log);
    // The environment does not change while the bot runs: read the column map once.
    let columnMap: Record<string, keyof SystemRecord> | ColumnMapError;
    try {
      columnMap = parseColumnMap(deps.env.GRAPH_COLUMN_MAP);
    } catch (error) {
      if (!(error instanceof ColumnMapError)) throw error;
      columnMap = error;
    }
    return new SyncService(deps, deps.registry ?? RegistryService.of(deps.storage, deps.clock, deps.log), writeBacks, columnMap, graphSettings(deps.env));
  }

  /** Whether a list (or an Excel table) is configured. */
  get configured(): boolean {
    return !('missing' in this.settings);
  }

  health(): SyncHealth {
    return { configured: this.configured, lastRun: this.lastRun, writeBacksWaiting: this.writeBacks.waiting };
  }

  /** One sync, or (dry run) what it would change; a run that is not a dry run is remembered for /healthz. */
  async run(options: { lang: Lang; dryRun?: boolean }): Promise<SyncResult> {
    const at = this.deps.clock.now().toISOString();
    try {
      const result = await this.runOnce(options);
      if (!options.dryRun && result.kind !== 'not-configured') this.lastRun = { at, ok: result.kind === 'done', problem: result.kind === 'done' ? null : result.text };
      return result;
    } catch (error) {
      if (!options.dryRun) this.lastRun = { at, ok: false, problem: (error as Error).message };
      throw error;
    }
  }

  private async runOnce(options: { lang: Lang; dryRun?: boolean }): Promise<SyncResult> {
    const source = await this.source();
    if (source === null) return { kind: 'not-configured', missing: 'missing' in this.settings ? this.settings.missing : '' };
    if (this.columnMap instanceof ColumnMapError) {
      this.deps.log.error({ reason: this.columnMap.message }, 'sync: GRAPH_COLUMN_MAP is invalid');
      return { kind: 'invalid-column-map', text: this.columnMap.message };
    }
    const dryRun = options.dryRun ?? false;
    if (!dryRun) await this.pushWriteBacks(source);
    const outcome = await runSync({
      source,
      store: { read: () => this.deps.storage.registry.read(), update: (change) => this.registry.write(change, { source: 'sync' }) },
      columnMap: this.columnMap,
      approvals: async () => approvalsOf(await this.deps.surveys()),
      // An approved value not yet on the list is kept whatever the row says: the row still has the old one.
      writeBacksPending: () => this.writeBacks.pendingSystems(),
      now: this.deps.clock.now(),
      dryRun,
    });
    if (!outcome.ok) {
      this.deps.log.error({ missing: outcome.missingColumns }, 'sync: the list lacks mapped columns');
      return { kind: 'missing-columns', text: missingColumnsText(outcome.missingColumns, options.lang) };
    }
    const { plan } = outcome;
    if (!dryRun) {
      this.deps.log.info({ added: plan.added.length, updated: plan.updated.length, invalid: plan.invalid.length, kept: plan.keptApproved.length }, "synced with KOMBIT's list");
    }
    return { kind: 'done', plan, text: syncSummary(plan, dryRun, options.lang) };
  }

  /**
   * After KOMBIT approved an answer: the approval carries the values for the list (nothing to queue
   * that a crash could lose); take it in and try to send it now.
   */
  async queueApproved(_system?: SystemRecord): Promise<void> {
    if (!this.configured) return;
    try {
      await this.writeBacks.lookAgain();
    } catch (error) {
      // The approval is durable and carries its values: the next sync or start delivers them.
      this.deps.log.error({ err: error }, 'could not look at the write-back journal after an approval; the write-back goes at the next sync');
      return;
    }
    this.pushInBackground();
  }

  /** Sends what is waiting (approvals a crash or a failed write left), without waiting for it. */
  pushInBackground(): void {
    if (!this.configured || this.writeBacks.waiting === 0) return;
    void this.pushWriteBacks().catch((error: unknown) => this.deps.log.error({ err: error }, 'write-back to the list failed; tried again at the next sync'));
  }

  /** Resolves when no write-back is in flight. */
  idle(): Promise<void> {
    return this.writeBacks.idle();
  }

  /** Sends approved answers still on their way to the list; a failure stays queued for the next try. */
  async pushWriteBacks(given?: ListSource & WritableList): Promise<void> {
    const source = given ?? (await this.source());
    if (source === null || this.columnMap instanceof ColumnMapError || this.writeBacks.waiting === 0) return;
    try {
      const summary = await this.writeBacks.push(source, this.columnMap, () => this.deps.clock.now());
      if (summary.updated + summary.created > 0) this.deps.log.info({ ...summary }, 'approved answers written back to the list');
    } catch (error) {
      this.deps.log.error({ err: error }, 'write-back to the list failed; tried again at the next sync');
    }
  }

  /** One source per run: the write-back and the sync share its columns. */
  private async source(): Promise<(ListSource & WritableList) | null> {
    if ('missing' in this.settings) return null;
    const { graphSource } = await import('./graphClient.js');
    return graphSource(this.settings);
  }
}
