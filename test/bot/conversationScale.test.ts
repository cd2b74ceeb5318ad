import assert from 'node:assert/strict';
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

/** Bytes this process has handed to write() so far (files and sockets alike). */
async function bytesWritten(): Promise<number> {
  return Number(/wchar:\s+(\d+)/.exec(await readFile('/proc/self/io', 'utf8'))?.[1]);
}

const KNOWN = 5_000;
const aadOf = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

/** A personal chat of user n, as Teams posts its messages. */
function newChatMessage(serviceUrl: string, n: number, text = 'hvornår skifter Aula?') {
  return personalMessage(serviceUrl, text, {
    conversation: { id: `a:personal-chat-${n}`, conversationType: 'personal', tenantId: 'tenant-kombit' },
    from: { id: `29:user-${n}`, name: `User ${n}`, aadObjectId: aadOf(n) },
  });
}

/** The conversations document of a bot that already knows `count` personal chats (as the bot wrote it before). */
function knownChats(serviceUrl: string, count: number) {
  const conversations: Record<string, unknown> = {};
  for (let n = 0; n < count; n += 1) {
    const id = `a:personal-chat-${n}`;
    conversations[id] = {
      reference: {
        activityId: `activity-${n}`,
        user: { id: `29:user-${n}`, name: `User ${n}`, aadObjectId: aadOf(n) },
        bot: { id: '28:fki-bot', name: 'FKI Bot' },
        conversation: { id, conversationType: 'personal', tenantId: 'tenant-kombit' },
        channelId: 'msteams',
        locale: 'da-DK',
        serviceUrl,
      },
      kind: 'personal',
      aadObjectId: aadOf(n),
      updatedAt: '2026-11-01T08:00:00.000Z',
    };
  }
  return { conversations };
}

describe('every user of the tenant: a new chat costs the same at thousands of chats as at the first', function () {
  this.timeout(60_000);
  const folder = temporaryFolderPerTest('scale');

  it(`records a new personal chat by writing about as much with ${KNOWN} known chats as a reply takes, and still knows every chat after a restart`, async () => {
    let bot = await BotHarness.start({ dataDir: folder.path });
    // The bot's data as it was left by a bot that knew KNOWN chats (moved to keyed records at start).
    await bot.stop();
    await writeFile(path.join(folder.path, 'conversations.json'), `${JSON.stringify(knownChats(bot.serviceUrl, KNOWN), null, 2)}\n`);
    bot = await BotHarness.start({ dataDir: folder.path });
    try {
      const perChat: number[] = [];
      for (let n = KNOWN; n < KNOWN + 10; n += 1) {
        const before = await bytesWritten();
        const { status } = await bot.post(newChatMessage(bot.serviceUrl, n));
        assert.equal(status, 200);
        perChat.push((await bytesWritten()) - before);
      }
      // Rewriting every known reference would be about 2 MB per new chat; a record is one line.
      assert.ok(Math.max(...perChat) < 64 * 1024, `bytes written per new chat: ${perChat.join(', ')}`);
      assert.equal(await bot.app.notifier.personalChatOf(aadOf(KNOWN + 9)), `a:personal-chat-${KNOWN + 9}`);
    } finally {
      await bot.stop();
    }

    bot = await BotHarness.start({ dataDir: folder.path });
    try {
      assert.equal(await bot.app.notifier.personalChatOf(aadOf(17).toUpperCase()), 'a:personal-chat-17', 'a chat known before, found by its user in any case');
      assert.equal(await bot.app.notifier.personalChatOf(aadOf(KNOWN + 3)), `a:personal-chat-${KNOWN + 3}`, 'a chat recorded since');
      assert.equal(await bot.app.notifier.personalChatOf(aadOf(KNOWN + 100)), null, 'a user the bot never met');
      await access(path.join(folder.path, 'conversations.json.migrated'));
    } finally {
      await bot.stop();
    }
  });
});
