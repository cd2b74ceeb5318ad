import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../src/time/clock.js';
import { BOT, TENANT_ID, USER, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cliInProcess } from '../support/cli.js';
import { starterData } from '../support/fixtures.js';
import { temporaryFolderPerSuite } from '../support/tempFolder.js';

type Sent = { attachments?: { content: { fallbackText?: string } }[]; text?: string };

/** SAPA switched to CH2 on 21 January 2025 (the deck): asked before, on and after that day. */
describe('status follows the day: a switch is switched only from its date', function () {
  this.timeout(60_000);
  const dataFolder = temporaryFolderPerSuite('status');
  const ask = async (question: string, day: string) => {
    const { code, stdout } = await cliInProcess(['ask', question, '--as-of', day], { DATA_DIR: dataFolder.path });
    assert.equal(code, 0, question);
    return stdout;
  };

  it('calls SAPA planned before 21 January 2025, without the remark written after the switch', async () => {
    const before = await ask('hvornår skifter SAPA til CH2?', '2025-01-10');
    assert.match(before, /SAPA skifter til Context Handler 2 den 21\. januar 2025 \(om 11 dage\)\./);
    assert.match(before, /CH2: 21\. januar 2025 \(om 11 dage\) · planlagt\n/);
    assert.doesNotMatch(before, /Skiftet|skiftede|gik godt|Tusinde tak/);
    const english = await ask('when does SAPA switch to CH2?', '2025-01-10');
    assert.match(english, /SAPA switches to Context Handler 2 on 21 January 2025 \(in 11 days\)\./);
    assert.match(english, /CH2: 21 January 2025 \(in 11 days\) · planned\n/);
    assert.doesNotMatch(english, /Switched|gik godt/);
  });

  it('calls SAPA switched from 21 January 2025, with the remark', async () => {
    const onTheDay = await ask('hvornår skifter SAPA til CH2?', '2025-01-21');
    assert.match(onTheDay, /CH2: 21\. januar 2025 \(i dag\) · skiftet\n/);
    const after = await ask('hvornår skifter SAPA til CH2?', '2025-01-22');
    assert.match(after, /SAPA skiftede til Context Handler 2 den 21\. januar 2025 \(i går\)\./);
    assert.match(after, /CH2: 21\. januar 2025 \(i går\) · skiftet\n/);
    assert.match(after, /Bemærkning: Det gik godt\./);
  });

  it('lists and counts with the same rule: on 10 January nothing has switched yet', async () => {
    assert.doesNotMatch(await ask('hvilke systemer har allerede skiftet?', '2025-01-10'), /SAPA/);
    assert.match(await ask('hvilke systemer har allerede skiftet?', '2025-01-22'), /- SAPA: CH2 21\. januar 2025 · skiftet\n/);
    assert.match(await ask('planlagte skift', '2025-01-10'), /- SAPA: CH2 21\. januar 2025 · planlagt\n/);
    const total = starterData().systems.length;
    assert.match(await ask('hvornår skifter vi til CH2?', '2025-01-10'), new RegExp(`0 af ${total} systemer er skiftet, 1 har en planlagt dato`));
    assert.match(await ask('hvornår skifter vi til CH2?', '2025-01-22'), new RegExp(`1 af ${total} systemer er skiftet, 0 har en planlagt dato`));
  });

  it('says so when a planned date passes unconfirmed, also for a date without a recorded status', async () => {
    const own = await mkdtemp(path.join(tmpdir(), 'fki-status-own-'));
    try {
      const file = path.join(own, 'systems.csv');
      await writeFile(file, 'name;ch2Date;status\nOpus Test;2025-01-05;planned\nUdateret;2025-01-06;\n');
      const cli = (...args: string[]) => cliInProcess(args, { DATA_DIR: own });
      assert.equal((await cli('import', file)).code, 0);
      for (const name of ['Opus Test', 'Udateret']) {
        const { stdout } = await cli('ask', `hvornår skifter ${name} til CH2?`, '--as-of', '2025-01-20');
        assert.match(stdout, new RegExp(`${name} skulle skifte til Context Handler 2 den \\d+\\. januar 2025 \\(for 2 uger siden\\), men skiftet er ikke bekræftet\\.`));
        assert.match(stdout, /CH2: \d+\. januar 2025 \(for 2 uger siden\) · planlagt, datoen er passeret, skiftet er ikke bekræftet/);
      }
      const switched = (await cli('ask', 'hvilke systemer har allerede skiftet?', '--as-of', '2025-01-20')).stdout;
      assert.doesNotMatch(switched, /Udateret|Opus Test/, 'a date alone does not confirm a switch');
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });

  it('puts SAPA among the systems switching soon in the digest before the day, not after', async () => {
    const before = (await cliInProcess(['digest', '--as-of', '2025-01-13'], { DATA_DIR: dataFolder.path })).stdout;
    assert.match(before, /Skifter til CH2 eller STS 2 inden for 30 dage\n\s+- SAPA: CH2: 21\. januar 2025 \(om 8 dage\)/);
    const after = (await cliInProcess(['digest', '--as-of', '2025-01-27'], { DATA_DIR: dataFolder.path })).stdout;
    assert.doesNotMatch(after, /Skifter til CH2 eller STS 2 inden for 30 dage/);
  });
});

describe('status follows the day in Teams: /api/messages, /api/overview and the message extension', function () {
  this.timeout(30_000);

  async function botOn(day: string): Promise<BotHarness> {
    return BotHarness.start({ data: starterData(), clock: fixedClock(`${day}T09:00:00+01:00`) });
  }
  async function ask(bot: BotHarness, text: string): Promise<string> {
    await bot.post(personalMessage(bot.serviceUrl, text));
    const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1) as Sent;
    return String(reply.attachments?.[0]?.content.fallbackText ?? reply.text);
  }
  async function overviewSapa(bot: BotHarness): Promise<Record<string, unknown>> {
    const body = (await (await fetch(`${bot.server.url}/api/overview`)).json()) as { systems: Record<string, unknown>[] };
    return body.systems.find((s) => s.name === 'SAPA') as Record<string, unknown>;
  }
  async function search(bot: BotHarness, query: string): Promise<string> {
    const { body } = await bot.post({
      type: 'invoke', name: 'composeExtension/query', id: randomUUID(), channelId: 'msteams', serviceUrl: bot.serviceUrl, from: USER, recipient: BOT,
      locale: 'da-DK', conversation: { id: '19:channel-x@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
      value: { commandId: 'systems', parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 25 } },
    });
    return JSON.stringify(body);
  }

  it('on 10 January 2025: planned everywhere, no remark', async () => {
    const bot = await botOn('2025-01-10');
    try {
      const answer = await ask(bot, 'hvornår skifter SAPA til CH2?');
      assert.match(answer, /SAPA skifter til Context Handler 2 den 21\. januar 2025 \(om 11 dage\)/);
      assert.doesNotMatch(answer, /Skiftet|gik godt/);
      assert.doesNotMatch(await ask(bot, 'hvilke systemer har allerede skiftet?'), /SAPA/);
      const sapa = await overviewSapa(bot);
      assert.equal(sapa.status, 'planned');
      assert.equal(sapa.overdue, false);
      assert.equal(sapa.note, null);
      const found = await search(bot, 'SAPA');
      assert.match(found, /· planlagt/);
      assert.doesNotMatch(found, /· skiftet|gik godt/);
    } finally {
      await bot.stop();
    }
  });

  it('on 22 January 2025: switched everywhere, with the remark', async () => {
    const bot = await botOn('2025-01-22');
    try {
      assert.match(await ask(bot, 'hvornår skifter SAPA til CH2?'), /SAPA skiftede til Context Handler 2 den 21\. januar 2025 \(i går\)[\s\S]*Det gik godt/);
      assert.match(await ask(bot, 'hvilke systemer har allerede skiftet?'), /SAPA/);
      const sapa = await overviewSapa(bot);
      assert.equal(sapa.status, 'switched');
      assert.match(String(sapa.note), /^Det gik godt/);
      assert.match(await search(bot, 'SAPA'), /· skiftet/);
    } finally {
      await bot.stop();
    }
  });
});
