import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpRoute, StaticPage } from './contributions.js';

/** The web types a page may serve, by extension; any other file of the folder is never served. */
const TYPES = new Map<string, string>([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.png', 'image/png'],
  ['.svg', 'image/svg+xml'],
  ['.ico', 'image/x-icon'],
]);

/** A page's files by the name they are served as: a fixed Map made once (no name like "constructor" reaches a prototype). */
export function pageFiles(page: StaticPage): Map<string, { file: string; type: string }> {
  const files = new Map<string, { file: string; type: string }>();
  const add = (name: string, file: string) => {
    const type = TYPES.get(path.extname(name));
    // Type declarations (fold.d.ts) are for the type-checker, not the browser.
    if (type && !name.endsWith('.d.ts')) files.set(name, { file, type });
  };
  const dir = fileURLToPath(page.dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isFile()) add(entry.name, path.join(dir, entry.name));
  for (const [name, file] of Object.entries(page.files ?? {})) add(name, typeof file === 'string' ? file : fileURLToPath(file));
  const index = files.get('index.html');
  if (index) files.set('', index);
  return files;
}

/** A page as routes: GET PATH/NAME for each of its files, PATH/ for index.html, and PATH redirected to PATH/. */
export function pageRoutes(page: StaticPage): HttpRoute[] {
  const base = page.path.replace(/\/+$/, '');
  const files = pageFiles(page);
  const access = page.access ?? 'public';
  return [
    { method: 'GET', path: base, access, handle: async () => ({ status: 301, type: 'text/plain; charset=utf-8', body: '', headers: { location: `${base}/` } }) },
    {
      method: 'GET',
      path: `${base}/*`,
      access,
      async handle({ params }) {
        const entry = files.get(params['*'] ?? '');
        if (!entry) return { status: 404, type: 'application/json; charset=utf-8', body: JSON.stringify({ error: 'Not found' }) };
        return { status: 200, type: entry.type, body: await readFile(entry.file), headers: { 'cache-control': 'no-cache', ...page.headers } };
      },
    },
  ];
}
