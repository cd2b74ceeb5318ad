// After `tsc -p tsconfig.build.json`: the files the compiled code reads at run time, beside it in
// dist/ with the same layout (card templates, the starter data, SQL migrations, the features' pages
// such as the overview tab in src/overview/page/, the shared browser modules), and a package.json
// that marks dist/ as ES modules and gives the version.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const assets = /\.(json|sql|js|html|css)$/;
const isAsset = (file) => assets.test(file) && !file.endsWith('.ts');

for (const folder of ['src', 'cards']) {
  await cp(path.join(root, folder), path.join(dist, folder), {
    recursive: true,
    // Plain JavaScript and data only: TypeScript is compiled, not copied.
    filter: (source) => !source.endsWith('.ts') && (!path.extname(source) || isAsset(source)),
  });
}
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
await mkdir(dist, { recursive: true });
await writeFile(path.join(dist, 'package.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, type: 'module' }, null, 2)}\n`);
