import type { Lang } from './language.js';

/** Known sources by their Danish name, as an English answer names them. */
const SOURCES_EN: Record<string, string> = {
  'kombit programledermøde januar 2025': "KOMBIT programme managers' meeting, January 2025",
};

/** A source as the answer's language names it; a source without an English name is quoted as Danish. */
export function sourceName(source: string, lang: Lang): string {
  if (lang === 'da') return source;
  return SOURCES_EN[source.trim().toLocaleLowerCase('da')] ?? danishQuote(source);
}

/** Danish text (a note, a remark) in an English answer: quoted and marked, never passed off as English. */
export function danishQuote(text: string): string {
  return `"${text}" (Danish)`;
}
