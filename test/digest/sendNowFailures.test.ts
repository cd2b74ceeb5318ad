import assert from 'node:assert/strict';
import { ManualClock } from '../../src/time/clock.js';
import { installation, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { starterData } from '../support/fixtures.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
const ADMIN_CHAT = { id: 'a:admin-chat', conversationType: 'personal' };
const OTHER_TEAM = '19:team-other@thread.tacv2';

describe('"send oversigten nu" says which deliveries failed, and why', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await BotHarness.start({ data: starterData(), clock: new ManualClock('2025-02-16T12:00:00Z'), env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId } });
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('names each conversation the digest did not reach, in plain words', async () => {
    await bot.post(installation(bot.serviceUrl, 'channel'));
    await bot.post(installation(bot.serviceUrl, 'channel', 'add', OTHER_TEAM));
    await bot.post(personalMessage(bot.serviceUrl, 'abonnér på oversigt'));
    // One team removed the bot (403); one chat refuses the message for good (400).
    bot.connector.failWith = (conversationId) => (conversationId === OTHER_TEAM ? { status: 403 } : conversationId === 'a:personal-chat-alex' ? { status: 400 } : null);
    await bot.post(personalMessage(bot.serviceUrl, 'send oversigten nu', { from: ADMIN, conversation: ADMIN_CHAT }));
    await bot.app.digests.idle();
    await bot.settled();
    const result = bot.connector.sentTo(ADMIN_CHAT.id).at(-1) as { text?: string; attachments?: { content: { fallbackText?: string } }[] };
    // Several lines go out as a card of lines (Teams runs plain lines together); its fallback is the text.
    const lines = String(result.attachments?.[0]?.content.fallbackText ?? result.text).split('\n');
    assert.equal(lines[0], 'Ugens oversigt: 1 sendt, 0 havde den allerede, 2 mislykkedes (prøves igen senere).');
    assert.deepEqual(lines.slice(1).sort(), [
      '- En kanal i et team der fik oversigten da appen blev tilføjet: botten er fjernet fra samtalen, så den får ikke oversigten mere.',
      '- En personlig chat der skrev "abonnér på oversigt": Teams tog ikke imod beskeden (HTTP 400).',
    ]);
  });
});
