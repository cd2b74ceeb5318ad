import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { checkFeatureSettings, defineFeature } from '../../src/app/feature.js';
import { ConfigError } from '../../src/config.js';
import { FEATURES } from '../../src/app/features.js';
import { DATA_FILES } from '../../src/store/dataFiles.js';
import type { Lang } from '../../src/i18n/language.js';
import { Journal, JournalProjection } from '../../src/store/journal.js';
import { phrases } from '../../src/text/words.js';
import { PhraseIndex } from '../../src/text/phraseIndex.js';
import { personalMessage } from '../support/activities.js';
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
