import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Server } from 'restify';
import { effectiveStatus, isOverdue, visibleNote } from '../src/registry/system.js';
import type { RegistryService } from '../src/registry/service.js';
import { calendarDayAt } from '../src/time/calendarDate.js';
import type { Clock } from '../src/time/clock.js';

const require = createRequire(import.meta.url);
const TAB = new URL('../tab/', import.meta.url);
const TEAMS_JS = path.join(path.dirname(require.resolve('@microsoft/teams-js/package.json')), 'dist', 'umd', 'MicrosoftTeams.min.js');

/** The tab's files: a fixed list (a Map: no name like "constructor" reaches an object's prototype). */
const FILES = new Map<string, { file: URL | string; type: string }>(Object.entries({
  '': { file: new URL('index.html', TAB), type: 'text/html; charset=utf-8' },
  'index.html': { file: new URL('index.html', TAB), type: 'text/html; charset=utf-8' },
  'config.html': { file: new URL('config.html', TAB), type: 'text/html; charset=utf-8' },
  'app.js': { file: new URL('app.js', TAB), type: 'text/javascript; charset=utf-8' },
  // The bot's own folding of æøå and punctuation, so the tab's search matches as chat does.
  'fold.js': { file: new URL('../src/text/fold.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
  'config.js': { file: new URL('config.js', TAB), type: 'text/javascript; charset=utf-8' },
  'style.css': { file: new URL('style.css', TAB), type: 'text/css; charset=utf-8' },
  // Formula cells neutralised in the CSV download as in every CSV the bot writes.
  'csvCell.js': { file: new URL('../src/text/csvCell.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
  'teams.js': { file: TEAMS_JS, type: 'text/javascript; charset=utf-8' },
}));

/** GET /api/overview (the registry, read-only, no contact details) and the tab under /tab/. */
export function registerTab(server: Server, deps: { registry: RegistryService; clock: Clock }): void {
  server.get('/api/overview', async (_req, res) => {
    const registry = await deps.registry.current();
    const today = calendarDayAt(deps.clock.now());
    res.header('cache-control', 'no-store');
    res.send(200, {
      today,
      systems: registry.systems.map((s) => ({
        name: s.name, fullName: s.fullName, aliases: s.aliases, owner: s.owner, vendor: s.vendor, ch2Date: s.ch2Date,
        sts2Date: s.sts2Date, status: effectiveStatus(s, today), overdue: isOverdue(s, today), source: s.source,
        note: visibleNote(s, today), updatedAt: s.updatedAt,
      })),
      deadlines: registry.deadlines,
    });
  });

  server.get('/tab', async (_req, res) => {
    res.redirect(301, '/tab/', () => undefined);
  });
  server.get('/tab/*', async (req, res) => {
    const name = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^\/tab\/?/, '');
    const entry = FILES.get(name);
    if (!entry) {
      res.send(404, { error: 'Not found' });
      return;
    }
    res.writeHead(200, {
      'content-type': entry.type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      // Teams shows the tab in a frame; outside Teams it is a plain page.
      'content-security-policy':
        "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft",
    });
    res.end(readFileSync(entry.file));
  });
}
