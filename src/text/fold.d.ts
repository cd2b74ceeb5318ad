/** See fold.js: the folding of what people type, shared by the bot and the overview tab. */
export function fold(text: string): string;
