import { readFile } from 'node:fs/promises';

/** The parts of a server's work that a request's time is split into. */
export const PARTS = [
  'FKI Bot code',
  'card templating',
  'botbuilder + Azure SDK',
  'restify',
  'Node.js (HTTP, streams, timers)',
  'garbage collection',
  'other',
] as const;
export type Part = (typeof PARTS)[number];

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the work a function belongs to, by the file it is in. */
function partOf(functionName: string, url: string): Part {
  if (functionName === '(garbage collector)') return 'garbage collection';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg === undefined) {
    if (/\/dist\/(src|bot|cards)\//.test(url)) return 'FKI Bot code';
    if (url.startsWith('node:')) return 'Node.js (HTTP, streams, timers)';
    return 'other';
  }
  if (pkg === 'adaptivecards-templating' || pkg === 'adaptive-expressions' || pkg === 'antlr4ts' || pkg === 'lodash') return 'card templating';
  if (/^(botbuilder|botframework-|@azure\/|@typespec\/)/.test(pkg)) return 'botbuilder + Azure SDK';
  if (pkg === 'restify' || pkg === 'find-my-way' || pkg === 'formidable') return 'restify';
  return 'other';
}

/**
 * Main-thread CPU time per request of a V8 CPU profile (`node --cpu-prof`), split into parts, over
 * its last `windowMs` (the measured load; start-up and warm-up before it are left out). Each sample
 * counts for the part of the function it was taken in (self time); idle time is not counted.
 */
export async function cpuPerRequest(file: string, windowMs: number, requests: number): Promise<Map<Part, number>> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const parts = new Map<number, Part | null>();
  for (const node of profile.nodes) {
    const { functionName, url } = node.callFrame;
    parts.set(node.id, functionName === '(idle)' || functionName === '(program)' ? null : partOf(functionName, url));
  }
  const total = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  const from = total - windowMs * 1000;
  const perPart = new Map<Part, number>(PARTS.map((part) => [part, 0]));
  let at = 0;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    // A sample stands for the time until the next one.
    const lasted = profile.timeDeltas[index + 1] ?? 0;
    const part = parts.get(id);
    if (at < from || !part) return;
    perPart.set(part, (perPart.get(part) ?? 0) + lasted);
  });
  for (const [part, micros] of perPart) perPart.set(part, micros / requests);
  return perPart;
}
