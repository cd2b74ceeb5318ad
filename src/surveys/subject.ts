import type { Lang } from '../i18n/language.js';
import { plainLine } from '../text/plainText.js';

/** A system's name is short; anything longer is a sentence, not a name. */
export const MAX_SUBJECT_CHARS = 80;

/** A web address or an e-mail address is never a system's name (and would be a link in Teams). */
const ADDRESS = /:\/\/|\bwww\.|@|\b[\w-]+\.(?:dk|com|net|org|io|eu|info|biz|nu|se|no|de|uk|app|dev|xyz|link|ly)\b/i;

/**
 * The subject of a survey as it is stored: one plain line (no control, bidi or zero-width characters,
 * no line breaks), at most MAX_SUBJECT_CHARS; null when nothing is left or it is an address.
 */
export function surveySubject(typed: string): string | null {
  const line = plainLine(typed, MAX_SUBJECT_CHARS);
  return line === '' || ADDRESS.test(line) ? null : line;
}

const UNCONFIRMED: Record<Lang, string> = {
  da: 'Et system der ikke er på listen endnu',
  en: 'A system not on the list yet',
};

/**
 * The name a shared conversation (a digest, the open surveys in a channel) may show for a survey: its
 * name when the registry knows it (or knew it when the survey opened); otherwise a placeholder until an
 * administrator approves an answer, which puts the system on the list. Anyone can open a survey about
 * any words, so unconfirmed words are never spread to everyone.
 */
export function shownSubject(survey: { system: string; systemKnown: boolean }, lang: Lang, knows: (name: string) => boolean): string {
  return survey.systemKnown || knows(survey.system) ? survey.system : UNCONFIRMED[lang];
}
