// Shared by the bot (exports, imports) and the overview tab (its CSV download), like fold.js.

/**
 * Cells a spreadsheet would run as a formula start with = + - @ (or a tab or carriage return). Such a
 * cell is written with a leading apostrophe, so Excel shows the text instead of running it. Cells that
 * already start with apostrophes before such a character get one more, so that reading a file back
 * (restoreCsvCell) gives exactly the text that was exported.
 * @param {string} text
 * @returns {string}
 */
export function neutraliseCsvCell(text) {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The text of a cell written by neutraliseCsvCell.
 * @param {string} text
 * @returns {string}
 */
export function restoreCsvCell(text) {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
