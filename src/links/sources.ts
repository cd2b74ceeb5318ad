import { webAddress } from '../text/plainText.js';

/**
 * Pages named in answers, with the address the deck gives them (never one made up): KOMBIT's plan
 * for the retirement of Context Handler 1 and STS 1 on Digitaliseringskataloget.
 */
export const KNOWN_PAGES = {
  retirementPlan: 'https://digitaliseringskataloget.dk/udfasning-af-context-handler-1-og-security-token-service-1',
} as const;

/** Sources by their name (lower case), where the deck or the data gives an address for the source itself. */
const SOURCE_URLS: Record<string, string> = {
  digitaliseringskataloget: KNOWN_PAGES.retirementPlan,
};

/**
 * The address of a record's source: the record's own link when it has a valid one, else the known page
 * of a source by its name; null when none is known ("KOMBIT programledermøde januar 2025" has none).
 */
export function sourceUrl(source: string | null, ownUrl: string | null = null): string | null {
  const own = webAddress(ownUrl);
  if (own !== null) return own;
  if (source === null) return null;
  return SOURCE_URLS[source.trim().toLocaleLowerCase('da')] ?? null;
}
