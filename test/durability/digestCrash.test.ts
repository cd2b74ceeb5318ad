import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLog } from '../../src/log.js';
import { openStorage, type StorageSettings } from '../../src/store/openStorage.js';
import { StandInConnector } from '../support/connector.js';
import { freshDatabase } from '../support/postgres.js';
import { startBotProcess } from '../support/process.js';
import { digestsRecordedSent, subscribeChannels } from '../support/subscribedChannels.js';
import { until } from '../support/until.js';

type Bot = Awaited<ReturnType<typeof startBotProcess>>;
type Sent = { summary?: string };
const CHANNELS = 16;

/** Sixteen subscribed channels the bot can reach through the stand-in connector. */
async function subscribedChannels(settings: StorageSettings, connectorUrl: string): Promise<string[]> {
  const storage = await openStorage(settings, createLog('silent'));
  try {
    return await subscribeChannels(storage, connectorUrl, CHANNELS);
  } finally {
    await storage.close();
  }
}

describe('a crash mid-digest re-sends at most the one delivery under way', function () {
  this.timeout(120_000);
  let connector: StandInConnector;
  let folder: string;
  const bots: Bot[] = [];
  // Due from the first minute of every week: the digest is due whenever the test runs, and the
  // catch-up run at start sends it.
  const DIGEST_ENV = { DIGEST_CRON: '* * * * 1', SURVEY_LINK_SECRET: 'test-secret-of-at-least-32-characters!' };

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'fki-digest-crash-'));
    connector = await new StandInConnector().start();
    // Teams posts a message that arrived even when the sender dies before the answer.
    connector.keepsWhatArrived = true;
    connector.delayMs = 400;
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) bot.child.kill('SIGKILL');
    await connector.stop();
    await rm(folder, { recursive: true, force: true });
  });

  const digestsTo = (id: string) => connector.sentTo(id).filter((activity) => /Ugens oversigt/.test(String((activity as Sent).summary ?? '')));
  const twice = (ids: string[]) => ids.filter((id) => digestsTo(id).length > 1);

  it('with files: killed mid-digest and started again, at most one channel gets the digest twice', async () => {
    const dataDir = path.join(folder, 'data');
    const ids = await subscribedChannels({ dataDir }, connector.url);
    const first = await startBotProcess({ ...DIGEST_ENV, DATA_DIR: dataDir }, 60_000);
    bots.push(first);
    await until(() => connector.arrived >= 3, 'deliveries under way', 30_000);
    first.child.kill('SIGKILL');
    await first.exited;
    assert.ok(connector.arrived < CHANNELS, 'the crash came mid-digest');

    bots.push(await startBotProcess({ ...DIGEST_ENV, DATA_DIR: dataDir }, 60_000));
    await until(() => ids.every((id) => digestsTo(id).length >= 1), 'every channel to get the digest', 60_000);
    // Every delivery recorded: anything sent twice has arrived by now.
    await until(async () => {
      const recorded = await digestsRecordedSent({ dataDir });
      return ids.every((id) => recorded.has(id));
    }, 'every delivery to be recorded', 30_000);
    assert.ok(twice(ids).length <= 1, `channels that got it twice: ${twice(ids).join(', ')}`);
  });

  it('with PostgreSQL: the new leader takes over the dead leader\'s claims at once, not after DIGEST_CLAIM_SECONDS', async () => {
    const url = await freshDatabase();
    const ids = await subscribedChannels({ dataDir: folder, databaseUrl: url }, connector.url);
    const env = { ...DIGEST_ENV, DATABASE_URL: url, LEADER_POLL_SECONDS: '0.5', DIGEST_CLAIM_SECONDS: '300' };
    const [a, b] = await Promise.all([startBotProcess({ ...env, DATA_DIR: path.join(folder, 'a') }, 60_000), startBotProcess({ ...env, DATA_DIR: path.join(folder, 'b') }, 60_000)]);
    bots.push(a, b);
    await until(() => connector.arrived >= 3, 'deliveries under way', 30_000);
    const leads = async (bot: Bot) => ((await (await fetch(`${bot.url}/healthz`)).json()) as { leader: boolean }).leader;
    const [leader, survivor] = (await leads(a)) ? [a, b] : [b, a];
    leader.child.kill('SIGKILL');
    await leader.exited;
    const killedAt = Date.now();
    assert.ok(connector.arrived < CHANNELS, 'the crash came mid-digest');

    // A claim runs for 300 s; the survivor must not wait for it.
    await until(() => ids.every((id) => digestsTo(id).length >= 1), 'every channel to get the digest', 30_000);
    assert.ok(Date.now() - killedAt < 30_000);
    await until(async () => {
      const recorded = await digestsRecordedSent({ dataDir: folder, databaseUrl: url });
      return ids.every((id) => recorded.has(id));
    }, 'every delivery to be recorded', 30_000);
    assert.ok(twice(ids).length <= 1, `channels that got it twice: ${twice(ids).join(', ')}`);
    assert.equal(await leads(survivor), true, 'the survivor leads');
  });
});
