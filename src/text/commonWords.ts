import { fold } from './fold.js';
import { isStopword } from './stopwords.js';

/**
 * Common Danish and English words of questions (verbs, nouns of meetings, deadlines, visits and
 * operations, question words): a word among them, or an inflection of one, is never read as the
 * name of a system the registry lacks ("se", "where find", "spørgetimerne", "information meeting").
 */
const WRITTEN = `
se ser så set finde find finder found finds where hvor hvorhen følge følger foelge follow kigge look looking see
spørgetime spørgetimer spørgetimen spørgetimerne spoergetime spørgsmål session sessions q qa question questions
møde møder mødet møderne meeting meetings informationsmøde orienteringsmøde webinar webinars informationswebinar
information informations info teknisk tekniske technical kommune kommuner municipal municipalities
infrastruktur infrastrukturansvarlige infrastructure owners owner ansvarlig ansvarlige responsible
besøg besøge besøgte besøger besoeg visit visits visited visiting kommer komme come coming comes
frist frister fristen deadline deadlines udløber expires expire opgave opgaver opgaven task tasks
drift driften driftsstatus driftstatus operation operations operational nede down fejl fejlen error incident
nedbrud nedbruddet årsag årsagen cause caused reason why hvorfor ustabil unstable
leverandør leverandørerne vendor vendors aftale aftaler agreement agreements kontrakt contract
held holdt hold holds afholdt afholde afholdes give given gives plan planned planlagt
cleared ryddet normal back tilbage igen input send sende sender sendt
kom kommer gik går live golive idriftsættelse
`;

const COMMON: ReadonlySet<string> = new Set(
  WRITTEN.split(/\s+/)
    .map((word) => fold(word).replace(/ /g, ''))
    .filter((word) => word !== ''),
);

/** Endings of inflected Danish and English words: "spørgetimerne" is "spørgetime" with "rne". */
const ENDINGS = ['erne', 'rne', 'ene', 'ne', 'er', 'en', 'et', 'e', 'r', 's', 'es', 'ed', 'd', 'ing', 'ers'];

/** True when a folded word is a common word of questions, or an inflection of one. */
export function isCommonWord(folded: string): boolean {
  if (isStopword(folded) || COMMON.has(folded)) return true;
  return ENDINGS.some((ending) => {
    if (!folded.endsWith(ending)) return false;
    const stem = folded.slice(0, -ending.length);
    return stem.length >= 3 && (COMMON.has(stem) || isStopword(stem));
  });
}
