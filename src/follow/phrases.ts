import type { Lang } from '../i18n/language.js';

/** A Følg command, and the language it was written in (the reply's language). */
export type FollowCommand =
  | { command: 'follow'; words: string; lang: Lang }
  | { command: 'unfollow'; words: string; lang: Lang }
  | { command: 'list'; lang: Lang }
  | { command: 'remind'; days: number; lang: Lang };

const END = String.raw`\s*[.!?]*$`;
const PATTERNS: { pattern: RegExp; lang: Lang; make(match: RegExpExecArray, lang: Lang): FollowCommand }[] = [
  { pattern: new RegExp(String.raw`^(?:stop\s+med\s+at\s+følge|hold\s+op\s+med\s+at\s+følge|følg\s+ikke\s+længere|følg\s+ikke)\s+(.+?)${END}`, 'iu'), lang: 'da', make: (m, lang) => ({ command: 'unfollow', words: m[1]!, lang }) },
  { pattern: new RegExp(String.raw`^(?:unfollow|stop\s+following|don'?t\s+follow)\s+(.+?)${END}`, 'iu'), lang: 'en', make: (m, lang) => ({ command: 'unfollow', words: m[1]!, lang }) },
  { pattern: new RegExp(String.raw`^(?:hvad|hvem|hvilke\s+\S+)\s+følger\s+jeg(?:\s+nu)?${END}`, 'iu'), lang: 'da', make: (_m, lang) => ({ command: 'list', lang }) },
  { pattern: new RegExp(String.raw`^(?:what\s+(?:do\s+i\s+follow|am\s+i\s+following)|my\s+follows)${END}`, 'iu'), lang: 'en', make: (_m, lang) => ({ command: 'list', lang }) },
  { pattern: new RegExp(String.raw`^(?:påmind|mind)\s+mig\s+(?:om\s+frister\s+)?(\d{1,4})\s+dage?\s+(?:før|inden)${END}`, 'iu'), lang: 'da', make: (m, lang) => ({ command: 'remind', days: Number(m[1]), lang }) },
  { pattern: new RegExp(String.raw`^remind\s+me\s+(?:of\s+deadlines\s+)?(\d{1,4})\s+days?\s+(?:before|ahead|in\s+advance)${END}`, 'iu'), lang: 'en', make: (m, lang) => ({ command: 'remind', days: Number(m[1]), lang }) },
  { pattern: new RegExp(String.raw`^følg\s+(.+?)${END}`, 'iu'), lang: 'da', make: (m, lang) => ({ command: 'follow', words: m[1]!, lang }) },
  { pattern: new RegExp(String.raw`^follow\s+(.+?)${END}`, 'iu'), lang: 'en', make: (m, lang) => ({ command: 'follow', words: m[1]!, lang }) },
];

/** The command a message gives, or null for a message that is no Følg command. */
export function followCommand(text: string): FollowCommand | null {
  const trimmed = text.trim();
  for (const { pattern, lang, make } of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match) return make(match, lang);
  }
  return null;
}

/** What the router's sample test and the help show: each phrase as people write it. */
export const FOLLOW_SAMPLES = {
  da: ['følg SAPA', 'følg K53', 'hvad følger jeg?', 'stop med at følge SAPA', 'påmind mig 7 dage før'],
  en: ['follow SAPA', 'what do I follow?', 'unfollow SAPA', 'remind me 7 days before'],
};
