/**
 * Characters that change how text is shown without being text: C0/C1 controls (ESC, NUL, CR, LF …),
 * bidirectional overrides and isolates, zero-width characters and the BOM. "SA\u200BPA" looks like
 * SAPA; ESC drives a terminal; CR/LF starts a new line in a calendar or a digest.
 */
export const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

/** INVISIBLE without the C0 controls (JSON.stringify escapes those itself; a CSV keeps its line breaks). */
const INVISIBLE_BEYOND_C0 = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

/**
 * Text for an operator's terminal or a file: every invisible character written as a \uXXXX escape in
 * JSON (still the same string when read back), or left out of a CSV cell, so no ESC or CSI reaches a
 * terminal and no direction mark hides in what is shown.
 */
export function escapeInvisibleInJson(json: string): string {
  return json.replace(INVISIBLE_BEYOND_C0, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A CSV cell without invisible characters; line breaks and tabs (quoted by the CSV writer) stay. */
export function visibleCell(text: string): string {
  return text.replace(INVISIBLE, (char) => (char === '\n' || char === '\r' || char === '\t' ? char : ''));
}

/** True when the text holds a control, bidi or zero-width character (see INVISIBLE). */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/**
 * One line of plain text from anyone: invisible characters become spaces (so words stay apart), runs
 * of whitespace one space, at most `max` characters (an ellipsis marks a cut).
 */
export function plainLine(text: string, max: number): string {
  const line = text.normalize('NFC').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** A web address of the data: http(s) only, no credentials, no whitespace; null for anything else. */
export function webAddress(text: string | null | undefined): string | null {
  if (!text || text.length > 2000 || /\s/.test(text) || hasInvisible(text)) return null;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}
