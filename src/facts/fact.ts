import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ASKED_KINDS, type AskedKind } from './askedKind.js';

/**
 * A fact of a source that is not a dated item: a price, a reason, a count, a contact, a link. The
 * bot answers a question about it with the source's own sentence (`text`, Danish) and its source.
 */
export interface DeckFact {
  /** Stable slug, e.g. 'dos-price-per-citizen'. */
  id: string;
  /** The registry name of the solution, system or topic ('DOS', 'FK Organisation', 'Buddyordning', 'Context Handler 2'). */
  subject: string;
  /** Words a question about it would contain, Danish and English, lower case ('pris', 'koster', 'øre', 'price', 'cost'). */
  keywords: string[];
  /** The source's own sentence(s), Danish. */
  text: string;
  /** An English rendering. */
  textEn: string;
  /** 'KOMBIT programledermøde januar 2025'. */
  source: string;
  url: string | null;
  /** YYYY-MM-DD when the fact is about one day, else null. */
  day: string | null;
  /** What it tells beside its text's own days and numbers: 'who' when it names people or organisations. */
  tells?: AskedKind[];
  /** What its words seem to tell but do not: "i løbet af 2025" is no day on which the new solution is ready. */
  doesNotTell?: AskedKind[];
}

export const DECK_FACTS = new URL('./deckFacts.json', import.meta.url);

const isDay = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

const factSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  subject: z.string().trim().min(1).max(100),
  keywords: z
    .array(z.string().min(1).max(60).refine((word) => word === word.toLocaleLowerCase('da'), { message: 'keywords are lower case' }))
    .min(1),
  text: z.string().trim().min(1).max(2000),
  textEn: z.string().trim().min(1).max(2000),
  source: z.string().trim().min(1).max(300),
  url: z.url({ protocol: /^https?$|^mailto$/ }).nullable(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isDay, { message: 'not a calendar day' }).nullable(),
  tells: z.array(z.enum(ASKED_KINDS)).optional(),
  doesNotTell: z.array(z.enum(ASKED_KINDS)).optional(),
});

const factsSchema = z.array(factSchema).superRefine((facts, ctx) => {
  const seen = new Set<string>();
  for (const [at, fact] of facts.entries()) {
    if (seen.has(fact.id)) ctx.addIssue({ code: 'custom', path: [at, 'id'], message: `duplicate id ${fact.id}` });
    seen.add(fact.id);
  }
});

/** Reads and validates a facts file; throws with every problem when it is invalid. */
export function readDeckFacts(file: URL = DECK_FACTS): DeckFact[] {
  const parsed = factsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`The deck facts in ${file.pathname} are invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

let cached: readonly DeckFact[] | null = null;

/** The facts of KOMBIT's January 2025 deck that are not dates, validated once and kept. */
export function deckFacts(): readonly DeckFact[] {
  cached ??= Object.freeze(readDeckFacts().map((fact) => Object.freeze({ ...fact, keywords: Object.freeze([...fact.keywords]) as string[] })));
  return cached;
}
