import assert from 'node:assert/strict';
import { channelMessage, TENANT_ID } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { starterData } from '../support/fixtures.js';
import { StandInGraph } from '../support/standInGraph.js';
import { BO, textOf } from './support.js';

describe('Følg from a channel, with the bot\'s own Graph installer', function () {
  this.timeout(30_000);
  const THREAD = '19:kommune@thread.tacv2;messageid=9';
  const thread = { conversation: { id: THREAD, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID }, from: BO };
  let graph: StandInGraph;
  let bot: BotHarness;

  beforeEach(async () => {
    graph = await new StandInGraph().start();
    bot = await BotHarness.start({ data: starterData(), env: { GRAPH_BASE_URL: graph.url, GRAPH_ACCESS_TOKEN: 'token', TEAMS_APP_CATALOG_ID: 'fki-catalog-id' } });
  });
  afterEach(async () => {
    await bot.stop();
    await graph.stop();
  });

  it('installs the app through Graph for a person without a 1:1 chat, and says so in the thread', async () => {
    await bot.post(channelMessage(bot.serviceUrl, 'følg SAPA', thread));
    assert.match(textOf(bot.connector.sentTo(THREAD).at(-1)), /Jeg har tilføjet FKI Bot i din Teams, så ændringerne kommer i vores 1:1-chat\.$/);
    assert.deepEqual(graph.writes, [
      { method: 'POST', path: `/v1.0/users/${BO.aadObjectId}/teamwork/installedApps`, body: { 'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/fki-catalog-id` } },
    ]);
  });

  it('tells them how to start the chat where the tenant refuses (403)', async () => {
    graph.failNext = [403];
    await bot.post(channelMessage(bot.serviceUrl, 'follow SAPA', thread));
    assert.match(textOf(bot.connector.sentTo(THREAD).at(-1)), /we do not have one yet\. Open FKI Bot under Apps in Teams/);
    assert.equal(graph.writes.length, 0);
  });
});
