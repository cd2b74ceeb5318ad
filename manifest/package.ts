import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { ZipFile } from 'yazl';
import { FEATURES } from '../src/app/features.js';
import type { Feature } from '../src/app/feature.js';
import { loadDotEnv } from '../src/config.js';
import { commandListsOf } from './commands.js';

/**
 * `npm run package`: the Teams app package. Fills the bot id (MicrosoftAppId) and the host
 * (PUBLIC_BASE_URL) into the manifest, and the bot's command menu from the features' help examples
 * (`help` with `menu: true`, in Danish, and in English in en.json); checks it against the official
 * schema, and writes dist/appPackage.zip with the manifest, the icons and the English strings.
 */
const FOLDER = new URL('./', import.meta.url);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png', 'en.json'] as const;

export interface PackageInput {
  appId: string;
  publicBaseUrl: string;
  version: string;
  /** Whose help examples make the command menu; the app's list unless a test gives its own. */
  features?: readonly Feature[];
}

/** The manifest with the placeholders and the command menu filled in, and its English strings. */
export function buildManifest({ appId, publicBaseUrl, version, features = FEATURES }: PackageInput): { manifest: Record<string, unknown>; english: Record<string, string> } {
  const host = new URL(publicBaseUrl).host;
  const text = readFileSync(new URL('manifest.json', FOLDER), 'utf8')
    .replaceAll('{{MicrosoftAppId}}', appId)
    .replaceAll('{{PUBLIC_HOST}}', host)
    .replaceAll('{{PUBLIC_BASE_URL}}', publicBaseUrl.replace(/\/+$/, ''))
    .replaceAll('{{VERSION}}', version);
  const manifest = JSON.parse(text) as { bots: { commandLists: unknown }[] } & Record<string, unknown>;
  const { lists, english } = commandListsOf(features);
  manifest.bots[0]!.commandLists = lists;
  const strings = JSON.parse(readFileSync(new URL('en.json', FOLDER), 'utf8')) as Record<string, string>;
  return { manifest, english: { ...strings, ...english } };
}

export async function buildPackage(input: PackageInput, target: URL): Promise<string[]> {
  let built;
  try {
    built = buildManifest(input);
  } catch (error) {
    return [(error as Error).message];
  }
  const { manifest, english } = built;
  // The schema's own type is wider than our literal; it checks the JSON, which is what matters here.
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as never);
  if (problems.length > 0) return problems;
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  zip.addBuffer(Buffer.from(`${JSON.stringify(english, null, 2)}\n`), 'en.json');
  for (const file of ['color.png', 'outline.png']) zip.addBuffer(readFileSync(new URL(file, FOLDER)), file);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  mkdirSync(new URL('./', target), { recursive: true });
  writeFileSync(target, Buffer.concat(chunks));
  return [];
}

async function main(): Promise<void> {
  loadDotEnv();
  const appId = process.env.MicrosoftAppId?.trim() ?? '';
  const publicBaseUrl = process.env.PUBLIC_BASE_URL?.trim() ?? '';
  if (!GUID.test(appId)) fail('Set MicrosoftAppId to the app id of your Azure Bot registration (a GUID).');
  if (!/^https:\/\//.test(publicBaseUrl)) fail('Set PUBLIC_BASE_URL to the https address the bot is reached at, e.g. https://fki-bot.kombit.dk');
  const version = (JSON.parse(readFileSync(new URL('../package.json', FOLDER), 'utf8')) as { version: string }).version;
  const target = new URL('../dist/appPackage.zip', FOLDER);
  const problems = await buildPackage({ appId, publicBaseUrl, version }, target);
  if (problems.length > 0) fail(`The manifest does not match the Teams schema:\n  ${problems.join('\n  ')}`);
  console.log(`dist/appPackage.zip written (${PACKAGE_FILES.join(', ')}): upload it in Teams under Apps › Manage your apps › Upload an app.`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) await main();
