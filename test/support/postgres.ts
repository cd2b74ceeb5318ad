import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './freePort.js';

/**
 * A PostgreSQL server for the tests, started once per test run on 127.0.0.1 from Debian's packages
 * (a throw-away cluster, stopped when the run ends), or the one TEST_DATABASE_URL names. Each test
 * takes a fresh database of its own.
 */
let server: Promise<string> | null = null;

function binaries(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  const bin = version ? path.join(root, version, 'bin') : '';
  if (!bin || !existsSync(path.join(bin, 'initdb'))) {
    throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (or set TEST_DATABASE_URL)');
  }
  return bin;
}

async function startServer(): Promise<string> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const server = await startPostgres();
  process.once('exit', server.stop);
  return server.url;
}

/**
 * Starts a throw-away PostgreSQL cluster; its admin URL, and a stop that removes it. `npm test` starts
 * one for the whole run (test/support/globalFixtures.ts) and hands it to the workers as TEST_DATABASE_URL.
 */
export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  const bin = binaries();
  const dir = mkdtempSync(path.join(tmpdir(), 'fki-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  // initdb and postgres refuse to run as root: as root, run them as the postgres user.
  const asServer = (command: string, args: string[]) => {
    const [file, all] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    execFileSync(file as string, all as string[], { stdio: 'pipe' });
  };
  // A copy of one initdb'd cluster: initdb takes seconds, a copy a fraction of one.
  execFileSync('cp', ['-a', initializedCluster(bin, asServer), path.join(dir, 'data')]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  asServer('pg_ctl', ['-D', path.join(dir, 'data'), '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const command = [path.join(bin, 'pg_ctl'), '-D', path.join(dir, 'data'), '-m', 'immediate', 'stop'];
    if (process.getuid?.() === 0) spawnSync('runuser', ['-u', 'postgres', '--', ...command], { stdio: 'ignore' });
    else spawnSync(command[0]!, command.slice(1), { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

/**
 * A cluster made by initdb once per machine and PostgreSQL version, kept in the temporary folder for
 * every later test run to copy. Made aside and renamed into place, so that two workers making it at
 * once both end up with a whole one.
 */
function initializedCluster(bin: string, asServer: (command: string, args: string[]) => void): string {
  const template = path.join(tmpdir(), `fki-pg-template-${path.basename(path.dirname(bin))}`);
  if (existsSync(path.join(template, 'PG_VERSION'))) return template;
  const making = mkdtempSync(path.join(tmpdir(), 'fki-pg-making-'));
  chmodSync(making, 0o777);
  asServer('initdb', ['-D', path.join(making, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
  try {
    renameSync(path.join(making, 'data'), template);
  } catch (error) {
    // Another worker made it first: use theirs.
    if (!existsSync(path.join(template, 'PG_VERSION'))) throw error;
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
  return template;
}

/** A new, empty database on the test server; its URL. */
export async function freshDatabase(): Promise<string> {
  server ??= startServer();
  const adminUrl = await server;
  const name = `fki_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
