import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BOT, TENANT_ID, USER } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { system, testData } from '../support/fixtures.js';

type Attachment = { contentType: string; content: Record<string, unknown>; preview: { contentType: string; content: { title: string; text: string } } };
type Result = { composeExtension: { type: string; attachmentLayout?: string; attachments?: Attachment[]; text?: string } };

/** What Teams posts when someone searches in the bot's message extension from a compose box. */
function searchActivity(serviceUrl: string, query: string | null, commandId = 'systems', locale = 'da-DK') {
  return {
    type: 'invoke',
    name: 'composeExtension/query',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    locale,
    conversation: { id: '19:channel-x@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    value: {
      commandId,
      parameters: query === null ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: query }],
      queryOptions: { skip: 0, count: 25 },
    },
  };
}

describe('the message extension: search for a system from any compose box', function () {
  this.timeout(30_000);
  let bot: BotHarness;
  before(async () => {
    const data = testData();
    data.systems.push(
      system({ name: 'Snart', ch2Date: '2025-02-12', status: 'planned' }),
      system({ name: 'Senere', ch2Date: '2025-06-01', sts2Date: '2025-02-15', status: 'planned' }),
    );
    bot = await BotHarness.start({ data });
  });
  after(async () => {
    await bot.stop();
  });
  const search = async (query: string | null, commandId?: string, locale?: string) => {
    const { status, body } = await bot.post(searchActivity(bot.serviceUrl, query, commandId, locale));
    assert.equal(status, 200);
    return (body as Result).composeExtension;
  };

  it('finds systems as chat does, typos included, each with a preview and the answer\'s card to insert', async () => {
    const found = await search('Aulla');
    assert.equal(found.type, 'result');
    assert.equal(found.attachmentLayout, 'list');
    const aula = found.attachments!.find((attachment) => attachment.preview.content.title === 'Aula');
    assert.ok(aula, 'the typo finds Aula');
    assert.equal(aula.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(aula.preview.contentType, 'application/vnd.microsoft.card.thumbnail');
    assert.match(aula.preview.content.text, /Aula/);
    assert.match(String(aula.content.fallbackText), /Aula/);
    assert.deepEqual(cardProblems(aula.content), []);

    const sapa = (await search('sapa')).attachments!;
    assert.equal(sapa[0]!.preview.content.title, 'SAPA');
    assert.match(sapa[0]!.preview.content.text, /SAPA skiftede til Context Handler 2 den 21\. januar 2025/);
    // Teams reports en-US for many Danes: the client's locale alone does not make the card English.
    assert.match((await search('sapa', 'systems', 'en-US')).attachments![0]!.preview.content.text, /SAPA skiftede til Context Handler 2 den 21\. januar 2025/);
  });

  it('offers the systems switching next when nothing is typed yet', async () => {
    const next = await search(null);
    assert.deepEqual(next.attachments!.slice(0, 2).map((attachment) => attachment.preview.content.title), ['Snart', 'Senere']);
    assert.ok(next.attachments!.length <= 10);
  });

  it('answers an empty result for a name it does not know, and a message for a command it does not have', async () => {
    assert.deepEqual((await search('zzzzqqqq')).attachments, []);
    const unknown = await search('sapa', 'no-such-command');
    assert.equal(unknown.type, 'message');
  });
});
