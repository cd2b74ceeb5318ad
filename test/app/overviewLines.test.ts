import assert from 'node:assert/strict';
import { defineFeature } from '../../src/app/feature.js';
import { FEATURES } from '../../src/app/features.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';

/** A feature that adds a line under some items of the overview, and counts how often it was made ready. */
function lineMaker() {
  const seen = { ready: 0 };
  const feature = defineFeature({
    name: 'line maker',
    overviewLines: () => [
      { on: 'system', ready: async () => void (seen.ready += 1), line: (system) => (system.name === 'Aula' ? { da: 'Set af 2', en: 'Seen by 2' } : null) },
      { on: 'deadline', line: (deadline) => (deadline.code === 'K53' ? { da: `Opgave ${deadline.code}`, en: `Task ${deadline.code}` } : null) },
    ],
  });
  return { feature, seen };
}

type Overview = { systems: { name: string; lines: unknown[] }[]; deadlines: { code: string | null; lines: unknown[] }[] };

describe('A feature adds lines to the overview\'s items', () => {
  it('serves them in /api/overview under the items they are for, in both languages, and none for the others', async () => {
    const { feature, seen } = lineMaker();
    const bot = await BotHarness.start({ data: testData(), features: [...FEATURES, feature] });
    try {
      const body = (await (await fetch(`${bot.server.url}/api/overview`)).json()) as Overview;
      assert.deepEqual(body.systems.find((s) => s.name === 'Aula')?.lines, [{ feature: 'line maker', da: 'Set af 2', en: 'Seen by 2' }]);
      assert.ok(body.systems.filter((s) => s.name !== 'Aula').every((s) => Array.isArray(s.lines) && s.lines.length === 0));
      assert.deepEqual(body.deadlines.find((d) => d.code === 'K53')?.lines, [{ feature: 'line maker', da: 'Opgave K53', en: 'Task K53' }]);
      assert.ok(body.deadlines.filter((d) => d.code !== 'K53').every((d) => d.lines.length === 0));
      assert.equal(seen.ready, 1, 'made ready once per request');
      await fetch(`${bot.server.url}/api/overview`);
      assert.equal(seen.ready, 2);
    } finally {
      await bot.stop();
    }
  });

  it('gives every item an empty list where no feature adds lines', async () => {
    const bot = await BotHarness.start({ data: testData(), features: FEATURES.filter((f) => f.name !== 'follow') });
    try {
      const body = (await (await fetch(`${bot.server.url}/api/overview`)).json()) as Overview;
      assert.ok(body.systems.length > 0 && body.systems.every((s) => Array.isArray(s.lines) && s.lines.length === 0));
      assert.ok(body.deadlines.every((d) => Array.isArray(d.lines) && d.lines.length === 0));
    } finally {
      await bot.stop();
    }
  });
});
