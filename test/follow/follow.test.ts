import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AdaptiveCard } from '../../cards/render.js';
import { ManualClock } from '../../src/time/clock.js';
import { cardAction, channelMessage, TENANT_ID, USER } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { cliInProcess } from '../support/cli.js';
import { starterData } from '../support/fixtures.js';
import { ALEX_CHAT, ask, BO, BO_CHAT, boMessage, followMessages, importChanges, moveSapa, runSchedule, textOf } from './support.js';

/** Monday 10 February 2025, 09:00 in Copenhagen: no quiet hours. */
const MONDAY_MORNING = '2025-02-10T09:00:00+01:00';

type Button = { title: string; verb: string; data: Record<string, unknown> };
function followButtons(card: unknown): Button[] {
  const found: Button[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Execute' && element.verb === 'follows.toggle') found.push(element as unknown as Button);
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback' && key !== 'refresh') walk(value);
  };
  walk(card);
  return found;
}

describe('Følg: following a system, a KLIK task or a solution', function () {
  this.timeout(30_000);
  let bot: BotHarness;
  let clock: ManualClock;
  const start = async (env: Record<string, string> = {}, dataDir?: string) => {
    bot = await BotHarness.start({ data: starterData(), clock, env, ...(dataDir ? { dataDir } : {}) });
    return bot;
  };
  beforeEach(() => {
    clock = new ManualClock(MONDAY_MORNING);
  });
  afterEach(async () => {
    await bot?.stop();
  });

  it('follows by chat in Danish and English, lists, unfollows, and follows nothing it does not recognise', async () => {
    await start();
    assert.match(await ask(bot, 'følg SAPA'), /^Du følger nu SAPA\. Når en dato, en status eller en kilde ændres, skriver jeg til dig i vores 1:1-chat, og jeg minder dig om frister 3 dage før\.$/);
    assert.match(await ask(bot, 'følg KLIK 53'), /^Du følger nu SAPA K53\./);
    assert.match(await ask(bot, 'følg UDK Begravelseshjælp'), /^Du følger nu UDK Begravelseshjælp\./);
    assert.equal(await ask(bot, 'følg SAPA'), 'Du følger allerede SAPA.');
    assert.equal(
      await ask(bot, 'følg Blæksprutten'),
      'Jeg kender ikke "Blæksprutten" som et system, en KLIK-opgave eller en løsning, så du følger ikke noget nyt. Skriv fx "følg SAPA", "følg K53" eller "følg UDK Begravelseshjælp".',
    );
    assert.match(await ask(bot, 'follow Aula', 'alex', 'en-GB'), /^You now follow Aula\. When a date, a status or a source changes, I will write to you in our 1:1 chat/);
    assert.equal(
      await ask(bot, 'hvad følger jeg?'),
      ['Du følger 4 ting:', '• SAPA (system)', '• SAPA K53 (KLIK-opgave)', '• UDK Begravelseshjælp (løsning, alle opgaver)', '• Aula (system)', 'Jeg minder dig om frister 3 dage før.'].join('\n'),
    );
    assert.equal(await ask(bot, 'unfollow Aula'), 'You no longer follow Aula.');
    assert.equal(await ask(bot, 'stop med at følge SAPA'), 'Du følger ikke længere SAPA.');
    assert.equal(await ask(bot, 'stop med at følge SAPA'), 'Du følger ikke SAPA, så intet er ændret.');
    assert.equal(await ask(bot, 'what do I follow?'), ['You follow 2 items:', '• SAPA K53 (KLIK task)', '• UDK Begravelseshjælp (solution, every task)', 'I remind you of deadlines 3 days before.'].join('\n'));
    assert.equal(await ask(bot, 'påmind mig 7 dage før'), 'Jeg minder dig nu om frister 7 dage før.');
    assert.equal(await ask(bot, 'remind me 99 days before'), 'Give a number of days from 1 to 60, e.g. "remind me 7 days before". Nothing was changed.');
    assert.match(await ask(bot, 'hvad følger jeg?'), /Jeg minder dig om frister 7 dage før\.$/);

    // What is stored: the journal, as another process reads it.
    const events = (await readFile(path.join(bot.dataDir, 'follows.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    assert.deepEqual(events.map((event) => event.type), ['followed', 'followed', 'followed', 'followed', 'unfollowed', 'unfollowed', 'remindDays']);
  });

  it('sends each follower one message per run, several changes folded, with old → new and the source; never twice, not after a restart either', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'fki-follow-'));
    try {
      await start({}, dataDir);
      await ask(bot, 'følg SAPA');
      await ask(bot, 'follow K53', 'bo', 'en-GB');
      await ask(bot, 'follow Aula', 'bo', 'en-GB');
      await importChanges(bot, (data) => moveSapa(data, '2025-03-04', '2025-02-25'));
      // Heard and queued, not yet sent: the leader's run sends.
      assert.deepEqual(followMessages(bot, ALEX_CHAT), []);
      await runSchedule(bot, 'follow: changes to followers', clock.now());

      const alex = followMessages(bot, ALEX_CHAT);
      assert.equal(alex.length, 1, 'several changes of one run are one message');
      assert.equal(
        alex[0],
        [
          '3 ændringer i det du følger',
          '• SAPA: CH2-dato 21. januar 2025 → 4. marts 2025 (kilde: import)',
          '• SAPA: status skiftet → planlagt (kilde: import)',
          '• SAPA K53: frist 18. februar 2025 → 25. februar 2025 (kilde: import)',
        ].join('\n'),
      );
      // Bo follows K53 in English, and not SAPA: only the task's change, in her language.
      assert.deepEqual(followMessages(bot, BO_CHAT), ['A change in something you follow\n• SAPA K53: deadline 18 February 2025 → 25 February 2025 (source: import)']);
      const card = (bot.connector.sentTo(ALEX_CHAT).at(-1) as { attachments: { content: AdaptiveCard }[] }).attachments[0]!.content;
      assert.deepEqual(cardProblems(card), []);
      assert.match(JSON.stringify(card), /\/tab\//, 'the message links to the overview');

      await runSchedule(bot, 'follow: changes to followers', clock.now());
      await runSchedule(bot, 'follow: morning run', clock.now());
      assert.equal(followMessages(bot, ALEX_CHAT).length, 1, 'a second run sends nothing again');

      // A restart on the same data: the journal knows what was sent.
      await bot.stop();
      await start({}, dataDir);
      await runSchedule(bot, 'follow: changes to followers', clock.now());
      assert.deepEqual(followMessages(bot, ALEX_CHAT), []);
      assert.deepEqual(followMessages(bot, BO_CHAT), []);

      // An unfollowed item is not told of again. (Alex writes first: this bot's stand-in Teams is a new one.)
      clock.set('2025-02-10T10:00:00+01:00');
      await ask(bot, 'hvad følger jeg?');
      assert.equal(await ask(bot, 'unfollow K53', 'bo', 'en-GB'), 'You no longer follow SAPA K53.');
      await importChanges(bot, (data) => moveSapa(data, '2025-03-11', '2025-03-04'));
      await runSchedule(bot, 'follow: changes to followers', clock.now());
      assert.deepEqual(followMessages(bot, BO_CHAT), []);
      assert.deepEqual(followMessages(bot, ALEX_CHAT), [
        ['3 ændringer i det du følger', '• SAPA: CH2-dato 21. januar 2025 → 11. marts 2025 (kilde: import)', '• SAPA: status skiftet → planlagt (kilde: import)', '• SAPA K53: frist 18. februar 2025 → 4. marts 2025 (kilde: import)'].join('\n'),
      ]);
    } finally {
      await bot.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('drops a waiting change of what the person stopped following before it went out', async () => {
    clock.set('2025-02-14T19:30:00+01:00'); // quiet hours: the change waits
    await start();
    await ask(bot, 'følg SAPA');
    await ask(bot, 'følg Aula');
    await importChanges(bot, (data) => moveSapa(data, '2025-03-04', '2025-02-25'));
    await runSchedule(bot, 'follow: changes to followers', clock.now());
    assert.equal(await ask(bot, 'stop med at følge SAPA'), 'Du følger ikke længere SAPA.');
    clock.set('2025-02-17T07:30:00+01:00');
    await runSchedule(bot, 'follow: morning run', clock.now());
    assert.deepEqual(followMessages(bot, ALEX_CHAT), []);
  });

  it('holds change messages in quiet hours and at weekends for the next morning run', async () => {
    clock.set('2025-02-14T19:30:00+01:00'); // a Friday evening
    await start();
    await ask(bot, 'følg SAPA');
    await importChanges(bot, (data) => moveSapa(data, '2025-03-04', '2025-02-25'));
    await runSchedule(bot, 'follow: changes to followers', clock.now());
    clock.set('2025-02-15T11:00:00+01:00'); // Saturday late morning: still quiet
    await runSchedule(bot, 'follow: changes to followers', clock.now());
    assert.deepEqual(followMessages(bot, ALEX_CHAT), []);
    clock.set('2025-02-17T07:30:00+01:00'); // Monday's morning run
    await runSchedule(bot, 'follow: morning run', clock.now());
    assert.equal(followMessages(bot, ALEX_CHAT).length, 1);
    assert.match(followMessages(bot, ALEX_CHAT)[0]!, /^3 ændringer i det du følger/);
  });

  it('sends changes at any hour when FOLLOW_QUIET_HOURS is empty', async () => {
    clock.set('2025-02-15T23:00:00+01:00');
    await start({ FOLLOW_QUIET_HOURS: '' });
    await ask(bot, 'følg SAPA');
    await importChanges(bot, (data) => moveSapa(data, '2025-03-04', '2025-02-25'));
    await runSchedule(bot, 'follow: changes to followers', clock.now());
    assert.equal(followMessages(bot, ALEX_CHAT).length, 1);
  });

  it('reminds once per person and deadline, the days before each person chose', async () => {
    clock.set('2025-02-13T07:30:00+01:00'); // Thursday: K53 (18 February) is 5 days ahead
    await start();
    await ask(bot, 'følg K53');
    await ask(bot, 'follow K53', 'bo', 'en-GB');
    await ask(bot, 'remind me 5 days before', 'bo', 'en-GB');
    await runSchedule(bot, 'follow: morning run', clock.now());
    assert.deepEqual(followMessages(bot, ALEX_CHAT), [], 'three days is the default');
    assert.deepEqual(followMessages(bot, BO_CHAT), [
      'A deadline reminder\n• SAPA K53 Opret og underskriv aftale for visning af forskudsopgørelse for sygedagpengeområdet: due 18 February 2025 (in 5 days)',
    ]);
    clock.set('2025-02-14T07:30:00+01:00');
    await runSchedule(bot, 'follow: morning run', clock.now());
    assert.equal(followMessages(bot, BO_CHAT).length, 1, 'reminded once');
    clock.set('2025-02-17T07:30:00+01:00'); // Monday, the weekend's days counted
    await runSchedule(bot, 'follow: morning run', clock.now());
    await runSchedule(bot, 'follow: morning run', clock.now());
    assert.deepEqual(followMessages(bot, ALEX_CHAT), [
      'Påmindelse om en frist\n• SAPA K53 Opret og underskriv aftale for visning af forskudsopgørelse for sygedagpengeområdet: frist 18. februar 2025 (i morgen)',
    ]);
    assert.equal(followMessages(bot, BO_CHAT).length, 1);
  });

  it('refuses politely beyond the limit of follows per person, changing nothing', async () => {
    await start({ FOLLOW_MAX_PER_PERSON: '2' });
    await ask(bot, 'følg SAPA');
    await ask(bot, 'følg K53');
    assert.equal(await ask(bot, 'følg Aula'), 'Du følger allerede 2 ting, og det er det højeste. Stop med at følge noget først (skriv "hvad følger jeg?" for at se listen). Intet er ændret.');
    assert.equal(await ask(bot, 'follow Aula', 'alex', 'en-GB'), 'You already follow 2 items, which is the most. Unfollow something first (say "what do I follow?" to see the list). Nothing was changed.');
    assert.match(await ask(bot, 'hvad følger jeg?'), /^Du følger 2 ting:\n• SAPA \(system\)\n• SAPA K53/);
    await ask(bot, 'stop med at følge SAPA');
    assert.match(await ask(bot, 'følg Aula'), /^Du følger nu Aula\./);
  });

  it("puts a Følg button on other features' cards, each person seeing their own state on a shared card", async () => {
    await start();
    const thread = { conversation: { id: '19:kommune@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, tenantId: TENANT_ID } };
    await bot.post(channelMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?', thread));
    const card = (bot.connector.sentTo('19:kommune@thread.tacv2;messageid=1').at(-1) as { attachments: { content: AdaptiveCard }[] }).attachments[0]!.content;
    assert.deepEqual(cardProblems(card), []);
    const [button] = followButtons(card);
    assert.ok(button, 'the answer card has the Følg button');
    assert.equal(button.title, 'Følg SAPA');
    const refresh = (card.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;

    // Alex presses it in the channel, where the bot has no 1:1 chat with him yet: he is told how to start one.
    const pressed = await bot.post(cardAction(bot.serviceUrl, button.verb, button.data, thread));
    const said = (pressed.body as { value: string }).value;
    assert.match(said, /^Du følger nu SAPA\./);
    assert.match(said, /Åbn FKI Bot under Apps i Teams og skriv "hej" til mig dér; indtil da gemmer jeg beskederne til dig\.$/);

    const refreshFor = async (from: typeof USER) => {
      const body = (await bot.post(cardAction(bot.serviceUrl, refresh.verb, refresh.data, { ...thread, from }))).body as { value: AdaptiveCard };
      return followButtons(body.value).map(({ title }) => title);
    };
    assert.deepEqual(await refreshFor(USER), ['Følger SAPA ✓']);
    assert.deepEqual(await refreshFor(BO), ['Følg SAPA'], 'Bo sees her own state on the same card');

    // The deadline card: a button per KLIK task, pressing it again unfollows.
    await bot.post(boMessage(bot.serviceUrl, 'hvornår er fristen for K53?'));
    const deadlineCard = (bot.connector.sentTo(BO_CHAT).at(-1) as { attachments: { content: AdaptiveCard }[] }).attachments[0]!.content;
    const [task] = followButtons(deadlineCard);
    assert.ok(task);
    assert.equal(task.title, 'Følg SAPA K53');
    const bosChat = { from: BO, conversation: { id: BO_CHAT, conversationType: 'personal', tenantId: TENANT_ID } };
    const press = await bot.post(cardAction(bot.serviceUrl, task.verb, task.data, bosChat));
    assert.match((press.body as { value: string }).value, /^Du følger nu SAPA K53\. Når en dato/);
    assert.match(await ask(bot, 'hvad følger jeg?', 'bo'), /• SAPA K53 \(KLIK-opgave\)/);
    const unpress = await bot.post(cardAction(bot.serviceUrl, task.verb, { ...task.data, follow: false }, bosChat));
    assert.equal((unpress.body as { value: string }).value, 'Du følger ikke længere SAPA K53.');
    // Forged card data changes nothing.
    const forged = await bot.post(cardAction(bot.serviceUrl, 'follows.toggle', { kind: 'system', name: 'Blæksprutten', follow: true }));
    assert.match(JSON.stringify(forged.body), /Jeg kender ikke \\"Blæksprutten\\"/);
  });

  it('keeps changes for a person without a 1:1 chat until they start one', async () => {
    await start();
    const thread = { conversation: { id: '19:kommune@thread.tacv2;messageid=2', conversationType: 'channel', isGroup: true, tenantId: TENANT_ID }, from: BO };
    await bot.post(channelMessage(bot.serviceUrl, 'følg SAPA', thread));
    assert.match(textOf(bot.connector.sentTo('19:kommune@thread.tacv2;messageid=2').at(-1)), /Du følger nu SAPA\.[\s\S]*Åbn FKI Bot under Apps i Teams/);
    await importChanges(bot, (data) => moveSapa(data, '2025-03-04', '2025-02-25'));
    assert.deepEqual(await runSchedule(bot, 'follow: changes to followers', clock.now()), { sent: 0, waiting: 1, quiet: false });
    assert.deepEqual(followMessages(bot, BO_CHAT), []);
    await bot.post(boMessage(bot.serviceUrl, 'hej'));
    await runSchedule(bot, 'follow: changes to followers', clock.now());
    assert.equal(followMessages(bot, BO_CHAT).length, 1);
    assert.match(followMessages(bot, BO_CHAT)[0]!, /^3 ændringer i det du følger/);
  });

  it('gives KOMBIT counts per item without names, and a person their own events', async () => {
    await start({ ADMIN_AAD_OBJECT_IDS: USER.aadObjectId });
    await ask(bot, 'følg SAPA');
    await ask(bot, 'følg K53');
    await ask(bot, 'follow SAPA', 'bo', 'en-GB');
    const env = { DATA_DIR: bot.dataDir };
    const stats = await cliInProcess(['follows', 'stats'], env, clock);
    assert.equal(stats.code, 0, stats.stderr);
    assert.equal(stats.stdout, '2 people follow 2 items\n2\tsystem\tSAPA\n1\ttask\tSAPA K53\n');
    assert.doesNotMatch(stats.stdout, /Alex|Bo|0000/);
    const exported = await cliInProcess(['follows', 'export', '--user', BO.aadObjectId], env, clock);
    assert.equal(exported.code, 0, exported.stderr);
    const events = exported.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; person: string; target: { name: string } });
    assert.deepEqual(events.map(({ type, person, target }) => ({ type, person, name: target.name })), [{ type: 'followed', person: BO.aadObjectId, name: 'SAPA' }]);
    const usage = await cliInProcess(['follows', 'export'], env, clock);
    assert.equal(usage.code, 2);
    const response = await fetch(`${bot.server.url}/api/follows/stats`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { items: [{ kind: 'system', item: 'SAPA', followers: 2 }, { kind: 'task', item: 'SAPA K53', followers: 1 }] });
  });
});
