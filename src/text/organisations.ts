import { perObject } from '../memo.js';
import { PhraseIndex } from './phraseIndex.js';
import { phrases, type Word } from './words.js';

/**
 * Names that are not systems: Denmark's 98 municipalities, KOMBIT and KL, vendors and agencies. A
 * question naming one ("hvornår skal Aarhus Kommune skifte?") is about that organisation, never a
 * system to survey a vendor about.
 */
export type OrganisationKind = 'municipality' | 'kombit' | 'vendor' | 'agency';

const MUNICIPALITIES = `Albertslund, Allerød, Assens, Ballerup, Billund, Bornholm, Brøndby, Brønderslev, Dragør, Egedal,
  Esbjerg, Fanø, Favrskov, Faxe, Fredensborg, Fredericia, Frederiksberg, Frederikshavn, Frederikssund, Furesø,
  Faaborg-Midtfyn, Gentofte, Gladsaxe, Glostrup, Greve, Gribskov, Guldborgsund, Haderslev, Halsnæs, Hedensted,
  Helsingør, Herlev, Herning, Hillerød, Hjørring, Holbæk, Holstebro, Horsens, Hvidovre, Høje-Taastrup, Hørsholm,
  Ikast-Brande, Ishøj, Jammerbugt, Kalundborg, Kerteminde, Kolding, København, Køge, Langeland, Lejre, Lemvig,
  Lolland, Lyngby-Taarbæk, Læsø, Mariagerfjord, Middelfart, Morsø, Norddjurs, Nordfyn, Nyborg, Næstved, Odder,
  Odense, Odsherred, Randers, Rebild, Ringkøbing-Skjern, Ringsted, Roskilde, Rudersdal, Rødovre, Samsø, Silkeborg,
  Skanderborg, Skive, Slagelse, Solrød, Sorø, Stevns, Struer, Svendborg, Syddjurs, Sønderborg, Thisted, Tønder,
  Tårnby, Vallensbæk, Varde, Vejen, Vejle, Vesthimmerland, Viborg, Vordingborg, Ærø, Aabenraa, Aalborg, Aarhus`;
/** Other names people use for some of them, and the municipality each names ("kbh" is København). */
const MUNICIPALITY_ALIASES: [alias: string, name: string][] = [
  ['Århus', 'Aarhus'], ['Kbh', 'København'], ['Københavns', 'København'], ['Bornholms Regionskommune', 'Bornholm'],
  ['Lyngby', 'Lyngby-Taarbæk'], ['Høje Tåstrup', 'Høje-Taastrup'], ['Høje Taastrup', 'Høje-Taastrup'], ['Nordfyns', 'Nordfyn'],
  ['Vesthimmerlands', 'Vesthimmerland'],
];
const KOMBIT = `KOMBIT, KL, Kommunernes Landsforening, DBS, Det Fælleskommunale Databehandlersekretariat`;
const VENDORS = `Systematic, KMD, EG, Fujitsu, Netcompany, Netic, Atea, Visma, Capgemini, IBM, Microsoft, Schultz, Columbus,
  Trifork, Formpipe, Miracle, Edlund, Delegate, Nordcloud, Ramboll, Rambøll, Deloitte, PwC, Intility`;
const AGENCIES = `Færdselsstyrelsen, Sundhedsdatastyrelsen, SKAT, Skatteforvaltningen, Skattestyrelsen, Digitaliseringsstyrelsen,
  Styrelsen for Dataforsyning og Infrastruktur, Udbetaling Danmark, ATP, Datatilsynet, Rigspolitiet, Region Hovedstaden,
  Region Sjælland, Region Syddanmark, Region Midtjylland, Region Nordjylland, Danske Regioner, SKI, Staten`;

/** Words that follow a municipality's name without changing whom it names ("Aarhus Kommune", "Aarhus Kommunes"). */
const MUNICIPALITY_WORDS = new Set(phrases("kommune kommunes kommunen kommunens municipality municipality's council")[0]);

export interface NamedOrganisation {
  name: string;
  kind: OrganisationKind;
  /** The indexes of the question's words that name it. */
  words: number[];
}

function namesOf(list: string): string[] {
  return list.split(',').map((name) => name.trim()).filter((name) => name !== '');
}

function entries(list: string, kind: OrganisationKind, genitive: boolean): [string[], { name: string; kind: OrganisationKind }][] {
  return namesOf(list).flatMap((name) => {
    const [folded] = phrases(name);
    if (!folded || folded.length === 0) return [];
    const value = { name, kind };
    const forms: [string[], typeof value][] = [[folded, value]];
    const last = folded[folded.length - 1] as string;
    // "Aarhus'", "Odenses", "Københavns": the genitive of a name is the name.
    if (genitive && !last.endsWith('s')) forms.push([[...folded.slice(0, -1), `${last}s`], value]);
    return forms;
  });
}

const INDEX = new PhraseIndex([
  ...entries(MUNICIPALITIES, 'municipality', true),
  ...MUNICIPALITY_ALIASES.flatMap(([alias, name]) => entries(alias, 'municipality', false).map(([words]) => [words, { name, kind: 'municipality' as const }] as [string[], { name: string; kind: OrganisationKind }])),
  ...entries(KOMBIT, 'kombit', true),
  ...entries(VENDORS, 'vendor', true),
  ...entries(AGENCIES, 'agency', true),
]);

/** The organisations a question names, with the words that name them (a municipality's "Kommune" included). */
export const organisationsIn = perObject((words: readonly Word[]): NamedOrganisation[] => {
  const found: NamedOrganisation[] = [];
  let at = 0;
  while (at < words.length) {
    const match = INDEX.find(words.slice(at));
    if (match === null) break;
    if (match.start !== 0) {
      at += match.start;
      continue;
    }
    const used = Array.from({ length: match.length }, (_, offset) => at + offset);
    let next = at + match.length;
    if (match.value.kind === 'municipality' && MUNICIPALITY_WORDS.has(words[next]?.folded ?? '')) used.push(next++);
    found.push({ ...match.value, words: used });
    at = next;
  }
  return found;
});

/** True when the word is one of an organisation's names or a word that goes with one ("Kommune"). */
export function isOrganisationWord(words: readonly Word[], index: number): boolean {
  return organisationsIn(words).some((organisation) => organisation.words.includes(index));
}

export const MUNICIPALITY_COUNT = namesOf(MUNICIPALITIES).length;
