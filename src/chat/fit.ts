import type { Reply } from './types.js';

/**
 * Teams refuses a message over about 28 KB (HTTP 413). The bot keeps every message it sends under
 * this many bytes of JSON, leaving room for the activity around it.
 */
export const MESSAGE_BYTE_LIMIT = 24 * 1024;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * A reply that Teams will take: as it is when it fits; else its text alone (the card's full content
 * in plain words); and a text that is itself too long is cut at a line with "…" after it. Lists are
 * kept short where they are made ("+N more"); this is the guard for whatever slips past.
 */
export function fitForTeams(reply: Reply): Reply {
  const cardBytes = reply.card ? utf8(JSON.stringify(reply.card)) : 0;
  if (cardBytes + utf8(reply.text) * 2 <= MESSAGE_BYTE_LIMIT) return reply;
  const text = utf8(reply.text) <= MESSAGE_BYTE_LIMIT / 2 ? reply.text : cutText(reply.text, MESSAGE_BYTE_LIMIT / 2);
  return { text, ...(reply.summary ? { summary: reply.summary } : {}) };
}

function cutText(text: string, maxBytes: number): string {
  const kept: string[] = [];
  let used = 0;
  for (const line of text.split('\n')) {
    const bytes = utf8(line) + 1;
    if (used + bytes > maxBytes - 8) break;
    kept.push(line);
    used += bytes;
  }
  return `${kept.join('\n')}\n…`;
}
