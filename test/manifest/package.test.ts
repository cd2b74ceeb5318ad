import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import yauzl from 'yauzl';
import { personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { starterData } from '../support/fixtures.js';
import { PROJECT_ROOT, runNpm } from '../support/run.js';
import { defineFeature } from '../../src/app/feature.js';
import { FEATURES } from '../../src/app/features.js';
import { helpExamplesOf } from '../../src/help/examples.js';
import { buildManifest, buildPackage } from '../../manifest/package.js';

const APP_ID = '6a0f6d4e-2b1c-4f8e-9d3a-7c5b1e2f0a99';

/** The entries of a zip file, by name. */
function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

type Manifest = { id: string; bots: { botId: string; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[]; validDomains: string[]; icons: Record<string, string> };

describe('the Teams app package', function () {
  this.timeout(60_000);
  let entries: Map<string, Buffer>;
  let manifest: Manifest;

  before(async () => {
    const { code, stderr } = await runNpm(['package'], { MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'https://fki-bot.kombit.example' });
    assert.equal(code, 0, stderr);
    entries = await unzip(path.join(PROJECT_ROOT, 'dist', 'appPackage.zip'));
    manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
  });

  it('holds exactly the manifest, the two icons and the English strings', () => {
    assert.deepEqual([...entries.keys()].sort(), ['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });

  it('has a manifest that passes the official schema offline, with the bot id and host filled in', async () => {
    assert.deepEqual(await AppManifestUtils.validateAgainstSchema(manifest as never), []);
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.bots[0]!.botId, APP_ID);
    assert.deepEqual(manifest.validDomains, ['fki-bot.kombit.example']);
    assert.doesNotMatch(JSON.stringify(manifest), /\{\{/, 'no placeholder left');
  });

  it('has a 192×192 color icon and a 32×32 outline icon in white on transparent', () => {
    const color = PNG.sync.read(entries.get(manifest.icons.color!)!);
    const outline = PNG.sync.read(entries.get(manifest.icons.outline!)!);
    assert.deepEqual([color.width, color.height, outline.width, outline.height], [192, 192, 32, 32]);
    let white = 0;
    for (let at = 0; at < outline.data.length; at += 4) {
      const [r, g, b, a] = outline.data.subarray(at, at + 4);
      if (a === 0) continue;
      assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${at / 4} is not white`);
      white += 1;
    }
    assert.ok(white > 50, 'the outline icon shows something');
  });

  it('has English strings for keys the manifest has, with command titles Teams accepts', () => {
    const english = JSON.parse(entries.get('en.json')!.toString('utf8')) as Record<string, string>;
    const commands = manifest.bots[0]!.commandLists[0]!.commands;
    for (const [index, command] of commands.entries()) {
      assert.ok(english[`bots[0].commandLists[0].commands[${index}].title`], `an English title for "${command.title}"`);
    }
    for (const title of [...commands.map((c) => c.title), ...Object.entries(english).filter(([k]) => k.endsWith('.title')).map(([, v]) => v)]) {
      assert.ok(title.length <= 32, `"${title}" is longer than Teams allows`);
    }
  });

  it('refuses to build without a bot id, and says what to set', async () => {
    const { code, stderr } = await runNpm(['package'], { MicrosoftAppId: '', PUBLIC_BASE_URL: 'https://x.example' });
    assert.equal(code, 1);
    assert.match(stderr, /Set MicrosoftAppId/);
  });

  it('declares the message extension: one search command "systems" with a "query" parameter, for this bot', async () => {
    const extensions = (manifest as unknown as { composeExtensions: { botId: string; commands: { id: string; type: string; parameters: { name: string }[] }[] }[] }).composeExtensions;
    assert.equal(extensions.length, 1);
    assert.equal(extensions[0]!.botId, manifest.bots[0]!.botId);
    assert.deepEqual(extensions[0]!.commands.map((command) => [command.id, command.type, command.parameters.map((parameter) => parameter.name)]), [['systems', 'query', ['query']]]);
  });

  it('lists only commands the bot understands, and suggests only questions it understands, in Danish and in English', async () => {
    const english = JSON.parse(entries.get('en.json')!.toString('utf8')) as Record<string, string>;
    const titles = [
      ...manifest.bots[0]!.commandLists[0]!.commands.map((command) => ({ text: command.title, locale: 'da-DK' })),
      // The bot's commands (the message extension's titles are not chat commands).
      ...Object.entries(english).filter(([key]) => key.startsWith('bots[') && key.endsWith('.title')).map(([, text]) => ({ text, locale: 'en-US' })),
      // And what the help card suggests.
      ...helpExamplesOf(FEATURES).flatMap((example) => [{ text: example.da.title, locale: 'da-DK' }, { text: example.en.title, locale: 'en-US' }]),
    ];
    const dataDir = await mkdtemp(path.join(tmpdir(), 'fki-commands-'));
    const bot = await BotHarness.start({ data: starterData(), dataDir });
    try {
      for (const { text, locale } of titles) {
        bot.connector.clear();
        await bot.post(personalMessage(bot.serviceUrl, text, { locale }));
        const reply = JSON.stringify(bot.connector.calls.at(-1)?.activity ?? {});
        assert.ok(reply.length > 2, `no reply to "${text}"`);
        assert.doesNotMatch(reply, /Det forstod jeg ikke helt|didn't quite get that/, `"${text}" is not understood`);
      }
    } finally {
      await bot.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});


describe('the command menu, made from the features\' help examples', () => {
  const input = { appId: APP_ID, publicBaseUrl: 'https://fki-bot.kombit.example', version: '1.0.0' };
  const example = (title: string, scopes?: ('personal' | 'team' | 'groupChat')[]) => ({
    menu: true,
    ...(scopes ? { scopes } : {}),
    da: { title, description: `Gør ${title}` },
    en: { title: `${title} (en)`, description: `Does ${title}` },
  });

  it('is the examples the features offer in the menu, in rank order, each in Danish with its English string', () => {
    const { manifest, english } = buildManifest(input);
    const lists = (manifest as unknown as Manifest).bots[0]!.commandLists;
    const menu = helpExamplesOf(FEATURES).filter((candidate) => candidate.menu === true);
    assert.deepEqual(lists.map((list) => list.scopes), [['personal', 'team', 'groupChat']]);
    assert.deepEqual(lists[0]!.commands.map((command) => command.title), menu.map((candidate) => candidate.da.title));
    assert.deepEqual(menu.map((_, at) => english[`bots[0].commandLists[0].commands[${at}].title`]), menu.map((candidate) => candidate.en.title));
    assert.ok(menu.some((candidate) => candidate.da.title === 'spørg leverandøren om Nexus'), "the surveys feature's command");
  });

  it('gives a feature\'s command to the scopes it names only, and still passes the schema', async () => {
    const teamOnly = defineFeature({ name: 'team-only', help: [example('kanalens frister', ['team'])] });
    const { manifest, english } = buildManifest({ ...input, features: [...FEATURES, teamOnly] });
    const lists = (manifest as unknown as Manifest).bots[0]!.commandLists;
    assert.deepEqual(lists.map((list) => list.scopes), [['personal', 'groupChat'], ['team']]);
    const at = lists[1]!.commands.findIndex((command) => command.title === 'kanalens frister');
    assert.ok(at >= 0, 'in the team menu');
    assert.ok(!lists[0]!.commands.some((command) => command.title === 'kanalens frister'), 'not in the others');
    assert.equal(english[`bots[0].commandLists[1].commands[${at}].title`], 'kanalens frister (en)');
    assert.deepEqual(await AppManifestUtils.validateAgainstSchema(manifest as never), []);
  });

  it('refuses to build a package Teams would not show: more than 10 commands in a scope, a title over 32 characters, no description', async () => {
    const many = defineFeature({ name: 'many', help: ['a', 'b', 'c'].map((title) => example(`kommando ${title}`, ['personal'])) });
    const long = defineFeature({ name: 'long', help: [example('hvornår skifter Sags- og Partsoverblik?'), { menu: true, da: { title: 'uden' }, en: { title: 'without' } }] });
    const target = new URL(`file://${path.join(tmpdir(), `fki-package-${process.pid}.zip`)}`);
    const problems = await buildPackage({ ...input, features: [...FEATURES, many, long] }, target);
    const text = problems.join('\n');
    assert.match(text, /13 commands in the personal menu; Teams shows at most 10/);
    assert.match(text, /"hvornår skifter Sags- og Partsoverblik\?" is 39 characters; a command title may have 32/);
    assert.match(text, /"uden" has no description/);
    assert.deepEqual(await buildPackage(input, target), [], 'the product\'s own menu fits');
    await rm(target, { force: true });
  });
});
