import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { distIsFresh } from './distFreshness.js';
import { PROJECT_ROOT, runProcess, type RunResult } from './run.js';

const WARNINGS = '--disable-warning=DEP0111';
let distIsFreshNow: boolean | null = null;

/**
 * Node's arguments for an entry point (bot/main.ts, src/cli/main.ts): its compiled dist/ copy when
 * dist/ is newer than every source file (`npm test` builds first), since node starts that in half the
 * time tsx needs to compile it; the TypeScript through tsx otherwise (a test run right after an edit).
 */
function entryPoint(script: string): string[] {
  const compiled = path.join(PROJECT_ROOT, 'dist', script.replace(/\.ts$/, '.js'));
  distIsFreshNow ??= distIsFresh();
  return distIsFreshNow && existsSync(compiled) ? [WARNINGS, compiled] : [WARNINGS, '--import', 'tsx', script];
}

/** Runs an entry point of the project (bot/main.ts, src/cli/main.ts) in a process of its own. */
export function runNode(script: string, args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<RunResult> {
  return runProcess(process.execPath, [...entryPoint(script), ...args], env, timeoutMs);
}

/**
 * Starts the bot (`npm start`'s entry point) in a process of its own and resolves once it logs that
 * it is listening. Only for tests of the process itself (a SIGKILL, a SIGTERM, an exit code); a test
 * that needs a running bot starts it in-process with startBot.
 */
export function startBotProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, entryPoint('bot/main.ts'), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.on('close', done));
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not start in ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    const look = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const listening = /"url":"(http:\/\/[^"]+)\/api\/messages"[^\n]*FKI Bot is listening/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({ child, url: listening[1]!, exited });
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited with ${code} before it listened\n${output}`));
    });
  });
}
