import type { ImportProblem } from '../registry/importer.js';
import type { FileProblemCode } from '../registry/importFormats.js';
import type { Lang } from './language.js';

type ProblemCode = ImportProblem['code'] | FileProblemCode | 'FILE_NOT_FOUND';

const TEXTS: Record<Lang, Record<ProblemCode, string>> = {
  da: {
    REQUIRED: 'skal udfyldes',
    NOT_TEXT: 'skal være tekst',
    TOO_LONG: 'er for lang',
    INVALID_DATE: 'er ikke en gyldig dato (skriv fx 2025-01-21, 21-01-2025, 21.01.2025 eller 21/01/2025)',
    INVALID_STATUS: 'skal være switched, planned, unknown eller not-applicable',
    INVALID_KIND: 'skal være klik, agreement eller event',
    INVALID_URL: 'skal være en http- eller https-adresse',
    INVALID_TIMESTAMP: 'skal være et tidspunkt som 2025-01-21T10:00:00Z',
    UNKNOWN_FIELD: 'er ikke et felt, jeg kender',
    DATE_REQUIRED_FOR_STATUS: 'planned og switched kræver en CH2- eller STS2-dato',
    INVALID_KLIK_STATUS: 'skal være published eller not-published',
    KLIK_STATUS_NOT_KLIK: 'kun KLIK-opgaver (kind klik) har en KLIK-status',
    PUBLISHED_BUT_NOT_PUBLISHED: 'en opgave der ikke er publiceret i KLIK, kan ikke have en publiceringsdato',
    PERIOD_WITHOUT_END: 'en periode (from) skal også have en slutdag (deadline)',
    PERIOD_REVERSED: 'periodens første dag (from) ligger efter dens sidste dag (deadline)',
    NOT_A_RECORD: 'er ikke et objekt med felter',
    DATE_OUT_OF_RANGE: 'ligger ikke mellem år 2000 og 2100',
    INVISIBLE_CHARACTER: 'indeholder et usynligt tegn (et styretegn, et retningstegn eller et tegn uden bredde); skriv teksten igen uden det',
    UNKNOWN_ENCODING: 'Filens tegnsæt kan ikke læses sikkert (UTF-16 uden BOM?); gem den som CSV UTF-8 i Excel',
    DUPLICATE_NAME: 'navnet står allerede i',
    DUPLICATE_DEADLINE: 'fristen står allerede i',
    MALFORMED_JSON: 'Filen er ikke gyldig JSON',
    MALFORMED_CSV: 'Filen er ikke gyldig CSV',
    UNKNOWN_TABLE:
      'Filen skal være JSON med "systems" og/eller "deadlines" eller CSV med en overskriftsrække med "name" (systemer) eller "solution" og "title" (frister)',
    EMPTY_FILE: 'Filen er tom',
    NOT_A_LIST: 'skal være en liste',
    FILE_NOT_FOUND: 'Filen findes ikke',
  },
  en: {
    REQUIRED: 'is required',
    NOT_TEXT: 'must be text',
    TOO_LONG: 'is too long',
    INVALID_DATE: 'is not a valid date (write e.g. 2025-01-21, 21-01-2025, 21.01.2025 or 21/01/2025)',
    INVALID_STATUS: 'must be switched, planned, unknown or not-applicable',
    INVALID_KIND: 'must be klik, agreement or event',
    INVALID_URL: 'must be an http or https address',
    INVALID_TIMESTAMP: 'must be a time such as 2025-01-21T10:00:00Z',
    UNKNOWN_FIELD: 'is not a field I know',
    DATE_REQUIRED_FOR_STATUS: 'planned and switched need a CH2 or STS2 date',
    INVALID_KLIK_STATUS: 'must be published or not-published',
    KLIK_STATUS_NOT_KLIK: 'only KLIK tasks (kind klik) have a KLIK status',
    PUBLISHED_BUT_NOT_PUBLISHED: 'a task not published in KLIK cannot have a publication date',
    PERIOD_WITHOUT_END: 'a period (from) needs its last day (deadline) too',
    PERIOD_REVERSED: "the period's first day (from) is after its last day (deadline)",
    NOT_A_RECORD: 'is not an object with fields',
    DATE_OUT_OF_RANGE: 'is not between the years 2000 and 2100',
    INVISIBLE_CHARACTER: 'holds an invisible character (a control, direction or zero-width character); type the text again without it',
    UNKNOWN_ENCODING: 'The file\'s character set cannot be read safely (UTF-16 without a BOM?); save it as CSV UTF-8 in Excel',
    DUPLICATE_NAME: 'the name is already in',
    DUPLICATE_DEADLINE: 'the deadline is already in',
    MALFORMED_JSON: 'The file is not valid JSON',
    MALFORMED_CSV: 'The file is not valid CSV',
    UNKNOWN_TABLE:
      'The file must be JSON with "systems" and/or "deadlines", or CSV with a header row that has "name" (systems) or "solution" and "title" (deadlines)',
    EMPTY_FILE: 'The file is empty',
    NOT_A_LIST: 'must be a list',
    FILE_NOT_FOUND: 'The file does not exist',
  },
};

const WHERE = {
  da: { line: 'linje', item: 'nr.', field: 'felt' },
  en: { line: 'line', item: 'item', field: 'field' },
};

export function problemText(code: ProblemCode, lang: Lang): string {
  return TEXTS[lang][code];
}

/** "systems, linje 4, felt ch2Date ("31.02.2025"): er ikke en gyldig dato …" */
export function importProblemLine(problem: ImportProblem, format: 'json' | 'csv', lang: Lang): string {
  const where = WHERE[lang];
  const rowWord = format === 'csv' ? where.line : where.item;
  const row = `${problem.table}, ${rowWord} ${problem.row}`;
  const field = problem.field === null ? '' : `, ${where.field} ${problem.field}`;
  const value = problem.value === undefined ? '' : ` ("${problem.value}")`;
  const earlier = problem.duplicateOf === undefined ? '' : ` ${rowWord} ${problem.duplicateOf}`;
  return `${row}${field}${value}: ${problemText(problem.code, lang)}${earlier}`;
}
