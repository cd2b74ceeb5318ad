import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { answerQuestion } from '../src/answers/answer.js';
import { present } from '../src/answers/present.js';
import { Registry } from '../src/registry/registry.js';
import { StandInConnector } from '../test/support/connector.js';
import { personalMessage } from '../test/support/activities.js';
import { generateRegistry, questionMix } from './generate.js';
import { cpuPerRequest, PARTS, type Part } from './profile.js';
import { benchScale } from './scale.js';
import { benchFlat } from './flat.js';

/**
 * `npm run bench`: (1) the answering module alone, (2) the bot over HTTP beside a minimal echo bot
 * on the same stack, (3) start-up time and memory, all with 5,000 systems of 3 aliases each, (4) where
 * the time goes, (5) questions from 10,000 new chats and from known ones (files and PostgreSQL), (6) the
 * cost of per-user records as their number grows, and a digest run to 10,000 chats.
 */
const SYSTEMS = Number(process.env.BENCH_SYSTEMS ?? 5000);
const ANSWER_RUNS = 50_000;
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
/** Each HTTP figure is taken this many times and the median reported with all of them: one round's noise does not decide. */
const ROUNDS = 3;
const CONCURRENCY = 16;
/** As `npm start` and the container run the bot. */
const FKI_NODE_OPTIONS = ['--max-old-space-size=192', '--heap-growing-percent=100'];
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (value: number) => `${value.toFixed(3)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const range = (values: number[], digits = 0) => `(${values.map((value) => value.toFixed(digits)).join(', ')})`;

function benchAnswers(): void {
  const data = generateRegistry(SYSTEMS);
  const buildStart = performance.now();
  const registry = new Registry(data);
  void registry.matcher;
  const buildMs = performance.now() - buildStart;
  const questions = questionMix(data, ANSWER_RUNS);
  for (const { text } of questions.slice(0, 5000)) answerQuestion(text, { registry, today: '2025-02-10' });

  const run = (withPresentation: boolean) => {
    const byKind = new Map<string, number[]>();
    const all: number[] = [];
    const start = performance.now();
    for (const { kind, text } of questions) {
      const t0 = performance.now();
      const answered = answerQuestion(text, { registry, today: '2025-02-10' });
      if (withPresentation && answered) present(answered);
      const elapsed = performance.now() - t0;
      all.push(elapsed);
      (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(elapsed);
    }
    all.sort((a, b) => a - b);
    return { perSecond: Math.round(ANSWER_RUNS / ((performance.now() - start) / 1000)), all, byKind };
  };
  // Three rounds each; the median is reported, with the range, so one noisy pass does not decide.
  const medianRun = (runs: ReturnType<typeof run>[]) => [...runs].sort((a, b) => a.perSecond - b.perSecond)[1]!;
  const aloneRuns = [run(false), run(false), run(false)];
  const presentedRuns = [run(true), run(true), run(true)];
  const alone = medianRun(aloneRuns);
  const presented = medianRun(presentedRuns);
  const range = (runs: ReturnType<typeof run>[]) => `(rounds: ${runs.map((r) => r.perSecond).join(', ')})`;
  console.log(`\n(1) Answering module — ${SYSTEMS} systems × 3 aliases, ${ANSWER_RUNS} questions × 3 rounds, one core; index build ${ms(buildMs)}`);
  console.log(`    answerQuestion alone:      ${String(alone.perSecond).padStart(6)} answers/s   p50 ${ms(percentile(alone.all, 50))}   p99 ${ms(percentile(alone.all, 99))}   (goal ≥ 20000/s, p99 < 1 ms) ${range(aloneRuns)}`);
  console.log(`    with present() (wording):  ${String(presented.perSecond).padStart(6)} answers/s   p50 ${ms(percentile(presented.all, 50))}   p99 ${ms(percentile(presented.all, 99))} ${range(presentedRuns)}`);
  for (const [kind, times] of alone.byKind) {
    times.sort((a, b) => a - b);
    console.log(`      ${kind.padEnd(8)} n=${String(times.length).padStart(5)}  p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}`);
  }
}

interface Started {
  child: ChildProcess;
  url: string;
  /** From spawning the process to the line saying where it listens. */
  listeningMs: number;
  /** From spawning the process to the reply to its first question (the measure of start-up). */
  firstAnswerMs: number;
}

/**
 * Starts a server process, waits until it says where it listens and asks it one question: start-up
 * counts until that answer is back, as a user of a new instance would wait.
 */
async function startProcess(
  args: string[],
  env: Record<string, string>,
  urlOf: (line: string) => string | null,
  connector: StandInConnector,
  question: string,
): Promise<Started> {
  const began = performance.now();
  const { child, url } = await spawnServer(args, env, urlOf);
  const listeningMs = performance.now() - began;
  const activity = personalMessage(connector.url, question);
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the first question got no answer (HTTP ${response.status})`);
  await connector.replyTo(activity.id as string);
  return { child, url, listeningMs, firstAnswerMs: performance.now() - began };
}

function spawnServer(args: string[], env: Record<string, string>, urlOf: (line: string) => string | null): Promise<{ child: ChildProcess; url: string }> {
  // Both servers run compiled JavaScript, as in production (`npm run bench` builds first).
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (const line of buffer.split('\n')) {
        const url = urlOf(line);
        if (url) {
          child.stdout!.removeAllListeners('data');
          child.stdout!.resume();
          resolve({ child, url });
          return;
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${buffer}`)));
  });
}

/**
 * The start-up no bot on the specified libraries can beat: a process that loads botbuilder, restify
 * and adaptivecards-templating, prepares the answer card's template and expands it once, and exits.
 * The median of three runs, from spawning to exit.
 */
async function libraryFloorMs(): Promise<number> {
  const script = `
    import { readFileSync } from 'node:fs';
    await import('botbuilder');
    await import('restify');
    const { Template } = await import('adaptivecards-templating');
    new Template(JSON.parse(readFileSync('src/answers/cards/answer.json', 'utf8'))).expand({ $root: { title: 'x', facts: [], lines: [], items: [], choices: [], lang: 'da' } });
  `;
  const runs: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const began = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'inherit' });
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the library floor exited with ${code}`))));
    });
    runs.push(performance.now() - began);
  }
  return median(runs);
}

/** Stops a server with SIGTERM and waits until it has exited (the FKI Bot's instance lock is free again). */
async function stop(server: Started): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill();
  await exited;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU time (user + system) a process has used so far, in ms; Linux clock ticks are 10 ms. */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  /** CPU the server process used per request. */
  serverCpuUs: number;
  /** CPU this process (load generator + stand-in connector) used, as a share of one core. */
  driverLoad: number;
}

async function measure(url: string, pid: number, connector: StandInConnector, questions: string[]): Promise<LoadResult> {
  const serverBefore = await cpuMs(pid);
  const driverBefore = process.cpuUsage();
  const started = performance.now();
  const result = await load(url, connector, questions);
  const wallMs = performance.now() - started;
  const driver = process.cpuUsage(driverBefore);
  return {
    ...result,
    serverCpuUs: ((await cpuMs(pid)) - serverBefore) * 1000 / result.requests,
    driverLoad: (driver.user + driver.system) / 1000 / wallMs,
  };
}

/** Load for HTTP_SECONDS, or until `count` requests were sent. */
async function load(url: string, connector: StandInConnector, questions: string[], count = Infinity): Promise<{ rps: number; p50: number; p99: number; errors: number; requests: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + HTTP_SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline && next < count) {
      const activity = personalMessage(connector.url, questions[next++ % questions.length] as string);
      const t0 = performance.now();
      const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await response.arrayBuffer();
      // A question counts once its reply reached the connector: the bot answers the request first.
      if (response.status === 200) await connector.replyTo(activity.id as string);
      else errors += 1;
      latencies.push(performance.now() - t0);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, requests: latencies.length };
}

async function benchHttp(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fki-bench-'));
  const connector = await new StandInConnector().start();
  const data = generateRegistry(SYSTEMS);
  await writeFile(path.join(dataDir, 'registry.json'), JSON.stringify(data));
  const questions = questionMix(data, 5000).filter((q) => q.kind !== 'list').map((q) => q.text);
  const listening = (line: string) => {
    try {
      const parsed = JSON.parse(line) as { msg?: string; url?: string };
      return parsed.msg === 'FKI Bot is listening' && parsed.url ? parsed.url.replace(/\/api\/messages$/, '') : null;
    } catch {
      return null;
    }
  };
  const echoUrl = (line: string) => {
    try {
      return (JSON.parse(line) as { url?: string }).url ?? null;
    } catch {
      return null;
    }
  };
  const startFki = (nodeOptions: string[] = []) =>
    startProcess([...nodeOptions, ...FKI_NODE_OPTIONS, 'dist/bot/main.js'], { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' }, listening, connector, questions[0] as string);
  const startEcho = (nodeOptions: string[] = []) => startProcess([...nodeOptions, 'dist/bench/echoBot.js'], {}, echoUrl, connector, questions[0] as string);
  // Start-up and the first 2,000 requests, from fresh processes: what the first users of a new instance get.
  const fkiStarts: Started[] = [];
  const colds: Awaited<ReturnType<typeof load>>[] = [];
  let fkiRssAtStart = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = await startFki();
    fkiRssAtStart = await rssMb(started.child.pid!);
    colds.push(await load(started.url, connector, questions, 2000));
    fkiStarts.push(started);
    if (round < ROUNDS - 1) await stop(started);
  }
  const echoStarts: Started[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = await startEcho();
    echoStarts.push(started);
    if (round < ROUNDS - 1) await stop(started);
  }
  const fki = fkiStarts.at(-1) as Started;
  const echo = echoStarts.at(-1) as Started;
  try {
    // Warm both up, then measure them in turns with the same load.
    await load(fki.url, connector, questions.slice(0, 200));
    await load(echo.url, connector, questions.slice(0, 200));
    connector.clear();
    const fkiRuns: LoadResult[] = [];
    const echoRuns: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      fkiRuns.push(await measure(fki.url, fki.child.pid!, connector, questions));
      echoRuns.push(await measure(echo.url, echo.child.pid!, connector, questions));
    }
    const fkiRssAfter = await rssMb(fki.child.pid!);
    const echoRss = await rssMb(echo.child.pid!);
    const byRate = (runs: LoadResult[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as LoadResult;
    const [fkiResult, echoResult] = [byRate(fkiRuns), byRate(echoRuns)];
    const ratios = fkiRuns.map((run, round) => run.rps / (echoRuns[round] as LoadResult).rps);
    console.log(`\n(2) HTTP /api/messages — ${CONCURRENCY} concurrent clients, ${ROUNDS} rounds of ${HTTP_SECONDS} s each in turns, stand-in connector on 127.0.0.1 (median round shown)`);
    const line = (name: string, r: LoadResult) =>
      `    ${name.padEnd(9)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}   ` +
      `server CPU ${r.serverCpuUs.toFixed(0)} µs/request   load generator at ${(r.driverLoad * 100).toFixed(0)} % of a core   errors ${r.errors}`;
    console.log(line('FKI Bot', fkiResult));
    console.log(line('echo bot', echoResult));
    console.log(`    throughput ratio FKI/echo: ${median(ratios).toFixed(2)} ${range(ratios, 2)}   (goal ≥ 0.80)`);
    console.log(`    CPU-per-request ratio echo/FKI: ${(echoResult.serverCpuUs / fkiResult.serverCpuUs).toFixed(2)}   errors in all rounds: ${[...fkiRuns, ...echoRuns].reduce((sum, run) => sum + run.errors, 0)}`);

    console.log(`\n(3) Start-up and memory of the FKI Bot process with ${SYSTEMS} systems (median of ${ROUNDS} fresh starts each, all in brackets)`);
    const fkiFirst = fkiStarts.map((started) => started.firstAnswerMs);
    const echoFirst = echoStarts.map((started) => started.firstAnswerMs);
    console.log(`    start-up to the first answer: ${median(fkiFirst).toFixed(0)} ms ${range(fkiFirst)}; echo bot: ${median(echoFirst).toFixed(0)} ms ${range(echoFirst)}; ratio ${(median(fkiFirst) / median(echoFirst)).toFixed(2)}   (goal ≤ 1.5)`);
    console.log(`      of which to listening: ${median(fkiStarts.map((started) => started.listeningMs)).toFixed(0)} ms; echo bot: ${median(echoStarts.map((started) => started.listeningMs)).toFixed(0)} ms`);
    const floor = await libraryFloorMs();
    console.log(`      loading botbuilder, restify and adaptivecards-templating and expanding the answer card once, nothing else: ${floor.toFixed(0)} ms (${(floor / median(echoFirst)).toFixed(2)} × the echo bot's start-up)`);
    console.log(`    RSS at start: ${fkiRssAtStart.toFixed(0)} MB; after the load: ${fkiRssAfter.toFixed(0)} MB; echo bot after load: ${echoRss.toFixed(0)} MB; ratio ${(fkiRssAfter / echoRss).toFixed(2)}   (goal ≤ 2 and < 250 MB)`);
    const coldRates = colds.map((cold) => cold.rps);
    const slower = coldRates.map((rate) => fkiResult.rps / rate);
    console.log(`    first 2,000 requests after start: ${median(coldRates).toFixed(0)} req/s ${range(coldRates)}; steady: ${fkiResult.rps.toFixed(0)} req/s; steady/first ${median(slower).toFixed(2)} ${range(slower, 2)}   (goal ≤ 1.5)`);
  } finally {
    await stop(fki);
    await stop(echo);
  }
  try {
    await profileBoth(connector, questions, { fki: startFki, echo: startEcho });
  } finally {
    await connector.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * (4) Where the time goes: each server again, under a CPU profiler, warmed up and loaded as in (2);
 * main-thread CPU per request split by whose code it ran. The profiler slows both down a little,
 * so these figures are for comparing parts, not for throughput.
 */
async function profileBoth(
  connector: StandInConnector,
  questions: string[],
  starts: Record<'fki' | 'echo', (nodeOptions: string[]) => Promise<Started>>,
): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'fki-bench-profile-'));
  try {
    const perRequest = {} as Record<'fki' | 'echo', Map<Part, number>>;
    for (const name of ['fki', 'echo'] as const) {
      const profileDir = path.join(folder, name);
      const server = await starts[name]([`--cpu-prof`, `--cpu-prof-dir=${profileDir}`]);
      await load(server.url, connector, questions, 2000);
      const result = await load(server.url, connector, questions);
      // SIGTERM: the profile is written as the process exits.
      await stop(server);
      const [file] = await readdir(profileDir);
      if (file === undefined) throw new Error(`${name}: no CPU profile was written`);
      perRequest[name] = await cpuPerRequest(path.join(profileDir, file), HTTP_SECONDS * 1000, result.requests);
    }
    console.log(`\n(4) Where the time goes — main-thread CPU per request under the profiler, by whose code ran (self time)`);
    console.log(`    ${'part'.padEnd(32)} ${'FKI Bot'.padStart(9)} ${'echo bot'.padStart(9)} ${'difference'.padStart(11)}`);
    let fkiTotal = 0;
    let echoTotal = 0;
    for (const part of PARTS) {
      const fkiUs = perRequest.fki.get(part) ?? 0;
      const echoUs = perRequest.echo.get(part) ?? 0;
      fkiTotal += fkiUs;
      echoTotal += echoUs;
      console.log(`    ${part.padEnd(32)} ${`${fkiUs.toFixed(0)} µs`.padStart(9)} ${`${echoUs.toFixed(0)} µs`.padStart(9)} ${`${(fkiUs - echoUs).toFixed(0)} µs`.padStart(11)}`);
    }
    console.log(`    ${'all'.padEnd(32)} ${`${fkiTotal.toFixed(0)} µs`.padStart(9)} ${`${echoTotal.toFixed(0)} µs`.padStart(9)} ${`${(fkiTotal - echoTotal).toFixed(0)} µs`.padStart(11)}`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

console.log(`FKI Bot benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
benchAnswers();
await benchHttp();
await benchScale(ROOT);
await benchFlat();
process.exit(0);
