import assert from 'node:assert/strict';
import { PersonalChatInstallerService, provided, type PersonalChatInstaller } from '../../src/app/services.js';
import { ManualClock } from '../../src/time/clock.js';
import { channelMessage, installation, TENANT_ID } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { starterData } from '../support/fixtures.js';
import { BO, BO_CHAT, followMessages, importChanges, moveSapa, runSchedule, textOf } from './support.js';

/** A stand-in for the edge's Graph installer: answers as told, and records whom it installed the app for. */
class StandInInstaller implements PersonalChatInstaller {
  readonly asked: { aadObjectId: string; tenantId: string | null }[] = [];
  constructor(public answer: 'installed' | 'refused' | 'failed') {}
  async install(aadObjectId: string, tenantId: string | null) {
    this.asked.push({ aadObjectId, tenantId });
    return this.answer;
  }
}

describe('Følg for a person the bot has no 1:1 chat with', function () {
  this.timeout(30_000);
  const thread = { conversation: { id: '19:kommune@thread.tacv2;messageid=7', conversationType: 'channel', isGroup: true, tenantId: TENANT_ID }, from: BO };
  const said = (bot: BotHarness) => textOf(bot.connector.sentTo('19:kommune@thread.tacv2;messageid=7').at(-1));

  it('installs the app for them where the edge can, and sends once Teams tells the bot of the chat', async () => {
    const clock = new ManualClock('2025-02-10T09:00:00+01:00');
    const installer = new StandInInstaller('installed');
    const bot = await BotHarness.start({ data: starterData(), clock, edge: [provided(PersonalChatInstallerService, installer)] });
    try {
      await bot.post(channelMessage(bot.serviceUrl, 'følg SAPA', thread));
      assert.match(said(bot), /^Du følger nu SAPA\.[\s\S]*\n\nJeg har tilføjet FKI Bot i din Teams, så ændringerne kommer i vores 1:1-chat\.$/);
      assert.deepEqual(installer.asked, [{ aadObjectId: BO.aadObjectId, tenantId: TENANT_ID }]);

      await importChanges(bot, (data) => moveSapa(data, '2025-03-04', '2025-02-25'));
      // Teams has not told the bot of the chat yet: kept, and not installed again.
      assert.deepEqual(await runSchedule(bot, 'follow: changes to followers', clock.now()), { sent: 0, waiting: 1, quiet: false });
      assert.equal(installer.asked.length, 1);
      // The install arrives as Teams sends it: the bot now has the chat, and the waiting message goes out.
      await bot.post({ ...installation(bot.serviceUrl, 'personal'), from: BO, conversation: { id: BO_CHAT, conversationType: 'personal', tenantId: TENANT_ID } });
      await runSchedule(bot, 'follow: changes to followers', clock.now());
      assert.equal(followMessages(bot, BO_CHAT).length, 1);
      assert.match(followMessages(bot, BO_CHAT)[0]!, /^3 ændringer i det du følger/);
    } finally {
      await bot.stop();
    }
  });

  it('tells them in the thread how to start the chat where the tenant refuses, and tries a failed install again an hour later', async () => {
    const clock = new ManualClock('2025-02-10T09:00:00+01:00');
    const installer = new StandInInstaller('refused');
    const bot = await BotHarness.start({ data: starterData(), clock, edge: [provided(PersonalChatInstallerService, installer)] });
    try {
      await bot.post(channelMessage(bot.serviceUrl, 'follow SAPA', thread));
      assert.match(said(bot), /^You now follow SAPA\.[\s\S]*\n\nI send changes to you in our 1:1 chat, but we do not have one yet\. Open FKI Bot under Apps in Teams/);
      await importChanges(bot, (data) => moveSapa(data, '2025-03-04', '2025-02-25'));
      await runSchedule(bot, 'follow: changes to followers', clock.now());
      assert.equal(installer.asked.length, 1, 'a refusal is not asked again');
      await bot.post(channelMessage(bot.serviceUrl, 'follow K53', thread));
      assert.match(said(bot), /^You now follow SAPA K53\.[\s\S]*Open FKI Bot under Apps in Teams/);
      assert.equal(installer.asked.length, 1, 'nor when they follow something more');

      installer.answer = 'failed';
      await bot.post(channelMessage(bot.serviceUrl, 'follow K53', { ...thread, from: { ...BO, id: '29:user-cy', aadObjectId: '00000000-0000-0000-0000-0000000000c3' } }));
      assert.equal(installer.asked.length, 2);
      clock.set('2025-02-10T09:10:00+01:00');
      await importChanges(bot, (data) => moveSapa(data, '2025-03-11', '2025-03-04'));
      await runSchedule(bot, 'follow: changes to followers', clock.now());
      assert.equal(installer.asked.length, 2, 'not again within the hour');
      clock.set('2025-02-10T10:01:00+01:00');
      await runSchedule(bot, 'follow: changes to followers', clock.now());
      assert.deepEqual(installer.asked.map(({ aadObjectId }) => aadObjectId), [BO.aadObjectId, '00000000-0000-0000-0000-0000000000c3', '00000000-0000-0000-0000-0000000000c3']);
    } finally {
      await bot.stop();
    }
  });
});
