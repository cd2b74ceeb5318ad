import { z } from 'zod';
import { DEADLINE_KINDS, KLIK_STATUSES, type Deadline } from '../deadlines/deadline.js';
import { parseCalendarDate } from '../time/calendarDate.js';
import { SWITCH_STATUSES, type SystemRecord } from './system.js';
import { hasInvisible } from '../text/plainText.js';

/** The years a switch date or a deadline can fall in; anything else is a typo (0001, 9999). */
export const YEAR_RANGE = { first: 2000, last: 2100 } as const;

/**
 * One way to write a code: "k-53", "K 53" and "K53" are K53; "klik-01" is "KLIK 01" (a one-letter
 * prefix is written without a space, a word with one, as KOMBIT writes them). Other codes: trimmed.
 */
export function canonicalCode(code: string): string {
  const match = /^([a-zæøå]+)[\s._-]*(\d+)$/iu.exec(code.trim());
  if (!match) return code.trim().replace(/\s+/g, ' ');
  const prefix = match[1]!.toLocaleUpperCase('da');
  return `${prefix}${prefix.length > 1 ? ' ' : ''}${match[2]}`;
}

/**
 * Validation of systems and deadlines from any source (JSON, CSV, later the SharePoint list).
 * Every problem carries a stable code (see i18n) and the field it is about.
 */
export type RecordProblemCode =
  | 'REQUIRED'
  | 'NOT_TEXT'
  | 'TOO_LONG'
  | 'INVALID_DATE'
  | 'INVALID_STATUS'
  | 'INVALID_KIND'
  | 'INVALID_URL'
  | 'INVALID_TIMESTAMP'
  | 'UNKNOWN_FIELD'
  | 'DATE_REQUIRED_FOR_STATUS'
  | 'INVALID_KLIK_STATUS'
  | 'KLIK_STATUS_NOT_KLIK'
  | 'PUBLISHED_BUT_NOT_PUBLISHED'
  | 'PERIOD_WITHOUT_END'
  | 'PERIOD_REVERSED'
  | 'NOT_A_RECORD'
  | 'DATE_OUT_OF_RANGE'
  | 'INVISIBLE_CHARACTER';

export interface RecordProblem {
  field: string | null;
  code: RecordProblemCode;
  value?: string;
}

export const LIMITS = { name: 100, fullName: 200, alias: 100, aliases: 30, text: 500, note: 1000, title: 300 } as const;

const blankToNull = (value: unknown): unknown =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? null : value;

/** No control, bidi or zero-width character ("SA\u200BPA" would look like SAPA; ESC drives a terminal). */
const visible = (text: string) => !hasInvisible(text);
/** A note may run over lines; nothing else in it may be invisible. */
const visibleNote = (text: string) => !hasInvisible(text.replace(/\r?\n|\t/g, ' '));

const optionalText = (max: number, check: (text: string) => boolean = visible) =>
  z.preprocess(blankToNull, z.string({ error: 'NOT_TEXT' }).trim().max(max, { error: 'TOO_LONG' }).refine(check, { error: 'INVISIBLE_CHARACTER' }).nullable());

const requiredText = (max: number) =>
  z.preprocess(
    blankToNull,
    z.string({ error: (issue) => (issue.input === null ? 'REQUIRED' : 'NOT_TEXT') }).trim().max(max, { error: 'TOO_LONG' }).refine(visible, { error: 'INVISIBLE_CHARACTER' }),
  );

const calendarDate = z.preprocess(
  blankToNull,
  z
    .string({ error: 'INVALID_DATE' })
    .nullable()
    .transform((value, ctx) => {
      if (value === null) return null;
      const day = parseCalendarDate(value);
      if (day === null) {
        ctx.addIssue({ code: 'custom', message: 'INVALID_DATE' });
        return z.NEVER;
      }
      const year = Number(day.slice(0, 4));
      if (year < YEAR_RANGE.first || year > YEAR_RANGE.last) {
        ctx.addIssue({ code: 'custom', message: 'DATE_OUT_OF_RANGE' });
        return z.NEVER;
      }
      return day;
    }),
);

const aliases = z.preprocess(
  (value) => {
    const blank = blankToNull(value);
    if (blank === null) return [];
    return typeof blank === 'string' ? blank.split('|') : blank;
  },
  z
    .array(z.string({ error: 'NOT_TEXT' }).trim().max(LIMITS.alias, { error: 'TOO_LONG' }).refine(visible, { error: 'INVISIBLE_CHARACTER' }), { error: 'NOT_TEXT' })
    .max(LIMITS.aliases, { error: 'TOO_LONG' })
    .transform((list) => [...new Set(list.filter((alias) => alias !== ''))]),
);

const timestamp = z.preprocess(blankToNull, z.iso.datetime({ offset: true, error: 'INVALID_TIMESTAMP' }).nullable());

const systemSchema = z
  .strictObject(
    {
      name: requiredText(LIMITS.name),
      fullName: optionalText(LIMITS.fullName),
      aliases,
      owner: optionalText(LIMITS.name),
      vendor: optionalText(LIMITS.name),
      ch2Date: calendarDate,
      sts2Date: calendarDate,
      status: z.preprocess(blankToNull, z.enum(SWITCH_STATUSES, { error: 'INVALID_STATUS' }).nullable()),
      source: optionalText(LIMITS.text),
      note: optionalText(LIMITS.note, visibleNote),
      updatedAt: timestamp,
    },
    { error: 'NOT_A_RECORD' },
  )
  .superRefine((system, ctx) => {
    const needsDate = system.status === 'planned' || system.status === 'switched';
    if (needsDate && system.ch2Date === null && system.sts2Date === null) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'DATE_REQUIRED_FOR_STATUS' });
    }
  });

const deadlineSchema = z
  .strictObject(
  {
    solution: requiredText(LIMITS.name),
    code: optionalText(LIMITS.name).transform((code) => (code === null ? null : canonicalCode(code))),
    kind: z.preprocess(blankToNull, z.enum(DEADLINE_KINDS, { error: 'INVALID_KIND' })),
    title: requiredText(LIMITS.title),
    published: calendarDate,
    from: calendarDate,
    deadline: calendarDate,
    url: z.preprocess(
      blankToNull,
      z.url({ protocol: /^https?$/, error: 'INVALID_URL' }).max(LIMITS.text, { error: 'TOO_LONG' }).nullable(),
    ),
    source: optionalText(LIMITS.text),
    klikStatus: z.preprocess(blankToNull, z.enum(KLIK_STATUSES, { error: 'INVALID_KLIK_STATUS' }).nullable().default(null)),
    note: optionalText(LIMITS.note, visibleNote),
  },
  { error: 'NOT_A_RECORD' },
  )
  .superRefine((deadline, ctx) => {
    if (deadline.klikStatus !== null && deadline.kind !== 'klik') {
      ctx.addIssue({ code: 'custom', path: ['klikStatus'], message: 'KLIK_STATUS_NOT_KLIK' });
    }
    // A task KLIK has not published cannot have a publication date: one of the two is wrong.
    if (deadline.klikStatus === 'not-published' && deadline.published !== null) {
      ctx.addIssue({ code: 'custom', path: ['published'], message: 'PUBLISHED_BUT_NOT_PUBLISHED' });
    }
    // A period needs its last day, and starts before it ends; ISO days compare as strings.
    if (deadline.from !== null && deadline.deadline === null) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'PERIOD_WITHOUT_END' });
    }
    if (deadline.from !== null && deadline.deadline !== null && deadline.from > deadline.deadline) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'PERIOD_REVERSED' });
    }
  });

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: RecordProblem[] };

function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.flatMap((issue): RecordProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: key, code: 'UNKNOWN_FIELD' }));
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : null;
    const raw = field !== null && typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field] : undefined;
    const problem: RecordProblem = { field, code: issue.message as RecordProblemCode };
    if (typeof raw === 'string' && raw.trim() !== '') problem.value = raw;
    return [problem];
  });
  return { ok: false, problems };
}

/** Reads one system record from untrusted input; missing optional fields become null. */
export function parseSystem(input: unknown): Parsed<SystemRecord> {
  return parseWith(systemSchema, input) as Parsed<SystemRecord>;
}

/** Reads one deadline from untrusted input. */
export function parseDeadline(input: unknown): Parsed<Deadline> {
  return parseWith(deadlineSchema, input) as Parsed<Deadline>;
}

export const SYSTEM_FIELDS = Object.keys(systemSchema.shape) as (keyof SystemRecord)[];
export const DEADLINE_FIELDS = Object.keys(deadlineSchema.shape) as (keyof Deadline)[];
