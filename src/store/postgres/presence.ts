import pg from 'pg';
import type { Log } from '../../log.js';
import type { Presence } from '../storage.js';
import { unavailable } from './database.js';

/**
 * An instance's presence in PostgreSQL: a connection of its own, kept open while the instance lives.
 * Its session is named by the backend's pid and start time (a pid alone can be reused); when the
 * process dies, the database ends the session and `pg_stat_activity` no longer lists it.
 */
export class PgPresence implements Presence {
  private current: Promise<{ client: pg.Client; session: string }> | null = null;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Log,
  ) {}

  session(): Promise<string> {
    this.current ??= this.connect();
    return this.current.then(({ session }) => session);
  }

  async isAlive(session: string): Promise<boolean> {
    const match = /^pg:(\d+):(.+)$/.exec(session);
    if (!match) return true; // not a session this store named: never presumed dead
    try {
      const { rows } = await this.pool.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND backend_start = $2::timestamptz', [Number(match[1]), match[2]]);
      return rows.length > 0;
    } catch (error) {
      throw unavailable(error, 'could not tell whether another instance is alive');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const current = this.current;
    this.current = null;
    await current?.then(({ client }) => client.end()).catch(() => undefined);
  }

  private connect(): Promise<{ client: pg.Client; session: string }> {
    if (this.closed) return Promise.reject(new Error('the presence was closed'));
    const client = new pg.Client(this.pool.options);
    const forget = () => {
      // The session ended: this instance's claims are void now; the next claim opens a new session.
      if (this.current === attempt) this.current = null;
    };
    client.on('error', (error) => {
      this.log.warn({ err: error }, "this instance's presence connection failed; a new one is opened at the next claim");
      forget();
    });
    client.on('end', forget);
    const attempt = (async () => {
      try {
        await client.connect();
        const { rows } = await client.query<{ pid: number; started: string }>(
          "SELECT pid, to_char(backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS started FROM pg_stat_activity WHERE pid = pg_backend_pid()",
        );
        return { client, session: `pg:${rows[0]!.pid}:${rows[0]!.started}` };
      } catch (error) {
        forget();
        await client.end().catch(() => undefined);
        throw unavailable(error, 'could not open the presence connection');
      }
    })();
    return attempt;
  }
}
