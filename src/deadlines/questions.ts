import { SystemMatcher } from '../registry/matcher.js';
import type { Registry } from '../registry/registry.js';
import type { SystemRecord } from '../registry/system.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases, type Word } from '../text/words.js';
import { addDays, daysBetween, type IsoDate } from '../time/calendarDate.js';
import type { Deadline } from './deadline.js';
import { DIGEST_WINDOWS } from './digest.js';

/** What a deadline question asks and what the registry answers. */
export type DeadlineAnswer =
  | { kind: 'upcoming'; items: Deadline[] }
  | { kind: 'new'; items: Deadline[] }
  | { kind: 'code'; code: string; items: Deadline[] }
  | { kind: 'solution'; solution: string; items: Deadline[] };

const DEADLINE_WORDS = new Set(phrases('frist frister fristen fristerne deadline deadlines klik opgave opgaver opgaverne task tasks')[0]);
const NEW = new PhraseIndex(
  phrases('hvad er nyt', 'nyt i klik', 'nye opgaver', 'nye klik', "what's new", 'whats new', 'what is new', 'new in klik', 'new tasks').map(
    (phrase) => [phrase, true] as [string[], true],
  ),
);

/** A KLIK code as compared: folded, without spaces or dots ("K04.1" → "k041", "MI 15" → "mi15"). */
function codeKey(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Only a question that names deadlines or KLIK is a deadline question; the rest is left to others. */
export function isDeadlineQuestion(words: readonly Word[]): boolean {
  return words.some((word) => DEADLINE_WORDS.has(word.folded));
}

/**
 * Answers "frister" (the next 14 days), "hvornår er fristen for K53?" (by code; the same code in
 * several solutions lists them all), "KLIK-opgaver for SAPA" (by solution) and "hvad er nyt i KLIK?".
 */
export function answerDeadlineQuestion(words: readonly Word[], registry: Registry, today: IsoDate): DeadlineAnswer {
  const deadlines = registry.deadlines;
  const byDeadline = (a: Deadline, b: Deadline) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.solution.localeCompare(b.solution, 'da');

  const code = codeIn(words, deadlines);
  const solution = solutionIn(words, deadlines, registry);
  if (code !== null) {
    const items = deadlines.filter((d) => d.code !== null && codeKey(d.code) === code.key && (solution === null || d.solution === solution));
    return { kind: 'code', code: code.typed, items: items.sort(byDeadline) };
  }
  if (NEW.has(words)) {
    const since = addDays(today, -DIGEST_WINDOWS.lookBack);
    return { kind: 'new', items: deadlines.filter((d) => d.published !== null && d.published >= since && d.published <= today).sort(byDeadline) };
  }
  if (solution !== null) return { kind: 'solution', solution, items: deadlines.filter((d) => d.solution === solution).sort(byDeadline) };
  const end = addDays(today, DIGEST_WINDOWS.dueAhead - 1);
  return { kind: 'upcoming', items: deadlines.filter((d) => d.deadline !== null && d.deadline >= today && d.deadline <= end).sort(byDeadline) };
}

/** Shaped like a KLIK code: letters, then digits ("k99", "mi15"); not a switch or a quarter. */
const CODE_SHAPE = /^[a-z]{1,5}\d{1,3}$/;
const NOT_CODES = new Set(['ch2', 'sts2', 'q1', 'q2', 'q3', 'q4']);

/**
 * A KLIK code in the question, written over one to three words ("K53", "MI 15", "K04.1"). A word
 * shaped like a code that no task has is returned too, so the answer can say that code is unknown.
 */
function codeIn(words: readonly Word[], deadlines: readonly Deadline[]): { key: string; typed: string } | null {
  const known = new Set(deadlines.filter((d) => d.code !== null).map((d) => codeKey(d.code!)));
  let unknown: { key: string; typed: string } | null = null;
  for (let length = 3; length >= 1; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      const part = words.slice(start, start + length);
      const key = part.map((word) => word.folded).join('');
      // A code has a digit: "klik" alone is the tool, not a task.
      if (!/\d/.test(key)) continue;
      if (known.has(key)) return { key, typed: part.map((word) => word.original).join(' ') };
      // Unknown codes are read narrowly: one word ("K99"), or capitals and a number ("MI 99"), never "for K99".
      const shaped = length === 1 || (length === 2 && /^\p{Lu}+$/u.test(part[0]!.original) && /^\d+$/.test(part[1]!.folded));
      if (shaped && CODE_SHAPE.test(key) && !NOT_CODES.has(key)) unknown ??= { key, typed: part.map((word) => word.original).join(' ') };
    }
  }
  return unknown;
}

const solutionMatchers = new WeakMap<Registry, SystemMatcher>();

/** The solution the question names, matched like system names (aliases, typos, æøå). */
function solutionIn(words: readonly Word[], deadlines: readonly Deadline[], registry: Registry): string | null {
  let matcher = solutionMatchers.get(registry);
  if (!matcher) {
    matcher = solutionMatcher(deadlines, registry);
    solutionMatchers.set(registry, matcher);
  }
  const mention = matcher.findMentions(words).mentions.find((m) => m.systems.length === 1 && m.score >= 0.85);
  return mention?.systems[0]?.name ?? null;
}

/** Solutions as names to match, with the aliases of the system of the same name. */
function solutionMatcher(deadlines: readonly Deadline[], registry: Registry): SystemMatcher {
  const solutions = [...new Set(deadlines.map((d) => d.solution))];
  const records: SystemRecord[] = solutions.map((name) => {
    const system = registry.find(name);
    return {
      name, fullName: system?.fullName ?? null, aliases: system?.aliases ?? [], owner: null, vendor: null, ch2Date: null, sts2Date: null,
      status: null, source: null, note: null, updatedAt: null,
    };
  });
  return new SystemMatcher(records);
}

/** Days from today to a deadline, for "om 3 dage". */
export function daysUntil(deadline: Deadline, today: IsoDate): number | null {
  return deadline.deadline === null ? null : daysBetween(today, deadline.deadline);
}
