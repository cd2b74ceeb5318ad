import { z } from 'zod';
import { parseCalendarDate, type IsoDate } from '../time/calendarDate.js';
/** What a vendor can answer about the switch. */
export const ANSWER_STATUSES = ['planned', 'switched', 'not-applicable', 'undecided'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** The earliest and latest days a vendor may give: CH2 went live in 2023; nothing is planned past 2035. */
export const EARLIEST_DAY = '2022-12-01';
export const LATEST_DAY = '2035-12-31';

export const ANSWER_LIMITS = { vendor: 100, contactName: 100, contactEmail: 254, comment: 1000 } as const;

export const ANSWER_FIELDS = ['status', 'ch2Date', 'sts2Date', 'vendor', 'contactName', 'contactEmail', 'comment'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

export type AnswerProblem =
  | 'STATUS_REQUIRED'
  | 'DATE_REQUIRED'
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'SWITCHED_IN_FUTURE'
  | 'INVALID_EMAIL'
  | 'TOO_LONG'
  | 'VENDOR_REQUIRED';

/** What was typed, kept as typed so a form can be shown again with it. */
export type AnswerInput = Record<AnswerField, string>;

/** A vendor's answer once checked: the fields every stored answer has. */
export interface ValidAnswer {
  status: AnswerStatus;
  ch2Date: IsoDate | null;
  sts2Date: IsoDate | null;
  vendor: string | null;
  contactName: string | null;
  contactEmail: string | null;
  comment: string | null;
}

export type AnswerCheck = { ok: true; value: ValidAnswer } | { ok: false; problems: Partial<Record<AnswerField, AnswerProblem>> };

// Control characters other than line breaks are dropped: the text is shown as plain text elsewhere.
const plain = (value: string) => value.replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '').trim();

/** Reads the fields of a form or card (anything else is ignored) into strings. */
export function answerInputOf(data: Record<string, unknown>): AnswerInput {
  const input = {} as AnswerInput;
  for (const field of ANSWER_FIELDS) {
    const value = data[field];
    input[field] = typeof value === 'string' ? plain(value) : '';
  }
  return input;
}

const email = z.email();

/**
 * Checks a vendor's answer. A date is needed for planned and switched; dates are real days within
 * [EARLIEST_DAY, LATEST_DAY]; "already switched" cannot lie in the future; the vendor's name is needed
 * when the registry has none.
 */
export function checkAnswer(input: AnswerInput, today: IsoDate, vendorRequired: boolean): AnswerCheck {
  const problems: Partial<Record<AnswerField, AnswerProblem>> = {};
  const status = ANSWER_STATUSES.find((candidate) => candidate === input.status);
  if (!status) problems.status = 'STATUS_REQUIRED';

  const dates: Partial<Record<'ch2Date' | 'sts2Date', IsoDate>> = {};
  for (const field of ['ch2Date', 'sts2Date'] as const) {
    if (input[field] === '') continue;
    const day = parseCalendarDate(input[field]);
    if (day === null) problems[field] = 'INVALID_DATE';
    else if (day < EARLIEST_DAY || day > LATEST_DAY) problems[field] = 'DATE_OUT_OF_RANGE';
    else if (status === 'switched' && day > today) problems[field] = 'SWITCHED_IN_FUTURE';
    else dates[field] = day;
  }
  const needsDate = status === 'planned' || status === 'switched';
  if (needsDate && input.ch2Date === '' && input.sts2Date === '') problems.ch2Date = 'DATE_REQUIRED';

  for (const field of ['vendor', 'contactName', 'contactEmail', 'comment'] as const) {
    if (input[field].length > ANSWER_LIMITS[field]) problems[field] = 'TOO_LONG';
  }
  if (!problems.contactEmail && input.contactEmail !== '' && !email.safeParse(input.contactEmail).success) {
    problems.contactEmail = 'INVALID_EMAIL';
  }
  if (!problems.vendor && vendorRequired && input.vendor === '') problems.vendor = 'VENDOR_REQUIRED';

  if (Object.keys(problems).length > 0 || !status) return { ok: false, problems };
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    ok: true,
    value: {
      status,
      ch2Date: dates.ch2Date ?? null,
      sts2Date: dates.sts2Date ?? null,
      vendor: orNull(input.vendor),
      contactName: orNull(input.contactName),
      contactEmail: orNull(input.contactEmail),
      comment: orNull(input.comment),
    },
  };
}
