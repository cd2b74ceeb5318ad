import { fold } from './fold.js';

/**
 * Words of questions, in Danish and English, that are never a system's name. They are never
 * matched with typo tolerance and never reported as an unknown system's name.
 */
const QUESTION_WORDS = `
hvornar hvornår skifter skifte skiftet skiftede skift skiftes skiftedato overgang overgangen flytter flytte
til fra på i af for er har havde og eller den det de en et hvad hvilke hvilken hvilket hvem hvor hvordan hvorfor
system systemer systemet systemerne løsning løsningen løsninger dato datoen datoer mangler manglende uden med ny nye nyt
context handler ch ch2 sts sts2 security token service nsis oiosaml version
status om kan du jeg vi man vil skal skulle blive bliver blev sker ske siden allerede endnu stadig snart
næste denne dette sidste forrige måned måneden uge ugen kvartal kvartalet år året
plan planlagt planlagte planen planer kendt kendte ukendt ukendte ingen nogen noget alle alt liste vis vise list oversigt
login log ind brugervendte brugervendt kommune kommunen kommuner tak hej hello hi please venligst lige mon
valgt valgte valget vælge spørg spørge leverandør leverandøren leverandører hjælp help
when does do did will is are was were the a an to for of in on at by switch switches switched switching move moves moved
migrate migrates migrated migration date dates which what who systems system have has had been already yet still
without missing no any list show me all next this last month week quarter year plan planned plans known unknown
about tell going get gets got new old can could would should there their our my your it its solution solutions
ask vendor vendors thanks thank you
we us they them he she me mine ours yours his her hers their theirs that these those then than so also only just very
more most much many some if not yes ok okay from into with via per
vi os dem han hun mig min mit mine vores jeres deres sin sit sine hos nu da så ikke også kun bare meget mere
mest mange nogle hvis ja nej okay via pr
`;

const MONTH_WORDS = `
januar februar marts april maj juni juli august september oktober november december
january february march may june july october
jan feb mar apr jun jul aug sep sept okt oct nov dec
`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  `${QUESTION_WORDS} ${MONTH_WORDS}`
    .split(/\s+/)
    .map((word) => fold(word).replace(/ /g, ''))
    .filter((word) => word !== ''),
);

export function isStopword(foldedWord: string): boolean {
  return STOPWORDS.has(foldedWord);
}

/** The stop words as written in the lists, lower case, for telling "does" from a typed "DOS" (both fold to "dos"). */
const AS_WRITTEN: ReadonlySet<string> = new Set(`${QUESTION_WORDS} ${MONTH_WORDS}`.split(/\s+/).map((word) => word.toLowerCase()));
/** Stop words written with æ, ø or å, folded: "pa" typed for "på". */
const DANISH_LETTERS_FOLDED: ReadonlySet<string> = new Set([...AS_WRITTEN].filter((word) => /[æøå]/.test(word)).map((word) => fold(word).replace(/ /g, '')));

/**
 * True when a word, as typed, is a question word: "does" is, while "DOS" or "dos" (a solution's
 * name, which folds like "does") is not. Words typed with æ, ø, å or their two-letter spellings are
 * judged by their folded form, as people type them either way.
 */
export function isStopwordAsTyped(original: string): boolean {
  const lower = original.toLowerCase();
  if (!isStopword(fold(lower).replace(/ /g, ''))) return false;
  if (/[æøå]|ae|oe|aa/.test(lower) || AS_WRITTEN.has(lower)) return true;
  return DANISH_LETTERS_FOLDED.has(lower);
}
