import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { ProactiveNotifier } from '../../bot/notifier.js';
import { createLog } from '../../src/log.js';
import { BotHarness } from '../support/botHarness.js';
import { groupChatMessage, personalMessage } from '../support/activities.js';

/** Collects the bot's JSON log lines. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLog('info', stream), lines };
}

describe('proactive messages (notifications)', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await BotHarness.start();
    await bot.post(personalMessage(bot.serviceUrl, 'hej'));
    await bot.post(groupChatMessage(bot.serviceUrl, 'hej'));
    bot.connector.clear();
  });
  afterEach(async () => {
    await bot.stop();
  });

  function notifier(delays: number[], log = createLog('silent')) {
    return new ProactiveNotifier(bot.app.adapter, '', bot.app.conversations, log, {
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
  }

  it('retries throttling and refused preconditions, honouring Retry-After, until the message is delivered', async () => {
    // botbuilder's own pipeline retries each call three more times on 429; the notifier retries after that.
    const failures = [
      ...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'retry-after': '0.05' } })),
      { status: 412 },
    ];
    bot.connector.failWith = () => failures.shift() ?? null;
    const delays: number[] = [];
    const sender = notifier(delays);
    sender.toConversation('a:personal-chat-alex', { text: 'Besked' });
    await sender.idle();
    assert.deepEqual(bot.connector.refused.map((r) => r.status), [429, 429, 429, 429, 412]);
    assert.equal(bot.connector.sentTo('a:personal-chat-alex').length, 1, 'delivered once, in the end');
    assert.equal(delays[0], 50, 'Retry-After: 0.05 means 50 ms');
    assert.ok(delays[1]! >= 2000 && delays[1]! <= 4000, `then exponential back-off with jitter: 2–4 s before the third try (${delays[1]} ms)`);
  });

  it('forgets a conversation the bot was removed from (403), and never posts there again', async () => {
    bot.connector.failWith = (id) => (id === '19:group-chat@thread.v2' ? { status: 403 } : null);
    const sender = notifier([]);
    sender.toConversation('19:group-chat@thread.v2', { text: 'Besked' });
    await sender.idle();
    assert.equal(await bot.app.conversations.get('19:group-chat@thread.v2'), undefined);
    sender.toConversation('19:group-chat@thread.v2', { text: 'Igen' });
    await sender.idle();
    assert.equal(bot.connector.refused.length, 1, 'no second attempt');
  });

  it('gives up after its tries and logs the failure with the reason', async () => {
    bot.connector.failWith = () => ({ status: 503, headers: { 'retry-after': '0' } });
    const { log, lines } = capturedLog();
    const sender = notifier([], log);
    sender.toConversation('a:personal-chat-alex', { text: 'Besked' });
    await sender.idle();
    assert.equal(bot.connector.refused.length, 16, '4 tries of the notifier, each tried 4 times by botbuilder');
    const failure = lines.find((line) => line.msg === 'could not deliver a message');
    assert.deepEqual([failure?.level, failure?.status, failure?.attempts, failure?.conversationId], [50, 503, 4, 'a:personal-chat-alex']);
  });

  it('does not retry a request Teams refuses for good (400)', async () => {
    bot.connector.failWith = () => ({ status: 400 });
    const sender = notifier([]);
    sender.toConversation('a:personal-chat-alex', { text: 'Besked' });
    await sender.idle();
    assert.equal(bot.connector.refused.length, 1);
  });
});
