import assert from 'node:assert/strict';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ManualClock } from '../../src/time/clock.js';
import { installation, personalMessage, TEAM_ID } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { StandInConnector } from '../support/connector.js';
import { fileStorage } from '../../src/store/fileStorage.js';
import { starterData } from '../support/fixtures.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const ADMIN_CHAT = { id: 'a:admin-chat', conversationType: 'personal' };
const MONDAY_AFTER = '2025-02-17T07:05:00Z';

type Sent = { summary?: string; text?: string; attachments?: { content: { fallbackText?: string } }[] };
const textOf = (activity: unknown) => String((activity as Sent | undefined)?.attachments?.[0]?.content.fallbackText ?? (activity as Sent | undefined)?.text ?? '');
const digestsTo = (connector: StandInConnector, conversationId: string) => connector.sentTo(conversationId).filter((a) => /Ugens oversigt/.test(String((a as Sent).summary ?? (a as Sent).text ?? '')));

describe('a damaged document is set aside loudly, and the rest keeps working', function () {
  this.timeout(30_000);
  const folder = temporaryFolderPerTest('damaged-docs');
  const start = () => BotHarness.start({ data: starterData(), dataDir: folder.path, clock: new ManualClock(MONDAY_AFTER), env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });

  /** A bot that knows the team's channel (subscribed on install) and the administrator's chat, stopped. */
  async function subscribedFolder(): Promise<void> {
    const bot = await start();
    await bot.post(installation(bot.serviceUrl, 'channel'));
    await bot.post(personalMessage(bot.serviceUrl, 'hej', { from: ADMIN, conversation: ADMIN_CHAT }));
    await bot.stop();
  }

  /**
   * A folder as the release before keyed records left it: subscriptions.json and conversations.json as
   * whole documents, both damaged, with their last good copies beside them.
   */
  async function olderFolderWithDamagedDocuments(serviceUrl: string): Promise<void> {
    await subscribedFolder();
    const storage = fileStorage(folder.path);
    const subscriptions = Object.fromEntries(await storage.keyed('subscriptions', { readOnly: true }).entries());
    // Each harness has a connector of its own: the references of before point at the test's.
    const conversations = Object.fromEntries(
      (await storage.keyed<{ reference: { serviceUrl?: string } }>('conversations', { readOnly: true }).entries()).map(([id, stored]) => [
        id,
        { ...stored, reference: { ...stored.reference, serviceUrl } },
      ]),
    );
    await storage.close();
    await rm(path.join(folder.path, 'subscriptions.records.jsonl'));
    await rm(path.join(folder.path, 'conversations.records.jsonl'));
    await writeFile(path.join(folder.path, 'subscriptions.last-good.json'), JSON.stringify({ subscriptions }));
    await writeFile(path.join(folder.path, 'conversations.last-good.json'), JSON.stringify({ conversations }));
    await writeFile(path.join(folder.path, 'subscriptions.json'), '{"subscriptions": {"19:team');
    await writeFile(path.join(folder.path, 'conversations.json'), 'null\n');
  }

  it('sends the digest from the last good copies when subscriptions.json and conversations.json are damaged, and /healthz says which', async () => {
    // Since keyed records these documents are read once, when they are moved over: damage found then
    // must not cost a subscriber or a conversation the good copy still has.
    const earlier = await new StandInConnector().start();
    await olderFolderWithDamagedDocuments(earlier.url);
    const bot = await start();
    try {
      const health = await fetch(`${bot.server.url}/healthz`);
      const body = (await health.json()) as { documents: Record<string, { ok: boolean; problem: string }> };
      assert.equal(health.status, 503);
      assert.equal(body.documents.subscriptions?.ok, false);
      assert.match(body.documents.subscriptions!.problem, /subscriptions\.json was damaged: set aside as subscriptions\.json\.damaged-.*last good copy/);
      assert.equal(body.documents.conversations?.ok, false);
      assert.doesNotMatch(JSON.stringify(body.documents), new RegExp(folder.path.replace(/[/\\.]/g, '\\$&')), 'no absolute paths');
      assert.doesNotMatch(JSON.stringify(body.documents), /Unexpected|position|JSON at/, 'no parse details');

      await bot.post(personalMessage(bot.serviceUrl, 'send oversigten nu', { from: ADMIN, conversation: ADMIN_CHAT }));
      assert.match(textOf(bot.connector.sentTo(ADMIN_CHAT.id).at(-1)), /Jeg sender ugens oversigt nu\. Bemærk: listen over abonnenter var beskadiget/);
      await bot.app.digests.idle();
      await bot.settled();
      assert.equal(digestsTo(earlier, TEAM_ID).length, 1, 'the channel got its digest');
      assert.match(textOf(bot.connector.sentTo(ADMIN_CHAT.id).at(-1)), /1 sendt/);

      const files = await readdir(folder.path);
      assert.ok(files.some((name) => name.startsWith('subscriptions.json.damaged-')), 'the damaged file is kept aside');
      assert.ok(files.some((name) => name.startsWith('conversations.json.damaged-')));
      assert.ok(bot.logged.entries.some((entry) => entry.level === 50 && /subscriptions\.json was damaged/.test(String(entry.msg))), 'logged as an error');
    } finally {
      await bot.stop();
      await earlier.stop();
    }
  });

  it('goes on with an empty document when a damaged one has no good copy, and keeps working', async () => {
    await writeFile(path.join(folder.path, 'subscriptions.json'), '{"subscriptions": [1, 2]}');
    const bot = await start();
    try {
      await bot.post(installation(bot.serviceUrl, 'channel'));
      assert.ok(await bot.app.subscriptions.get(TEAM_ID), 'new subscriptions are stored');
      assert.equal((await bot.app.subscriptions.get(TEAM_ID))?.source, 'install');
      assert.ok((await readdir(folder.path)).some((name) => name.startsWith('subscriptions.json.damaged-')), 'the damaged file is kept aside');
    } finally {
      await bot.stop();
    }
  });

  it('does not claim to send the digest when the subscriptions cannot be read at all', async () => {
    await subscribedFolder();
    await rm(path.join(folder.path, 'subscriptions.records.jsonl'));
    await mkdir(path.join(folder.path, 'subscriptions.records.jsonl')); // unreadable as a file (EISDIR), whoever runs the test
    const bot = await start();
    try {
      await bot.post(personalMessage(bot.serviceUrl, 'send oversigten nu', { from: ADMIN, conversation: ADMIN_CHAT }));
      const reply = textOf(bot.connector.sentTo(ADMIN_CHAT.id).at(-1));
      assert.doesNotMatch(reply, /Jeg sender ugens oversigt nu/);
      assert.match(reply, /kan ikke sende ugens oversigt nu: listen over abonnenter kan ikke læses/);
    } finally {
      await bot.stop();
    }
  });
});
