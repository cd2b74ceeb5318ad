// @ts-check
/**
 * Folds what people type into one comparable form: lower case, accents dropped, and the Danish
 * letters made equal to the ways people type them without a Danish keyboard. "Køreprøvebooking",
 * "Koereproevebooking" and "Koreprovebooking" all fold to "koreprovebooking"; "CH-2" folds to "ch 2".
 * Both sides of every comparison go through here, so the folding only ever removes distinctions.
 *
 * Plain JavaScript on purpose: the bot imports it, and the server hands the same file to the overview
 * tab (/tab/fold.js), so a search in the tab finds exactly what a question in chat finds.
 * @param {string} text
 * @returns {string}
 */
export function fold(text) {
  // Most words people type are plain lower-case ASCII already, and this runs for every word of every message.
  if (PLAIN.test(text)) return text;
  const lower = text.toLowerCase();
  // Names are mostly ASCII words with capitals ("Aula", "SAPA"): lower case is all they need.
  if (PLAIN.test(lower)) return lower;
  return lower
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/aa/g, 'a')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Lower-case ASCII letters and digits without the digraphs that fold() shortens.
const PLAIN = /^(?!.*(?:ae|oe|aa))[a-z0-9]+$/;
