import type pg from 'pg';
import type { Log } from '../../log.js';
import type { Leadership } from '../storage.js';

/** The advisory lock that makes an instance the one that runs the schedules. */
const LEADER_KEY = 'fki:leader';

/**
 * One leader among the instances, chosen by the database: the leader holds a session advisory lock
 * on a connection it keeps; when its process dies, the session ends and the lock with it, and another
 * instance takes it at its next try (every `pollMs`). The leader steps down the moment its connection
 * fails (and checks it at each poll), and takes part again at the next poll: it recovers by itself.
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
      const unlocked = await client.query('SELECT pg_advisory_unlock(hashtext($1))', [LEADER_KEY]).then(
        () => true,
        () => false,
      );
      // A connection that failed is destroyed, not handed out again by the pool.
      client.release(!unlocked);
    }
  }

  /** The leader's connection failed: the lock went with its session, so this instance no longer leads. */
  private stepDown(client: pg.PoolClient, error: unknown): void {
    if (this.client !== client) return;
    this.log.error({ err: error }, 'lost the database connection that made this instance the leader; stepping down until it can lead again');
    this.client = null;
    client.release(true);
  }

  private async poll(): Promise<void> {
    if (this.client) {
      const client = this.client;
      await client.query('SELECT 1').catch((error: unknown) => this.stepDown(client, error));
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
      // The session must stay open while this instance leads: the lock belongs to it. When it fails,
      // this instance stops leading at once (another may take the lock now), and tries again at each poll.
      const leaderClient = client;
      leaderClient.on('error', (error) => this.stepDown(leaderClient, error));
      this.client = client;
      this.log.info('this instance is now the leader: it runs the schedules');
      for (const listener of this.listeners) listener();
    } catch (error) {
      if (client && client !== this.client) client.release(true);
      this.log.error({ err: error }, 'could not take part in choosing the leader; trying again');
    }
  }
}
