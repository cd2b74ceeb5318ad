import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT, runProcess, type RunResult } from './run.js';

const NODE_ARGS = ['--disable-warning=DEP0111', '--import', 'tsx'];

/** Runs a TypeScript entry point of the project (bot/main.ts, src/cli/main.ts) in a process of its own. */
export function runNode(script: string, args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<RunResult> {
  return runProcess(process.execPath, [...NODE_ARGS, script, ...args], env, timeoutMs);
}

/** Starts the bot (`npm start`'s entry point) and resolves once it logs that it is listening. */
export function startBotProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, 'bot/main.ts'], {
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
