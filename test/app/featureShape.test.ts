import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { checkFeatureSettings, defineFeature } from '../../src/app/feature.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createCore } from '../../src/app/core.js';
import { FeatureStartError, FenceService, provided, service } from '../../src/app/services.js';
import { startFeatures, startOrder, type AppContext } from '../../src/app/start.js';
import { DigestSenderService } from '../../src/digest/services.js';
import { createLog } from '../../src/log.js';
import type { RegistryChange } from '../../src/registry/changes.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import { fixedClock } from '../../src/time/clock.js';
import { FEATURES } from '../../src/app/features.js';
import { DATA_FILES } from '../../src/store/dataFiles.js';
import type { Lang } from '../../src/i18n/language.js';
import { JournalProjection } from '../../src/store/journal.js';
import { phrases } from '../../src/text/words.js';
import { PhraseIndex } from '../../src/text/phraseIndex.js';
import type { AdaptiveCard } from '../../cards/render.js';
import type { Storage } from '../../src/store/storage.js';
import { cardAction, channelMessage, personalMessage, TENANT_ID, USER } from '../support/activities.js';
import { cardProblems } from '../support/cardCheck.js';
import { cliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/postgres.js';
import { klikProgress, ProgressVerbs, type ProgressEvent } from './klikProgress/feature.js';
import { BotHarness } from '../support/botHarness.js';
import { starterData, testData } from '../support/fixtures.js';
import { PROJECT_ROOT } from '../support/run.js';

/**
 * A feature written the way the README says, with everything a feature can bring: phrases, texts in
 * both languages, a setting, stored state and a schedule. It is added to the app as one more entry
 * of the list, and nothing else in the app changes.
 */
type NoteEvent = { type: 'noted'; text: string; at: string } | { type: 'counted'; count: number; at: string };

const TEXTS: Record<Lang, { noted(count: number): string; full(max: number): string; counted(count: number): string }> = {
  da: { noted: (count) => `Noteret (${count}).`, full: (max) => `Der er allerede ${max} noter.`, counted: (count) => `${count} noter talt.` },
  en: { noted: (count) => `Noted (${count}).`, full: (max) => `There are already ${max} notes.`, counted: (count) => `${count} notes counted.` },
};
const NOTE = new PhraseIndex(phrases('noter', 'note down').map((phrase) => [phrase, true] as [string[], true]));

const notes = defineFeature({
  name: 'notes',
  settings: z.object({ NOTES_MAX: z.coerce.number().int().min(1).default(2) }),
  languageWords: { da: 'noter', en: 'note down' },
  state: async ({ storage, log }) => {
    const state = { notes: [] as string[], counted: [] as number[] };
    const projection = await JournalProjection.open(storage.journal<NoteEvent>('notes'), (event) => {
      if (event.type === 'noted') state.notes.push(event.text);
      else state.counted.push(event.count);
    }, log);
    return { ...state, projection };
  },
  register: (router, { clock }, { settings, state }) => {
    router.message(
      (turn) => (NOTE.find(turn.words)?.start === 0 ? true : null),
      async (turn) => {
        if (state.notes.length >= settings.NOTES_MAX) return { text: TEXTS[turn.lang].full(settings.NOTES_MAX) };
        await state.projection.record({ type: 'noted', text: turn.text, at: clock.now().toISOString() });
        return { text: TEXTS[turn.lang].noted(state.notes.length) };
      },
    );
  },
  schedules: ({ config }, { state }) => [
    { name: 'count notes', cron: '0 7 * * *', zone: config.zone, run: (now) => state.projection.record({ type: 'counted', count: state.notes.length, at: now.toISOString() }) },
  ],
});

describe('a feature is one folder and one line in the list', () => {
  it('brings its phrases, texts, setting, stored state and schedule without touching the rest of the app', async () => {
    const bot = await BotHarness.start({ data: testData(), features: [notes, ...FEATURES], env: { NOTES_MAX: '2' } });
    try {
      const ask = async (text: string) => {
        await bot.post(personalMessage(bot.serviceUrl, text, { locale: 'en-GB' }));
        const last = bot.connector.sentTo('a:personal-chat-alex').at(-1) as { text?: string; attachments?: { content: { fallbackText?: string } }[] };
        return last.attachments?.[0]?.content.fallbackText ?? last.text;
      };
      assert.equal(await ask('noter mødet flyttes'), 'Noteret (1).', 'its Danish word makes the reply Danish despite an English client');
      assert.equal(await ask('note down the meeting moves'), 'Noted (2).');
      assert.equal(await ask('noter en til'), 'Der er allerede 2 noter.');
      // The other features are still there, after it in the list.
      assert.match(String(await ask('hjælp')), /^Sådan bruger du FKI Bot/);

      const schedule = bot.app.schedules.find((candidate) => candidate.name === 'count notes');
      assert.ok(schedule, 'its schedule is run by the bot');
      await schedule.run(new Date('2025-02-11T06:00:00Z'));
      // What the storage keeps, as any other process sees it: the file in DATA_DIR here.
      const journal = (await readFile(path.join(bot.dataDir, 'notes.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as NoteEvent);
      assert.deepEqual(journal.map((event) => event.type), ['noted', 'noted', 'counted']);
    } finally {
      await bot.stop();
    }
    await assert.rejects(BotHarness.start({ features: [notes, ...FEATURES], env: { NOTES_MAX: 'many' } }), /Invalid configuration of notes: NOTES_MAX/);
  });
});

/**
 * A feature that gives to the others without touching them: a section of the weekly digest for each
 * channel of its own ("kanalnote …" notes a line for the channel's next digest), and a subscription
 * to the registry's changes. One more entry of the list, nothing else.
 */
const CHANNEL_NOTE = new PhraseIndex(phrases('kanalnote', 'channel note').map((phrase) => [phrase, true] as [string[], true]));

const channelNotes = defineFeature({
  name: 'channel notes',
  languageWords: { da: 'kanalnote', en: 'channel note' },
  state: async () => ({ notes: new Map<string, string[]>(), heard: [] as RegistryChange[] }),
  register: (router, _context, { state }) => {
    router.message(
      (turn) => {
        const found = CHANNEL_NOTE.find(turn.words);
        return found?.start === 0 ? turn.words.slice(found.length).map((word) => word.original).join(' ') : null;
      },
      (turn, note) => {
        state.notes.set(turn.conversation.id, [...(state.notes.get(turn.conversation.id) ?? []), note]);
        return { text: turn.lang === 'da' ? 'Med i kanalens næste oversigt.' : "In the channel's next digest." };
      },
    );
  },
  digestSections: (_context, { state }) => [
    {
      key: 'channelNotes',
      order: 65,
      forRecipient: (_digest, recipient) => {
        const notes = state.notes.get(recipient.conversationId) ?? [];
        if (notes.length === 0) return null;
        return { heading: recipient.lang === 'da' ? 'Kanalens noter' : "The channel's notes", groups: [{ heading: null, lines: notes.map((text) => ({ lead: '•', text })) }], more: null };
      },
    },
  ],
  on: {
    registryChange: (changes, _context, { state }) => {
      state.heard.push(...changes);
    },
  },
});

describe('a feature gives to the digest and hears the registry, as one line in the list', () => {
  it("adds a section to one channel's digest only, and hears every registry change with its source", async () => {
    const clock = fixedClock('2025-02-17T09:00:00+01:00');
    const bot = await BotHarness.start({ data: testData(), clock, features: [channelNotes, ...FEATURES] });
    try {
      const channel = { conversation: { id: '19:notes@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 'tenant-kombit' } };
      await bot.post(channelMessage(bot.serviceUrl, 'kanalnote husk fredagsmødet', channel));
      await bot.post(channelMessage(bot.serviceUrl, 'abonner på oversigt', channel));
      await bot.post(personalMessage(bot.serviceUrl, 'abonner på oversigt'));

      const summary = await bot.app.digests.run(clock.now(), { force: true });
      assert.equal(summary.sent, 2);
      const digestTo = (conversationId: string) => JSON.stringify(bot.connector.sentTo(conversationId).filter((sent) => /Ugens oversigt/.test(JSON.stringify(sent))).at(-1));
      assert.match(digestTo('19:notes@thread.tacv2'), /Kanalens noter.*husk fredagsmødet/);
      assert.match(digestTo('a:personal-chat-alex'), /Ugens oversigt — uge 8, 2025/);
      assert.doesNotMatch(digestTo('a:personal-chat-alex'), /Kanalens noter|fredagsmødet/, "another conversation's section stays in its own digest");
      // The sections of the other features are still there, in their order.
      assert.match(digestTo('a:personal-chat-alex'), /Frister de næste 14 dage/);

      const { heard } = bot.app.stateOf(channelNotes);
      await bot.app.registry.update((data) => ({ ...data, systems: data.systems.map((system) => (system.name === 'SAPA' ? { ...system, ch2Date: '2026-09-01' } : system)) }));
      await bot.app.registry.delivered();
      assert.deepEqual(
        heard.map(({ item, field, after, source }) => ({ name: item.type === 'system' ? item.name : null, field, after, source })),
        [{ name: 'SAPA', field: 'ch2Date', after: '2026-09-01', source: 'edit' }],
      );
    } finally {
      await bot.stop();
    }
  });
});

describe('the order features start in', () => {
  const Ink = service<{ colour: string }>('ink');
  const Paper = service<{ size: string }>('paper');
  const writer = defineFeature({ name: 'writer', uses: [Ink, Paper], register: () => {} });
  const inkMaker = defineFeature({ name: 'ink maker', provides: [Ink], services: () => [provided(Ink, { colour: 'blue' })] });
  const paperMill = defineFeature({ name: 'paper mill', uses: [Ink], provides: [Paper], services: () => [provided(Paper, { size: 'A4' })] });

  it('starts a feature after those that provide what it uses, whatever the order of the list', () => {
    assert.deepEqual(startOrder([writer, paperMill, inkMaker]).map((feature) => feature.name), ['ink maker', 'paper mill', 'writer']);
  });

  it('refuses to start when a used service has no provider, naming both', () => {
    assert.throws(() => startOrder([writer, inkMaker]), (error: unknown) => error instanceof FeatureStartError && /"writer" uses the service "paper", which no feature in the app provides/.test(error.message));
  });

  it('refuses to start features that use each other in a cycle, naming the cycle', () => {
    const inkFromPaper = defineFeature({ name: 'ink from paper', uses: [Paper], provides: [Ink], services: () => [provided(Ink, { colour: 'grey' })] });
    assert.throws(() => startOrder([writer, paperMill, inkFromPaper]), /in a cycle: ink from paper → paper mill → ink from paper/);
  });

  it('hands a feature only the services it declared', async () => {
    const sneaky = defineFeature({ name: 'sneaky', state: async (context) => context.use(Ink) });
    await assert.rejects(
      startFeatures(await appContext(), [inkMaker, sneaky]),
      /"sneaky" uses the service "ink" without declaring it in `uses`/,
    );
    const started = await startFeatures(await appContext(), [writer, paperMill, inkMaker]);
    assert.deepEqual(started.service(Paper), { size: 'A4' });
  });

  it('starts the product list, every used service provided', () => {
    assert.equal(startOrder(FEATURES, [DigestSenderService, FenceService]).length, FEATURES.length);
  });
});

/** What the app hands the features, on memory storage. */
async function appContext(): Promise<AppContext> {
  const log = createLog('silent');
  const clock = fixedClock('2025-02-10T09:00:00+01:00');
  const storage = memoryStorage(new MemoryRegistryStore(testData()));
  const { registry } = await createCore({ log, clock, storage });
  const notifier = { send: async () => ({ outcome: 'failed' as const, reason: 'test' }), personalChatOf: async () => null, toConversation: () => {}, toUser: () => {}, canReachUser: async () => false, update: () => {} };
  return { config: loadConfig({}), storage, registry, clock, log, notifier, env: {}, dataDir: '/nonexistent' };
}

describe('the settings of every feature', () => {
  it('are checked at start, each refusal naming the feature and the variable', () => {
    assert.doesNotThrow(() => checkFeatureSettings(FEATURES, {}));
    assert.throws(() => checkFeatureSettings(FEATURES, { DIGEST_CRON: 'every monday' }), /Invalid configuration of digest: DIGEST_CRON: is not a valid cron pattern/);
    assert.throws(() => checkFeatureSettings(FEATURES, { SYNC_CRON: '61 * * * *' }), /Invalid configuration of sync: SYNC_CRON/);
    assert.throws(() => checkFeatureSettings(FEATURES, { STATUS_PAGE_URL: 'ftp://status.example' }), /Invalid configuration of operations: STATUS_PAGE_URL/);
    assert.throws(() => checkFeatureSettings(FEATURES, { DIGEST_RATE_PER_SECOND: '500' }), ConfigError);
  });

  it('are listed in .env.example, as are the core settings', async () => {
    const example = await readFile(path.join(PROJECT_ROOT, '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((match) => match[1]));
    for (const feature of FEATURES) {
      for (const name of Object.keys(feature.settings?.shape ?? {})) assert.ok(listed.has(name), `${feature.name}: ${name} is not in .env.example`);
    }
    const config = await readFile(path.join(PROJECT_ROOT, 'src/config.ts'), 'utf8');
    const coreSettings = [...config.slice(config.indexOf('z.object({'), config.indexOf('});')).matchAll(/^ {2}([A-Za-z_][A-Za-z0-9_]*):/gm)].map((match) => match[1]);
    assert.ok(coreSettings.length > 10);
    for (const name of coreSettings) assert.ok(listed.has(name), `${name} is not in .env.example`);
    assert.ok(Object.values(DATA_FILES).length > 0);
  });
});

/**
 * A stateful feature of this project's kind, as one folder (test/app/klikProgress/) and one line in
 * the list: which KLIK tasks a municipality has marked done. A journal through the storage, a button
 * on the deadlines feature's cards (through the card-actions door), a digest section per conversation,
 * a CLI command and an HTTP route; used through /api/messages, the CLI and HTTP, on every backend.
 */
interface ProgressBackend {
  name: string;
  /** What the bot and the CLI are started with; `again` the same data for a restart (null: not kept). */
  open(): Promise<{ env: Record<string, string>; storage?: Storage; again: boolean; done(): Promise<void> }>;
}

const PROGRESS_BACKENDS: ProgressBackend[] = [
  {
    name: 'files in DATA_DIR',
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'fki-progress-'));
      return { env: { DATA_DIR: dir }, again: true, done: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      return { env: { DATABASE_URL: await freshDatabase() }, again: true, done: async () => {} };
    },
  },
  {
    name: 'memory',
    async open() {
      return { env: {}, storage: memoryStorage(new MemoryRegistryStore(starterData())), again: false, done: async () => {} };
    },
  },
];

type SentActivity = { text?: string; attachments?: { content: AdaptiveCard }[] };
type Button = { type: string; title: string; verb: string; data: Record<string, unknown> };

/** The Action.Execute buttons of a card, wherever they sit. */
function buttonsOf(card: unknown): Button[] {
  const found: Button[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Execute' && typeof element.title === 'string') found.push(element as unknown as Button);
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback' && key !== 'refresh') walk(value);
  };
  walk(card);
  return found;
}

for (const backend of PROGRESS_BACKENDS) {
  describe(`a stateful feature as one folder and one list line: ${backend.name}`, function () {
    this.timeout(30_000);
    const APP = [...FEATURES, klikProgress];
    const clock = fixedClock('2025-02-17T09:00:00+01:00');

    it('marks KLIK tasks done by chat and by a button on the deadline card, shows it per viewer, in the digest, the CLI and over HTTP', async () => {
      const { env, storage, again, done } = await backend.open();
      const start = () => BotHarness.start({ features: APP, clock, env, ...(env.DATA_DIR ? { dataDir: env.DATA_DIR } : {}), ...(storage ? { storage } : {}) });
      let bot = await start();
      try {
        const lastTo = (conversationId: string) => bot.connector.sentTo(conversationId).at(-1) as SentActivity;
        const cardTo = (conversationId: string) => {
          const card = lastTo(conversationId).attachments?.[0]?.content;
          assert.ok(card, `a card was sent to ${conversationId}`);
          assert.deepEqual(cardProblems(card), []);
          return card;
        };

        // The deadline answer's card carries the feature's button, in this municipality's state.
        await bot.post(personalMessage(bot.serviceUrl, 'hvornår er fristen for K53?'));
        const card = cardTo('a:personal-chat-alex');
        const button = buttonsOf(card).find((candidate) => candidate.verb === ProgressVerbs.mark);
        assert.ok(button, 'the deadline card has the "mark done" button');
        assert.equal(button.title, 'Marker SAPA K53 færdig');
        assert.deepEqual(card.refresh, { action: { type: 'Action.Execute', verb: 'deadlines.refresh', data: { question: 'hvornår er fristen for K53?', lang: 'da', verb: 'deadlines.refresh' } } }, 'in a personal chat Teams refreshes it for its one person');

        // Its verb works: the press is recorded, and the refreshed card shows the new state.
        const pressed = await bot.post(cardAction(bot.serviceUrl, button.verb, button.data));
        assert.deepEqual(pressed.body, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'SAPA K53 er markeret som færdig for jeres kommune.' });
        const refreshed = (await bot.post(cardAction(bot.serviceUrl, 'deadlines.refresh', { question: 'hvornår er fristen for K53?' }))).body as { value: AdaptiveCard };
        assert.deepEqual(buttonsOf(refreshed.value).filter((candidate) => candidate.verb === ProgressVerbs.mark).map(({ title, data }) => ({ title, data })), [
          { title: 'SAPA K53 færdig ✓', data: { solution: 'SAPA', code: 'K53', done: false, lang: 'da', verb: ProgressVerbs.mark } },
        ]);
        // A refresh whose question is no deadline question (a forged one) is refused politely.
        assert.match(JSON.stringify((await bot.post(cardAction(bot.serviceUrl, 'deadlines.refresh', { question: 'tak for hjælpen' }))).body), /Intet er ændret/);
        // Card data that does not fit the verb's schema changes nothing.
        const forged = await bot.post(cardAction(bot.serviceUrl, ProgressVerbs.mark, { solution: 'SAPA', code: 'K55', done: 'yes' }));
        assert.match(JSON.stringify(forged.body), /Knappen sendte noget jeg ikke kan læse. Intet er ændret/);

        // The chat phrase, in English; an unknown task is refused politely and changes nothing.
        await bot.post(personalMessage(bot.serviceUrl, 'mark K54 done', { locale: 'en-GB' }));
        assert.equal(lastTo('a:personal-chat-alex').text, 'SAPA K54 is marked done for your municipality.');
        await bot.post(personalMessage(bot.serviceUrl, 'marker K99 som færdig'));
        assert.equal(lastTo('a:personal-chat-alex').text, 'Jeg kender ingen KLIK-opgave K99. Intet er ændret.');

        // In a channel the card is refreshed at once for the one who asked; the others refresh it from its menu.
        const channel = { conversation: { id: '19:kommune@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: TENANT_ID } };
        await bot.post(channelMessage(bot.serviceUrl, 'hvilke frister er der i februar?', channel));
        const channelCard = cardTo('19:kommune@thread.tacv2');
        assert.deepEqual((channelCard.refresh as { userIds?: string[] }).userIds, [USER.id]);
        const titles = buttonsOf(channelCard).filter((candidate) => candidate.verb === ProgressVerbs.mark).map(({ title }) => title);
        assert.ok(titles.includes('Marker UDK Begravelseshjælp KLIK 05 færdig'), titles.join(', '));
        assert.deepEqual(titles.filter((title) => title.includes('SAPA')), ['SAPA K53 færdig ✓', 'SAPA K54 færdig ✓', 'Marker SAPA K55 færdig']);

        // The digest: the conversation that marked tasks gets its municipality's line; the channel does not.
        await bot.post(personalMessage(bot.serviceUrl, 'abonner på oversigt'));
        await bot.post(channelMessage(bot.serviceUrl, 'abonner på oversigt', channel));
        assert.equal((await bot.app.digests.run(clock.now(), { force: true })).sent, 2);
        const digestTo = (conversationId: string) => JSON.stringify(bot.connector.sentTo(conversationId).filter((sent) => /Ugens oversigt/.test(JSON.stringify(sent))).at(-1));
        assert.match(digestTo('a:personal-chat-alex'), /Jeres KLIK-opgaver.*2 markeret færdig.*SAPA K53, SAPA K54/);
        assert.doesNotMatch(digestTo('19:kommune@thread.tacv2'), /Jeres KLIK-opgaver/);
        assert.match(digestTo('19:kommune@thread.tacv2'), /Ugens oversigt — uge 8, 2025/);

        // HTTP: counts per task, no names.
        const response = await fetch(`${bot.server.url}/api/klik-progress`);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { municipalitiesDone: { 'SAPA|K53': 1, 'SAPA|K54': 1 } });

        // The CLI, on the same storage as the bot (another handle, as another process has).
        const exported = await cliInProcess(['klik-progress', 'export'], { DATA_DIR: bot.dataDir, ...env }, clock, { features: APP, ...(storage ? { storage } : {}) });
        assert.equal(exported.code, 0, exported.stderr);
        const events = exported.stdout.trim().split('\n').map((line) => JSON.parse(line) as ProgressEvent);
        assert.deepEqual(events.map(({ type, code, tenantId }) => ({ type, code, tenantId })), [
          { type: 'marked', code: 'K53', tenantId: TENANT_ID },
          { type: 'marked', code: 'K54', tenantId: TENANT_ID },
        ]);
        const usage = await cliInProcess(['help'], { DATA_DIR: bot.dataDir, ...env }, clock, { features: APP, ...(storage ? { storage } : {}) });
        assert.match(usage.stdout, /klik-progress export/, 'the generated usage names the command');

        if (again) {
          // After a restart the journal still knows: the button says done.
          await bot.stop();
          bot = await start();
          await bot.post(personalMessage(bot.serviceUrl, 'hvornår er fristen for K53?'));
          assert.deepEqual(buttonsOf(cardTo('a:personal-chat-alex')).filter((candidate) => candidate.verb === ProgressVerbs.mark).map(({ title }) => title), ['SAPA K53 færdig ✓']);
        }
      } finally {
        await bot.stop();
        await done();
      }
    });
  });
}

describe("the card-actions door on another feature's answer cards", () => {
  it('puts a per-viewer button on a system answer, and the refresh rebuilds the card for whoever looks at it', async () => {
    const followed = new Set<string>();
    const follow = defineFeature({
      name: 'follow (sketch)',
      register: (router) =>
        router.action('follow.toggle', z.object({ system: z.string() }), (turn, { system }) => {
          const key = `${turn.user.id}|${system}`;
          if (!followed.delete(key)) followed.add(key);
          return { type: 'message', text: 'ok' };
        }),
      cardActions: () => [
        { on: 'system', action: (system, viewer) => ({ title: followed.has(`${viewer.userId}|${system.name}`) ? 'Følger ✓' : 'Følg', verb: 'follow.toggle', data: { system: system.name } }) },
      ],
    });
    const bot = await BotHarness.start({ data: testData(), features: [...FEATURES, follow] });
    try {
      await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter SAPA til CH2?'));
      const card = (bot.connector.sentTo('a:personal-chat-alex').at(-1) as SentActivity).attachments?.[0]?.content;
      assert.ok(card);
      assert.deepEqual(cardProblems(card), []);
      const button = buttonsOf(card).find((candidate) => candidate.verb === 'follow.toggle');
      assert.ok(button, 'the answer card has the contributed button');
      assert.deepEqual({ title: button.title, data: button.data }, { title: 'Følg', data: { system: 'SAPA', lang: 'da', verb: 'follow.toggle' } });
      const refresh = (card.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
      assert.equal(refresh.verb, 'answers.refresh');

      await bot.post(cardAction(bot.serviceUrl, button.verb, button.data));
      const mine = (await bot.post(cardAction(bot.serviceUrl, refresh.verb, refresh.data))).body as { value: AdaptiveCard };
      assert.deepEqual(buttonsOf(mine.value).filter((candidate) => candidate.verb === 'follow.toggle').map(({ title }) => title), ['Følger ✓']);
      // Another person looking at the same card gets their own state.
      const theirs = (await bot.post(cardAction(bot.serviceUrl, refresh.verb, refresh.data, { from: { id: '29:user-bo', name: 'Bo', aadObjectId: '00000000-0000-0000-0000-0000000000b2' } }))).body as { value: AdaptiveCard };
      assert.deepEqual(buttonsOf(theirs.value).filter((candidate) => candidate.verb === 'follow.toggle').map(({ title }) => title), ['Følg']);
    } finally {
      await bot.stop();
    }
  });
});
