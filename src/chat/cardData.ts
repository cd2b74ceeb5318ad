import { z } from 'zod';

/**
 * A text a card sends (a name, an id, a question): trimmed, not empty, at most `maxLength` characters.
 * For the schemas of `router.action`, beside each feature's verbs.
 */
export function cardText(maxLength = 200) {
  return z.string().trim().min(1).max(maxLength);
}
