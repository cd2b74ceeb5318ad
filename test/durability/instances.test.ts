import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TurnContext } from 'botbuilder';
import { createLog } from '../../src/log.js';
import { openStorage } from '../../src/store/openStorage.js';
import { cardAction, channelMessage, personalMessage, USER } from '../support/activities.js';
import { cliInProcess } from '../support/cli.js';
import { StandInConnector } from '../support/connector.js';
import { freshDatabase } from '../support/postgres.js';
import { startBotProcess } from '../support/process.js';
import { digestsRecordedSent } from '../support/subscribedChannels.js';
import { until } from '../support/until.js';

type Sent = { summary?: string; text?: string; attachments?: { content: { fallbackText?: string } }[] };
const textOf = (activity: unknown) => {
  const sent = activity as Sent | undefined;
  return String(sent?.attachments?.[0]?.content.fallbackText ?? sent?.text ?? '');
};
describe('two bot processes on one PostgreSQL database behave as one bot', function () {
  this.timeout(120_000);
  let dataDir: string;
  let connector: StandInConnector;
  const bots: Awaited<ReturnType<typeof startBotProcess>>[] = [];
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fki-instances-'));
    connector = await new StandInConnector().start();
  });
  after(async () => {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await connector.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shares surveys and registry changes, runs the digest on one leader, and finishes a digest the other was cut off in', async () => {
    const url = await freshDatabase();
    const env = {
      DATABASE_URL: url,
      LEADER_POLL_SECONDS: '0.5',
      DIGEST_CLAIM_SECONDS: '1',
      // Due from the first minute of every week: the digest is due whenever the test runs.
      DIGEST_CRON: '* * * * 1',
      ADMIN_AAD_OBJECT_IDS: USER.aadObjectId,
      SURVEY_LINK_SECRET: 'test-secret-of-at-least-32-characters!',
    };
    bots.push(...(await Promise.all([startBotProcess({ ...env, DATA_DIR: path.join(dataDir, 'a') }), startBotProcess({ ...env, DATA_DIR: path.join(dataDir, 'b') })])));
    const [a, b] = bots as [(typeof bots)[0], (typeof bots)[0]];
    const post = async (bot: typeof a, activity: unknown) => {
      const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      return (await response.text()) || '';
    };

    // A survey opened through one instance is answered through the other.
    await post(a, cardAction(connector.url, 'survey.request', { system: 'Aula', lang: 'da' }));
    await until(() => /"surveyId":"[^"]+"/.test(JSON.stringify(connector.sentTo('a:personal-chat-alex'))), 'the survey card');
    const surveyId = /"surveyId":"([^"]+)"/.exec(JSON.stringify(connector.sentTo('a:personal-chat-alex')))![1]!;
    const receipt = await post(b, cardAction(connector.url, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03', vendor: 'Eksempel A/S' }));
    assert.match(receipt, /Tak — registreret: Aula skifter til Context Handler 2 den 3\. marts 2026/);

    // A registry change made with the CLI is answered by both within a few seconds.
    const file = path.join(dataDir, 'import.json');
    await writeFile(file, JSON.stringify({ systems: [{ name: 'Tværsystem', vendor: 'Eksempel A/S', ch2Date: '2027-05-04', status: 'planned' }] }));
    const imported = await cliInProcess(['import', file], { DATA_DIR: dataDir, DATABASE_URL: url });
    assert.equal(imported.code, 0, imported.stderr);
    for (const bot of [a, b]) {
      await until(async () => {
        await post(bot, personalMessage(connector.url, 'hvornår skifter Tværsystem?'));
        return /Tværsystem skifter til Context Handler 2 den 4\. maj 2027/.test(textOf(connector.sentTo('a:personal-chat-alex').at(-1)));
      }, 'the imported date', 5_000);
    }

    // Exactly one of them leads.
    const health = async (bot: typeof a) => (await (await fetch(`${bot.url}/healthz`)).json()) as { leader: boolean; storage: string };
    const [healthA, healthB] = await Promise.all([health(a), health(b)]);
    assert.deepEqual([healthA.storage, healthB.storage], ['postgres', 'postgres']);
    assert.equal(Number(healthA.leader) + Number(healthB.leader), 1);
    const [leader, survivor] = healthA.leader ? [a, b] : [b, a];

    // Sixteen channels get the digest; the leader is killed with deliveries in flight.
    const channels = Array.from({ length: 16 }, (_, n) => channelMessage(connector.url, 'hej', { conversation: { id: `19:channel-${n}@thread.tacv2`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-kombit' } }));
    const storage = await openStorage({ dataDir, databaseUrl: url }, createLog('silent'));
    const conversations = storage.keyed('conversations');
    const subscriptions = storage.keyed('subscriptions');
    for (const activity of channels) {
      const id = (activity.conversation as { id: string }).id;
      void conversations.put(id, { reference: TurnContext.getConversationReference(activity as never), kind: 'channel', aadObjectId: null, updatedAt: '2020-01-01T00:00:00Z' });
      void subscriptions.put(id, { conversationId: id, lang: 'da', subscribedAt: '2020-01-01T00:00:00Z', source: 'command' });
    }
    await storage.close();
    connector.delayMs = 800;
    const arrivedBefore = connector.arrived;
    void post(leader, personalMessage(connector.url, 'send oversigten nu'));
    await until(() => connector.arrived - arrivedBefore >= 6, 'deliveries in flight');
    leader.child.kill('SIGKILL');
    await leader.exited;

    const digestsTo = (id: string) => connector.sentTo(id).filter((activity) => /Ugens oversigt/.test(String((activity as Sent).summary ?? '')));
    const ids = channels.map((activity) => (activity.conversation as { id: string }).id);
    await until(() => ids.every((id) => digestsTo(id).length >= 1), 'every channel to get the digest', 30_000);
    // Every delivery recorded: anything sent twice has arrived by now.
    await until(async () => {
      const recorded = await digestsRecordedSent({ dataDir, databaseUrl: url });
      return ids.every((id) => recorded.has(id));
    }, 'every delivery to be recorded', 30_000);
    assert.deepEqual(ids.filter((id) => digestsTo(id).length !== 1), [], 'each channel got the digest exactly once');
    assert.equal((await health(survivor)).leader, true, 'the survivor leads');
  });
});
