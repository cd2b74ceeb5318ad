import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const STORE = path.join(SRC, 'store');

/**
 * What src/store may import from the rest of src: the log, the configuration (where DATA_DIR is), and
 * the registry's stored shape with its checks (the registry is core; the store keeps its file). No
 * feature, no language, no texts: a feature names its own journals and documents.
 */
const ALLOWED = ['log.ts', 'config.ts', 'registry/registryData.ts'];

/** Every module a file names: `import … from`, `export … from`, `import '…'` and `import('…')`. */
function importsOf(source: string): string[] {
  const found = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g), ...source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g), ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((match) => match[1]!);
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => path.join(entry.parentPath, entry.name));
}

/** The file under src/ a relative import names (`./x.js` is `x.ts`), or null for a package. */
function sourceOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.relative(SRC, path.resolve(path.dirname(file), specifier)).replace(/\.js$/, '.ts').split(path.sep).join('/');
}

describe('src/store knows no feature and no language', () => {
  it('imports nothing from src/ outside the store but the log, the configuration and the registry\'s stored shape', async () => {
    const files = await filesUnder(STORE);
    const outside: string[] = [];
    let relative = 0;
    for (const file of files) {
      for (const specifier of importsOf(await readFile(file, 'utf8'))) {
        const target = sourceOf(file, specifier);
        if (target === null) continue;
        relative += 1;
        if (!target.startsWith('store/') && !ALLOWED.includes(target)) outside.push(`${path.relative(SRC, file)} imports ${target}`);
      }
    }
    assert.ok(files.length > 20 && relative > 50, `the store's files and their imports were found (${files.length} files, ${relative} imports)`);
    assert.deepEqual(outside, []);
  });

  it('reads every form of import, so that none slips past the check above', () => {
    const source = [
      "import type { Deadline } from '../deadlines/deadline.js';",
      'import {\n  formatDay,\n  type Lang,\n} from "../i18n/format.js";',
      "export { texts } from '../digest/texts.js';",
      "import '../surveys/register.js';",
      "const late = await import('../sync/service.js');",
    ].join('\n');
    assert.deepEqual(
      importsOf(source).map((specifier) => sourceOf(path.join(STORE, 'x.ts'), specifier)),
      ['deadlines/deadline.ts', 'i18n/format.ts', 'digest/texts.ts', 'surveys/register.ts', 'sync/service.ts'],
    );
  });
});
