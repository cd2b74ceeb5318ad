import { fold } from './fold.js';

/**
 * English words of questions and the Danish words KOMBIT's deck uses for the same thing, so that an
 * English question finds items whose titles are the deck's Danish ("When was the FK ORG queue
 * cleared?" → "Køen … er afviklet"). Each English word gives the beginnings of Danish title words.
 */
const WRITTEN: [string, string][] = [
  ['information informational', 'informations orienterings'],
  ['briefing briefings', 'orienterings'],
  ['wave waves', 'bølge'],
  ['queue queues', 'kø køen'],
  ['cleared clear', 'afvikl'],
  ['operation operations', 'drift'],
  ['technical', 'teknisk'],
  ['kickoff kick', 'opstart'],
  ['startup', 'opstart'],
  ['funeral burial', 'begravelses'],
  ['tax', 'skat'],
  ['income', 'indkomst'],
  ['annual', 'årsopgørelse'],
  ['preliminary', 'forskudsopgørelse'],
  ['logbook logbooks', 'logbøger logbog'],
  ['annex appendix', 'bilag appendiks'],
  ['connection', 'tilslutning'],
  ['extension', 'forlængelse'],
  ['letter', 'henvendelsesbrev'],
  ['cosigner cosign cosigning', 'medunderskriver'],
  ['closing closure close closed', 'lukning'],
  ['contract', 'kontrakt'],
  ['clarification', 'afklaring'],
  ['readiness', 'parathed'],
  ['decision', 'beslutning'],
  ['invitation invitations invite', 'invitation'],
  ['incident disruption outage', 'driftsforstyrrelse'],
  ['error fault', 'fejl'],
  ['infrastructure', 'infrastruktur'],
  ['vendors vendor suppliers supplier', 'leverandør'],
  ['municipalities municipality', 'kommune'],
  ['purpose purposes', 'formål'],
  ['fields', 'datafelter'],
  ['adjustments adjustment', 'tilpasninger'],
  ['driving', 'køreprøve'],
  ['borrow borrowed borrows', 'lånt'],
  ['resolved solved fixed', 'omgået afviklet'],
  ['funeral', 'begravelses'],
  ['questions question', 'spørgetime'],
];

const GLOSSARY: ReadonlyMap<string, readonly string[]> = new Map(
  WRITTEN.flatMap(([english, danish]) => {
    const beginnings = danish.split(/\s+/).map((word) => fold(word).replace(/ /g, ''));
    return english.split(/\s+/).map((word) => [fold(word), beginnings] as [string, string[]]);
  }),
);

/** The beginnings of the deck's Danish words for an English word of a question (folded); empty for others. */
export function danishBeginnings(folded: string): readonly string[] {
  return GLOSSARY.get(folded) ?? [];
}
