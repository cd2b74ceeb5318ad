import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness.js';
import { starterData } from '../support/fixtures.js';
import { ask, BO } from './support.js';

type Item = { lines: { feature: string; da: string; en: string }[] };
type Overview = { systems: (Item & { name: string })[]; deadlines: (Item & { solution: string; code: string | null })[] };

describe('Følg in the overview tab', function () {
  this.timeout(30_000);

  it('shows under each item how many follow it, without names, and nothing under what nobody follows', async () => {
    const bot = await BotHarness.start({ data: starterData() });
    const overview = async () => {
      const response = await fetch(`${bot.server.url}/api/overview`);
      assert.equal(response.status, 200);
      return { text: await response.clone().text(), body: (await response.json()) as Overview };
    };
    try {
      assert.ok((await overview()).body.systems.every((s) => s.lines.length === 0));

      await ask(bot, 'følg SAPA', 'alex');
      await ask(bot, 'følg K53', 'bo');
      const { text, body } = await overview();
      const sapa = body.systems.find((s) => s.name === 'SAPA');
      assert.deepEqual(sapa?.lines, [{ feature: 'follow', da: 'Følges af 1', en: 'Followed by 1' }]);
      // Who follows SAPA hears of SAPA's tasks too: K53 reaches both.
      const k53 = body.deadlines.find((d) => d.solution === 'SAPA' && d.code === 'K53');
      assert.deepEqual(k53?.lines, [{ feature: 'follow', da: 'Følges af 2', en: 'Followed by 2' }]);
      assert.ok(body.systems.filter((s) => s.name !== 'SAPA').every((s) => s.lines.length === 0), 'no line where nobody follows');
      assert.doesNotMatch(text, new RegExp(`${BO.name}|${BO.aadObjectId}|${BO.id}|29:user`), 'no names');

      await ask(bot, 'stop med at følge SAPA', 'alex');
      const after = (await overview()).body;
      assert.deepEqual(after.systems.find((s) => s.name === 'SAPA')?.lines, []);
      assert.deepEqual(after.deadlines.find((d) => d.solution === 'SAPA' && d.code === 'K53')?.lines, [{ feature: 'follow', da: 'Følges af 1', en: 'Followed by 1' }]);
    } finally {
      await bot.stop();
    }
  });
});
