import type pg from 'pg';
import type { Log } from '../../log.js';
import type { Leadership } from '../storage.js';

/** The advisory lock that makes an instance the one that runs the schedules. */
const LEADER_KEY = 'fki:leader';

/**
 * One leader among the instances, chosen by the database: the leader holds a session advisory lock
 * on a connection it keeps; when its process dies, the session ends and the lock with it, and another
 * instance takes it at its next try (every `pollMs`). The leader also checks its connection at each
 * poll and steps down when it is gone.
 */
export class PgLeadership implements Leadership {
  private client: pg.PoolClient | null = null;
  private readonly listeners: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> = Promise.resolve();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly log: Log,
  ) {}

  static async start(pool: pg.Pool, log: Log, pollMs: number): Promise<PgLeadership> {
    const leadership = new PgLeadership(pool, log);
    await leadership.poll();
    leadership.timer = setInterval(() => {
      leadership.polling = leadership.polling.then(() => leadership.poll());
    }, pollMs);
    leadership.timer.unref();
    return leadership;
  }

  isLeader(): boolean {
    return this.client !== null;
  }

  onElected(listener: () => void): void {
    this.listeners.push(listener);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.polling;
    const client = this.client;
    this.client = null;
    if (client) {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [LEADER_KEY]).catch(() => undefined);
      client.release();
    }
  }

  private async poll(): Promise<void> {
    if (this.client) {
      try {
        await this.client.query('SELECT 1');
      } catch (error) {
        this.log.error({ err: error }, 'lost the database connection that made this instance the leader; stepping down');
        this.client.release(true);
        this.client = null;
      }
      return;
    }
    let client: pg.PoolClient | null = null;
    try {
      client = await this.pool.connect();
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [LEADER_KEY]);
      if (!rows[0]?.ok) {
        client.release();
        return;
      }
      // The session must stay open while this instance leads: the lock belongs to it.
      client.on('error', (error) => this.log.error({ err: error }, 'the leader connection failed'));
      this.client = client;
      this.log.info('this instance is now the leader: it runs the schedules');
      for (const listener of this.listeners) listener();
    } catch (error) {
      client?.release();
      this.log.error({ err: error }, 'could not take part in choosing the leader; trying again');
    }
  }
}
