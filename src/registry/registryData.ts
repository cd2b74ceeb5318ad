import { z } from 'zod';
import type { Deadline } from '../deadlines/deadline.js';
import { formatDay } from '../i18n/format.js';
import type { SystemRecord } from './system.js';

/** The registry as it is stored: KOMBIT's systems and the deadlines of the room. */
export interface RegistryData {
  systems: SystemRecord[];
  deadlines: Deadline[];
}

export function emptyRegistryData(): RegistryData {
  return { systems: [], deadlines: [] };
}

/** The provenance older versions wrote for an approved answer, naming the vendor's contact and the admin. */
const NAMED_APPROVAL = /^Leverandørens svar \(.*\), godkendt af .* (\d{4}-\d{2}-\d{2})$/s;

/**
 * Data as stored by an older version, brought to today's shape: deadlines written before KLIK
 * status existed have none (unknown), never a guessed one; an approval's provenance names
 * organisations, not the people (who stay in the survey history).
 */
export function normaliseRegistryData(data: { systems?: SystemRecord[]; deadlines?: Partial<Deadline>[] }): RegistryData {
  return {
    systems: (data.systems ?? []).map((system) => {
      const approvedOn = system.source?.match(NAMED_APPROVAL)?.[1];
      return approvedOn ? { ...system, source: `Leverandørens svar, godkendt af KOMBIT ${formatDay(approvedOn, 'da')}` } : system;
    }),
    deadlines: (data.deadlines ?? []).map((deadline) => ({ ...deadline, klikStatus: deadline.klikStatus ?? null, from: deadline.from ?? null, note: deadline.note ?? null }) as Deadline),
  };
}

/** A stored registry read back: its usable records, and the ones left out (which, why); or why it is no registry. */
export type StoredRegistryCheck = { ok: true; value: RegistryData; leftOut: string[] } | { ok: false; reason: string };

/** What a stored record needs at least for the bot to use it; the rest is as the importer checked it. */
const storedSystem = z.looseObject({
  name: z.string().trim().min(1),
  aliases: z.array(z.string()).optional(),
  ch2Date: z.string().nullable().optional(),
  sts2Date: z.string().nullable().optional(),
});
const storedDeadline = z.looseObject({ solution: z.string().trim().min(1), title: z.string(), deadline: z.string().nullable().optional() });

/**
 * Checks a stored registry (parsed JSON, written by this version or an older one): records that are
 * not records (null, no name) are left out and named; the rest is brought to today's shape. Not a
 * registry at all (no `systems` list) is a reason, for the store to set the file aside.
 */
export function checkStoredRegistry(value: unknown): StoredRegistryCheck {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { systems?: unknown }).systems)) {
    return { ok: false, reason: 'not a registry: no "systems" list' };
  }
  const { systems, deadlines } = value as { systems: unknown[]; deadlines?: unknown };
  if (deadlines !== undefined && !Array.isArray(deadlines)) return { ok: false, reason: 'not a registry: "deadlines" is not a list' };
  const leftOut: string[] = [];
  const records = {
    ...(value as object),
    systems: validRecords(systems, storedSystem, 'system', leftOut),
    deadlines: validRecords(deadlines ?? [], storedDeadline, 'deadline', leftOut),
  } as unknown as RegistryData;
  return { ok: true, value: normaliseRegistryData(records), leftOut };
}

function validRecords<T>(list: unknown[], shape: z.ZodType<T>, kind: string, leftOut: string[]): T[] {
  const kept: T[] = [];
  list.forEach((record, index) => {
    const checked = shape.safeParse(record);
    if (checked.success) kept.push(record as T);
    else leftOut.push(`${kind} #${index + 1}: ${record === null ? 'null' : checked.error.issues.map((issue) => issue.path.join('.') || 'record').join(', ')}`);
  });
  return kept;
}
