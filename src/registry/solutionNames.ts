import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { nameKey } from './system.js';

/** A solution the deadlines name that is no system of the registry, and the other names people type for it. */
export interface SolutionName {
  name: string;
  aliases: string[];
}

const SOLUTION_NAMES = new URL('./solutionNames.json', import.meta.url);

const schema = z.object({
  solutions: z.array(z.strictObject({ name: z.string().trim().min(1).max(100), aliases: z.array(z.string().trim().min(1).max(100)) })),
});

let byKey: Map<string, SolutionName> | null = null;

/** The shipped solution names, validated once. */
export function solutionNames(): readonly SolutionName[] {
  return [...solutionIndex().values()];
}

function solutionIndex(): Map<string, SolutionName> {
  if (!byKey) {
    const parsed = schema.parse(JSON.parse(readFileSync(SOLUTION_NAMES, 'utf8')));
    byKey = new Map(parsed.solutions.map((solution) => [nameKey(solution.name), solution]));
  }
  return byKey;
}

/** The other names of a solution that is no system ("Begravelseshjælp" for "UDK Begravelseshjælp"); none when unknown. */
export function solutionAliases(name: string): string[] {
  return solutionIndex().get(nameKey(name))?.aliases ?? [];
}
