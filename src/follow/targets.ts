import type { Deadline } from '../deadlines/deadline.js';
import { deadlineKey } from '../deadlines/deadline.js';
import { codeKey } from '../deadlines/questions.js';
import type { Registry } from '../registry/registry.js';
import { solutionAliases } from '../registry/solutionNames.js';
import { nameKey } from '../registry/system.js';
import { splitWords } from '../text/words.js';
import type { FollowTarget } from './follows.js';

/** What the words of "følg …" name: one target, several tasks of one code (ambiguous), or nothing known. */
export type Resolved = { found: FollowTarget } | { ambiguous: FollowTarget[] } | { unknown: string };

/**
 * The target the words name: a KLIK task by its code ("K53", "KLIK 53", "SAPA K53"), a system by any
 * name the registry knows for it, or a solution of the deadlines by its name or another name of it.
 */
export function resolveTarget(registry: Registry, words: string): Resolved {
  const text = words.trim().replace(/^["“”'«]+|["“”'»?.!]+$/g, '').trim();
  if (text === '') return { unknown: words };

  const wanted = codeKey(text);
  if (wanted !== '') {
    const tasks = registry.deadlines.filter((deadline): deadline is Deadline & { code: string } => deadline.code !== null && deadline.kind === 'klik');
    const withSolution = tasks.filter((task) => codeKey(`${task.solution} ${task.code}`) === wanted);
    let byCode = withSolution.length > 0 ? withSolution : tasks.filter((task) => codeKey(task.code) === wanted);
    // "KLIK 53" for SAPA's K53, "K5" for UDK's KLIK 05: people say "KLIK" and "K" alike.
    if (byCode.length === 0 && KLIK_PREFIX.test(wanted)) byCode = tasks.filter((task) => unprefixed(codeKey(task.code)) === unprefixed(wanted));
    const targets = byCode.map(taskTarget);
    if (targets.length === 1) return { found: targets[0]! };
    if (targets.length > 1) return { ambiguous: targets };
  }

  const system = registry.find(text) ?? namedSystem(registry, text);
  if (system) return { found: { kind: 'system', id: nameKey(system.name), name: system.name } };

  const solution = solutionNamed(registry, text);
  if (solution !== null) return { found: { kind: 'solution', id: nameKey(solution), name: solution } };
  return { unknown: text };
}

const KLIK_PREFIX = /^(?:klik|k)\d/;
const unprefixed = (key: string) => (KLIK_PREFIX.test(key) ? key.replace(/^(?:klik|k)/, '') : null);

/** A KLIK task as a target. */
export function taskTarget(task: Pick<Deadline, 'solution' | 'code' | 'title' | 'deadline'> & { code: string }): FollowTarget {
  return { kind: 'task', id: deadlineKey(task), solution: task.solution, code: task.code };
}

/** The one system the whole text names (any alias, a typo), or none. */
function namedSystem(registry: Registry, text: string) {
  const words = splitWords(text);
  const { mentions, rest } = registry.matcher.findMentions(words);
  if (mentions.length !== 1 || rest.length > 0) return undefined;
  const [mention] = mentions;
  return mention && mention.systems.length === 1 ? mention.systems[0] : undefined;
}

/** The solution of the deadlines the text names, by its name or one of its other names. */
function solutionNamed(registry: Registry, text: string): string | null {
  const wanted = nameKey(splitWords(text).map((word) => word.folded).join(' '));
  const fold = (name: string) => splitWords(name).map((word) => word.folded).join(' ');
  for (const solution of new Set(registry.deadlines.map((deadline) => deadline.solution))) {
    if ([solution, ...solutionAliases(solution)].some((name) => fold(name) === wanted)) return solution;
  }
  return null;
}

/** The dated items a target covers: the task, every item of the solution, the items of a system's own solution. */
export function deadlinesOf(registry: Registry, target: FollowTarget): Deadline[] {
  if (target.kind === 'task') return registry.deadlines.filter((deadline) => deadline.code !== null && deadlineKey(deadline) === target.id);
  return registry.deadlines.filter((deadline) => nameKey(deadline.solution) === target.id);
}
