import { execFileSync } from 'node:child_process';
import { distIsFresh } from './distFreshness.js';
import { PROJECT_ROOT } from './run.js';

/**
 * `npm test`'s pretest: builds dist/ (which `npm start`, `npm run cli` and the spawned bots run) only
 * when a source changed since the last build, and then incrementally: tsc re-checks only what the
 * change touches (its build info lives in dist/, so `npm run build`'s clean build starts it afresh).
 * Outputs of deleted sources may stay in dist/ until the next `npm run build`; nothing imports them.
 */
if (distIsFresh()) process.exit(0);
const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit' });
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo']);
run(process.execPath, ['scripts/copy-assets.mjs']);
