/** See csvCell.js: formula cells neutralised on export, and read back to their text on import. */
export function neutraliseCsvCell(text: string): string;
export function restoreCsvCell(text: string): string;
