import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
import { Journal, JournalProjection } from '../../src/store/journal.js';
import { phrases } from '../../src/text/words.js';
import { PhraseIndex } from '../../src/text/phraseIndex.js';
import { channelMessage, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';
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
  state: async ({ dataDir, log }) => {
    const state = { notes: [] as string[], counted: [] as number[] };
    const projection = await JournalProjection.open(new Journal<NoteEvent>(path.join(dataDir, 'notes.jsonl'), log), (event) => {
      if (event.type === 'noted') state.notes.push(event.text);
      else state.counted.push(event.count);
    });
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
  const notifier = { send: async () => ({ outcome: 'failed' as const, reason: 'test' }), personalChatOf: async () => null, toConversation: () => {}, toUser: () => {}, canReachUser: async () => false };
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
