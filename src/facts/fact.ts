import { readFileSync } from 'node:fs';

/** A fact of KOMBIT's deck that is not a date: a price, a count, a reason, a contact. */
export interface DeckFact {
  id: string; subject: string; keywords: string[]; text: string; textEn: string;
  source: string; url: string | null; day: string | null;
}

let loaded: readonly DeckFact[] | null = null;

/** The deck's non-date facts, shipped beside this module (read once). */
export function deckFacts(): readonly DeckFact[] {
  loaded ??= JSON.parse(readFileSync(new URL('./deckFacts.json', import.meta.url), 'utf8')) as DeckFact[];
  return loaded;
}
