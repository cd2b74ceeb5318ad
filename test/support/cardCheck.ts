import { createRequire } from 'node:module';

// adaptivecards' package entry cannot be loaded by Node's ESM loader; its bundled build can.
const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bundle ships no type declarations for this entry
const AC: any = require('adaptivecards/dist/adaptivecards.js');

interface ValidationEvent {
  message: string;
}

/**
 * Problems the official Adaptive Cards parser finds in a card (unknown element or action types,
 * bad enum values, duplicate ids), properties it does not know (they vanish when it serialises the
 * card again), and our own rules: version 1.5 and no raw "${".
 */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (JSON.stringify(card).includes('${')) problems.push('card shows a raw ${...}');
  const version = (card as { version?: unknown }).version;
  if (version !== '1.5') problems.push(`version is ${String(version)}, not 1.5`);

  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let index = 0; index < context.eventCount; index += 1) {
    problems.push(`parse: ${(context.getEventAt(index) as ValidationEvent).message}`);
  }
  const report = parsed.validateProperties() as { validationEvents: ValidationEvent[] };
  for (const event of report.validationEvents) problems.push(`validate: ${event.message}`);
  problems.push(...unknownProperties(card, parsed.toJSON(), '$').filter((path) => !knownWhenFilled(card, path)));
  return problems;
}

/** Serialises a card again as the official library does. */
function reserialise(card: unknown): unknown {
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, new AC.SerializationContext());
  return parsed.toJSON();
}

/**
 * The library leaves out properties that hold their empty default (an input's `value: ""`). Such a
 * property is known if it survives when it holds something: probe it with a value of its type.
 */
function knownWhenFilled(card: unknown, problem: string): boolean {
  const path = /^unknown property (\$.*)$/.exec(problem)?.[1];
  if (!path) return false;
  const steps = [...path.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
  const probe = structuredClone(card) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = probe;
  for (const step of steps.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const key = steps[steps.length - 1] as string;
  const value = node[key];
  if (value !== '' && value !== false && value !== 0) return false;
  node[key] = typeof value === 'string' ? 'probe' : typeof value === 'number' ? 1 : true;
  let copy: unknown = reserialise(probe);
  for (const step of steps.slice(0, -1)) copy = (copy as Record<string | number, unknown> | undefined)?.[step];
  return typeof copy === 'object' && copy !== null && key in copy;
}

// Keys the parser drops on purpose although they are valid.
const IGNORED_KEYS = new Set(['$schema']);

function unknownProperties(original: unknown, serialised: unknown, path: string): string[] {
  if (Array.isArray(original)) {
    const list = Array.isArray(serialised) ? serialised : [];
    return original.flatMap((item, index) => unknownProperties(item, list[index], `${path}[${index}]`));
  }
  if (typeof original !== 'object' || original === null) return [];
  const source = original as Record<string, unknown>;
  const copy = (typeof serialised === 'object' && serialised !== null ? serialised : {}) as Record<string, unknown>;
  // `data` of an action is free-form: whatever the bot puts there comes back to it.
  return Object.keys(source).flatMap((key) => {
    if (IGNORED_KEYS.has(key)) return [];
    if (!(key in copy) && key !== 'fallback') return [`unknown property ${path}.${key}`];
    if (key === 'data') return [];
    // The parser keeps an action's fallback aside instead of serialising it: check it as an action of its own.
    if (key === 'fallback' && typeof source[key] === 'object') {
      const wrapped = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'ActionSet', actions: [source[key]] }] };
      return cardProblems(wrapped).map((problem) => `${path}.fallback: ${problem}`);
    }
    return unknownProperties(source[key], copy[key], `${path}.${key}`);
  });
}
