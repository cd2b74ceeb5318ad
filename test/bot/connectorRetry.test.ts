import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness.js';
import { personalMessage } from '../support/activities.js';
import { testData } from '../support/fixtures.js';

describe("botbuilder's retry of a failing connector, with the waits a test gives", function () {
  let bot: BotHarness;
  before(async () => {
    bot = await BotHarness.start({ data: testData() });
  });
  after(async () => {
    await bot.stop();
  });

  it('retries a reply Teams fails three times, as botbuilder does, without its seconds of waiting', async () => {
    let failures = 0;
    bot.connector.failWith = () => (failures < 3 ? ((failures += 1), { status: 500 }) : null);
    const started = performance.now();
    await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?'));
    await bot.settled();
    const elapsed = performance.now() - started;
    assert.deepEqual(bot.connector.refused.map((call) => call.status), [500, 500, 500], 'three tries failed');
    const replies = bot.connector.sentTo('a:personal-chat-alex');
    assert.equal(replies.length, 1, 'the fourth try delivered the reply, once');
    assert.match(JSON.stringify(replies[0]), /SAPA skiftede til Context Handler 2/);
    // botbuilder's own waits (1 s doubling, with jitter) would take about 7 s.
    assert.ok(elapsed < 3_000, `the reply took ${Math.round(elapsed)} ms`);
  });
});
