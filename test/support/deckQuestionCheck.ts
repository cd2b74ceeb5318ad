/**
 * What a reader of KOMBIT's deck expects of an answer, checked mechanically: every expected date in
 * one of the forms the bot writes dates in, every expected fact as written, nothing it must not say,
 * and, where the deck does not know, the answer saying so (or saying it did not understand).
 */
export interface DeckExpectation {
  /** ISO days the answer must show. */
  dates: string[];
  /** Texts the answer must show (case is ignored). */
  facts: (string | number)[];
  /** ISO days or texts the answer must not show. */
  mustNot: string[];
  /** The deck does not know: the answer must say it is not known. */
  unknown: boolean;
  /** ...or may say it did not understand the question. */
  declineOk: boolean;
}

export interface DeckQuestion {
  id: string;
  lang: 'da' | 'en';
  asOf: string;
  q: string;
  expect: DeckExpectation;
  why: string;
  /** "failing – <why>": a question the bot does not answer right yet; the test lists it and skips it. */
  known?: string;
}

const DA_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The ways an answer may write an ISO day. */
export function dayForms(iso: string): string[] {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const da = DA_MONTHS[month - 1]!;
  const en = EN_MONTHS[month - 1]!;
  return [iso, `${day}. ${da} ${year}`, `${day}. ${da}`, `${day} ${en} ${year}`, `${day} ${en}`, `${en} ${day}`, `${day}/${month}`, `${day}.${month}.`];
}

const showsDay = (text: string, iso: string) => dayForms(iso).some((form) => text.toLowerCase().includes(form.toLowerCase()));
const SAYS_UNKNOWN = /ukendt|ikke kendt|kender ikke|ved ikke|ingen dato|not known|unknown|don't know|do not know|no date|not in|fremgår ikke|ikke oplyst|not given|ikke angivet|har ingen|i have no/i;
const SAYS_NOT_UNDERSTOOD = /didn't quite|forstod ikke|understand|forstå/i;
const ISO_DAY = /^\d{4}-\d\d-\d\d$/;

/** Why an answer falls short of the expectation; empty when it meets it. */
export function deckAnswerProblems(answer: string, expect: DeckExpectation): string[] {
  const problems: string[] = [];
  const lower = answer.toLowerCase();
  for (const day of expect.dates) if (!showsDay(answer, day)) problems.push(`missing date ${day}`);
  for (const fact of expect.facts) if (!lower.includes(String(fact).toLowerCase())) problems.push(`missing fact ${String(fact)}`);
  for (const wrong of expect.mustNot) {
    if (ISO_DAY.test(wrong) ? showsDay(answer, wrong) : lower.includes(wrong.toLowerCase())) problems.push(`has mustNot ${wrong}`);
  }
  if (expect.unknown && !expect.declineOk && !SAYS_UNKNOWN.test(answer)) problems.push('does not say unknown');
  if (expect.unknown && expect.declineOk && !SAYS_UNKNOWN.test(answer) && !SAYS_NOT_UNDERSTOOD.test(answer)) problems.push('neither unknown nor decline');
  return problems;
}
