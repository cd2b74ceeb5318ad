import assert from 'node:assert/strict';
import { personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { starterData } from '../support/fixtures.js';
import { StandInGraph } from '../support/standInGraph.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };

describe('"synkroniser nu" in chat', function () {
  this.timeout(30_000);

  it('lets an administrator sync with the list and answers from it at once; others are refused', async () => {
    const graph = await new StandInGraph().start();
    graph.columns = [{ name: 'Title', displayName: 'System' }, { name: 'CH2_x002d_dato', displayName: 'CH2-dato' }, { name: 'Status', displayName: 'Status' }];
    graph.items = [{ id: '1', lastModifiedDateTime: '2025-02-01T08:00:00Z', fields: { Title: 'Aula', CH2_x002d_dato: '2025-04-07T22:00:00Z', Status: 'planned' } }];
    const env = {
      ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId,
      GRAPH_BASE_URL: `${graph.url}/`,
      GRAPH_ACCESS_TOKEN: 'token',
      GRAPH_SITE_ID: graph.siteId,
      GRAPH_LIST_ID: graph.listId,
      GRAPH_COLUMN_MAP: '{"System":"name","CH2-dato":"ch2Date","Status":"status"}',
    };
    const bot = await BotHarness.start({ data: starterData(), env });
    const last = () => String((bot.connector.sentTo('a:personal-chat-alex').at(-1) as { text?: string; attachments?: { content: { fallbackText?: string } }[] })?.attachments?.[0]?.content.fallbackText ?? (bot.connector.sentTo('a:personal-chat-alex').at(-1) as { text?: string }).text);
    try {
      await bot.post(personalMessage(bot.serviceUrl, 'synkroniser nu'));
      assert.match(last(), /Kun KOMBITs administratorer kan synkronisere listen/);
      assert.equal(graph.requests.length, 0, 'nothing was read for a refusal');

      await bot.post(personalMessage(bot.serviceUrl, 'sync now', { from: ADMIN }));
      assert.match(last(), /Sync with KOMBIT's list: 0 added, 1 changed, 0 unchanged\.\n  ~ Aula: ch2Date, status/);
      await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter Aula til CH2?'));
      assert.match(last(), /Aula skifter til Context Handler 2 den 8\. april 2025/);
      assert.match(last(), /Kilde: KOMBITs liste/);
    } finally {
      await bot.stop();
      await graph.stop();
    }
  });
});
