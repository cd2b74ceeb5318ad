import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './run.js';

/** What `npm run build` compiles or copies into dist/ (tsconfig.build.json, scripts/copy-assets.mjs). */
const BUILT_FROM = ['src', 'bot', 'cards', 'bench/echoBot.ts', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/copy-assets.mjs'];

function newestChange(file: string): number {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestChange(path.join(file, name))));
}

/** Whether dist/ was built after the last change to anything it is built from. */
export function distIsFresh(): boolean {
  // The build writes dist/package.json last.
  const built = statSync(path.join(PROJECT_ROOT, 'dist', 'package.json'), { throwIfNoEntry: false });
  return built !== undefined && built.mtimeMs >= Math.max(...BUILT_FROM.map((name) => newestChange(path.join(PROJECT_ROOT, name))));
}
