import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { personalMessage } from '../test/support/activities.js';
import { StandInConnector } from '../test/support/connector.js';
import { generateRegistry, questionMix } from './generate.js';

/**
 * (5) Every user of the tenant: questions from new personal chats (each request a chat the bot has not
 * seen, up to BENCH_NEW_CHATS of them) and from known ones, with files and with PostgreSQL; the bot's
 * throughput with that many chats against a fresh bot, its memory, and its start-up with them.
 *
 * Runs on its own too, against another checkout's build (the code before the change, say):
 * `node --import tsx bench/scale.ts --root /tmp/old` (that checkout must have run `npm run build`).
 */
const SYSTEMS = Number(process.env.BENCH_SYSTEMS ?? 5000);
const NEW_CHATS = Number(process.env.BENCH_NEW_CHATS ?? 10_000);
/** The curve's step: the rate of each successive block of this many new chats. */
const STEP = Number(process.env.BENCH_SCALE_STEP ?? 1000);
const KNOWN_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONCURRENCY = 16;
const FKI_NODE_OPTIONS = ['--max-old-space-size=192', '--heap-growing-percent=100'];

interface Bot {
  child: ChildProcess;
  url: string;
  firstAnswerMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function newChat(serviceUrl: string, n: number, text: string) {
  return personalMessage(serviceUrl, text, {
    conversation: { id: `a:bench-chat-${n}`, conversationType: 'personal', tenantId: 'tenant-kombit' },
    from: { id: `29:bench-user-${n}`, name: `User ${n}`, aadObjectId: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}` },
  });
}

async function startBot(root: string, env: Record<string, string>, connector: StandInConnector, question: string): Promise<Bot> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...FKI_NODE_OPTIONS, 'dist/bot/main.js'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const found = /"url":"(http:\/\/[^"]+)\/api\/messages"[^\n]*FKI Bot is listening/.exec(buffer);
      if (found) {
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve(found[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`the bot exited with ${code}: ${buffer}`)));
  });
  const first = newChat(connector.url, 0, question);
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(first) });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the first question got HTTP ${response.status}`);
  await connector.replyTo(first.id as string);
  return { child, url, firstAnswerMs: performance.now() - began };
}

async function stopBot(bot: Bot): Promise<void> {
  if (bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  const exited = new Promise((resolve) => bot.child.once('exit', resolve));
  bot.child.kill();
  await exited;
}

async function rssMb(pid: number): Promise<number> {
  return Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
}

/** Sends `count` questions (or for `seconds`), each from the chat `chatOf(i)`; requests per second. */
async function ask(url: string, connector: StandInConnector, questions: string[], chatOf: (i: number) => number, limit: { count?: number; seconds?: number }): Promise<{ rps: number; errors: number }> {
  let next = 0;
  let done = 0;
  let errors = 0;
  const deadline = performance.now() + (limit.seconds ?? Infinity) * 1000;
  const count = limit.count ?? Infinity;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const activity = newChat(connector.url, chatOf(i), questions[i % questions.length]!);
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await response.arrayBuffer();
      // Answered once the reply reached the connector: the bot answers the request before its turn.
      if (response.status === 200) await connector.replyTo(activity.id as string);
      else errors += 1;
      done += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { rps: done / ((performance.now() - start) / 1000), errors };
}

/** One backend: a fresh bot's rate from known chats, the curve of new chats, then known chats, memory, start-up. */
async function runBackend(root: string, name: string, env: Record<string, string>, connector: StandInConnector, questions: string[]): Promise<void> {
  // Start-up is compared as the median of three starts on each side: one start swings by ±20 % here.
  const freshStarts: number[] = [];
  let bot = await startBot(root, env, connector, questions[0]!);
  for (let round = 1; round < 3; round += 1) {
    freshStarts.push(bot.firstAnswerMs);
    await stopBot(bot);
    bot = await startBot(root, env, connector, questions[0]!);
  }
  freshStarts.push(bot.firstAnswerMs);
  const knownStarts: number[] = [];
  try {
    await ask(bot.url, connector, questions, () => 0, { count: 500 });
    connector.clear();
    const fresh = await ask(bot.url, connector, questions, () => 0, { seconds: KNOWN_SECONDS });
    const curve: number[] = [];
    const began = performance.now();
    let errors = 0;
    for (let from = 1; from <= NEW_CHATS; from += STEP) {
      const block = await ask(bot.url, connector, questions, (i) => from + i, { count: Math.min(STEP, NEW_CHATS - from + 1) });
      curve.push(block.rps);
      errors += block.errors;
      connector.clear();
    }
    const allNewSeconds = (performance.now() - began) / 1000;
    const known = await ask(bot.url, connector, questions, (i) => 1 + ((i * 7919) % NEW_CHATS), { seconds: KNOWN_SECONDS });
    const rss = await rssMb(bot.child.pid!);
    await stopBot(bot);
    // Start-up with every chat known, against the fresh start above (same data otherwise).
    for (let round = 0; round < 3; round += 1) {
      bot = await startBot(root, env, connector, questions[0]!);
      knownStarts.push(bot.firstAnswerMs);
      await stopBot(bot);
    }
    console.log(`    ${name}:`);
    console.log(`      fresh bot, one known chat:        ${fresh.rps.toFixed(0).padStart(5)} req/s`);
    console.log(`      new chats, req/s per ${STEP}:      ${curve.map((rate) => rate.toFixed(0)).join(', ')}   (${NEW_CHATS} new chats in ${allNewSeconds.toFixed(0)} s, errors ${errors})`);
    console.log(`      known chats with ${NEW_CHATS} known: ${known.rps.toFixed(0).padStart(5)} req/s = ${(known.rps / fresh.rps).toFixed(2)} × the fresh bot   (goal ≥ 0.90)`);
    console.log(`      RSS after: ${rss.toFixed(0)} MB   (goal < 250 MB)`);
    const list = (starts: number[]) => starts.map((ms) => ms.toFixed(0)).join(', ');
    console.log(`      start-up to the first answer: fresh ${median(freshStarts).toFixed(0)} ms (${list(freshStarts)}); with ${NEW_CHATS} chats ${median(knownStarts).toFixed(0)} ms (${list(knownStarts)}); ratio ${(median(knownStarts) / median(freshStarts)).toFixed(2)}   (goal ≤ 1.10)`);
  } finally {
    await stopBot(bot);
  }
}

/** Section (5), against the build in `root`. With PostgreSQL unless BENCH_POSTGRES=false or it is not installed. */
export async function benchScale(root: string): Promise<void> {
  console.log(`\n(5) New chats and known ones — ${SYSTEMS} systems, ${NEW_CHATS} new personal chats, ${CONCURRENCY} concurrent clients, build in ${root}`);
  const data = generateRegistry(SYSTEMS);
  const questions = questionMix(data, 5000).filter((q) => q.kind !== 'list').map((q) => q.text);
  const connector = await new StandInConnector().start();
  try {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'fki-bench-scale-'));
    try {
      await writeFile(path.join(dataDir, 'registry.json'), JSON.stringify(data));
      await runBackend(root, 'files', { DATA_DIR: dataDir }, connector, questions);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    if (process.env.BENCH_POSTGRES === 'false' || !existsSync('/usr/lib/postgresql')) {
      console.log('    PostgreSQL: left out (BENCH_POSTGRES=false, or not installed)');
      return;
    }
    const { freshDatabase } = await import('../test/support/postgres.js');
    const url = await freshDatabase();
    const seedDir = await mkdtemp(path.join(tmpdir(), 'fki-bench-scale-pg-'));
    try {
      // The registry goes in through the CLI's import: the database starts as an operator would fill it.
      const registryFile = path.join(seedDir, 'registry.json');
      await writeFile(registryFile, JSON.stringify(data));
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--disable-warning=DEP0111', 'dist/src/cli/main.js', 'import', registryFile], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: url, DATA_DIR: seedDir },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cli import exited with ${code}`))));
      });
      await runBackend(root, 'PostgreSQL', { DATABASE_URL: url, DATA_DIR: seedDir }, connector, questions);
    } finally {
      await rm(seedDir, { recursive: true, force: true });
    }
  } finally {
    await connector.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? path.resolve(process.argv[at + 1]!) : path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  await benchScale(root);
  process.exit(0);
}
