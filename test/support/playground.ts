import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { freePort } from './freePort.js';
import { PROJECT_ROOT } from './run.js';

export const RESULTS = path.join(PROJECT_ROOT, 'test-results');

export interface RunningPlayground {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far (the banner). */
  output(): string;
}

/**
 * Starts `npm run playground` as a new user would, and waits for the URL it prints. On the registry
 * in the data folder (the shipped facts) unless `env` asks for its example data (PLAYGROUND_EXAMPLE_DATA=1).
 */
export async function startPlayground(dataDir: string, env: Record<string, string> = {}): Promise<RunningPlayground> {
  const [botPort, playgroundPort] = [await freePort(), await freePort()];
  const child = spawn('npm', ['run', '--silent', 'playground'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(botPort), PLAYGROUND_PORT: String(playgroundPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn', PLAYGROUND_EXAMPLE_DATA: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // The bot (through tsx) and then Agents Playground start before the URL is printed: on the 2-core
    // machine shared with other jobs (load 15-25) that took over 30 s, the bot listening but no URL yet.
    const timer = setTimeout(() => {
      // A start that never printed its URL must not leave npm, the bot and the Playground running.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      reject(new Error(`the Playground did not start:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Open the Playground to chat with it: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm run playground exited with ${code}:\n${output}`)));
  });
  return { url, process: child, output: () => output };
}

/** Ends npm's process group: npm, the bot and the Playground it started. */
export function stopPlayground(playground: RunningPlayground | undefined): void {
  if (playground?.process.pid) process.kill(-playground.process.pid, 'SIGTERM');
}

/** Types a message in the open chat and sends it. */
export async function ask(page: Page, question: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]').last();
  await box.click();
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');
}

export interface PlaygroundSession {
  readonly playground: RunningPlayground;
  /** The file's Chromium, for tests that keep a page of their own across tests. */
  readonly browser: Browser;
  /** The Playground's data folder (DATA_DIR), for the CLI beside it. */
  readonly dataDir: string;
  /** A fresh page for the current test, closed after it (none with `pagePerTest: false`). */
  readonly page: Page;
}

export interface PlaygroundOptions {
  /** Each test starts in the Playground's chat. */
  openChat?: boolean;
  /** Settings for `npm run playground` beside the test's own (example data, quiet hours). */
  env?: Record<string, string>;
  /** False: the tests open their own pages from `browser`. */
  pagePerTest?: boolean;
}

/**
 * Mocha hooks for a browser test file: one `npm run playground` on its own data folder and one
 * Chromium for the file, a new page per test.
 */
export function usePlayground(viewport = { width: 1280, height: 900 }, options: PlaygroundOptions = {}): PlaygroundSession {
  let dataDir = '';
  let browser: Browser | undefined;
  let playground: RunningPlayground | undefined;
  let page: Page | undefined;
  before(async () => {
    await mkdir(RESULTS, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'fki-playground-'));
    browser = await launchChromium();
    playground = await startPlayground(dataDir, options.env);
  });
  beforeEach(async () => {
    if (options.pagePerTest === false) return;
    page = await browser!.newPage({ viewport });
    // Most tests start in the Playground's chat.
    if (options.openChat) await page.goto(playground!.url);
  });
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });
  after(async () => {
    await browser?.close();
    stopPlayground(playground);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return {
    get playground() {
      return playground!;
    },
    get browser() {
      return browser!;
    },
    get dataDir() {
      return dataDir;
    },
    get page() {
      return page!;
    },
  };
}
