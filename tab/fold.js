// @ts-check
/**
 * The bot's folding of what people type (src/text/fold.ts), for the tab's search: the same rules,
 * so "koreprovebooking" finds Køreprøvebooking here as in chat. A test keeps the two in step.
 * @param {string} text
 * @returns {string}
 */
export function fold(text) {
  return text
    .toLowerCase()
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
