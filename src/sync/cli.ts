import { EXIT, type CliCommand } from '../app/contributions.js';
import { createLog } from '../log.js';
import { readSurveys } from '../surveys/cli.js';
import { SyncService } from './service.js';
import { syncTexts } from './texts.js';

/** `sync`: one sync with KOMBIT's list, as the bot's schedule runs it. */
export const syncCommands: CliCommand[] = [
  {
    name: 'sync',
    args: '[--dry-run] [--lang da|en]',
    summary: "Syncs the registry with KOMBIT's list now (--dry-run: only says what would change).",
    options: { 'dry-run': { type: 'boolean' } },
    async run({ values, lang = 'da' }, io) {
      // The same service as the bot's: approved answers still waiting are written back to the list first.
      const log = io.log ?? createLog('warn', process.stderr);
      const service = await SyncService.create({ env: io.env, storage: io.storage, clock: io.clock, log, surveys: () => readSurveys(io.storage) });
      const result = await service.run({ lang, dryRun: values['dry-run'] === true });
      switch (result.kind) {
        case 'not-configured':
          io.err(syncTexts(lang).setMissing(result.missing));
          return EXIT.usage;
        case 'invalid-column-map':
          io.err(result.text);
          return EXIT.usage;
        case 'missing-columns':
          io.err(result.text);
          return EXIT.badInput;
        case 'done':
          io.out(result.text);
          return EXIT.ok;
      }
    },
  },
];
