import { z } from 'zod';
import { linkCard } from '../../cards/textCards.js';
import { defineFeature } from '../app/feature.js';
import type { ChatRouter } from '../chat/types.js';
import { joinWords } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import type { RegistryService } from '../registry/service.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases, type Word } from '../text/words.js';
import { isPastTense } from '../time/period.js';

export interface OperationsDeps {
  registry: RegistryService;
  /** KOMBIT's operational status page ("Driftsinformation"). */
  statusPageUrl: string;
}

const OPERATIONS_WORD =
  /^(nede|nedbrud\w*|nedetid|ustabil\w*|driftsforstyrrels\w*|driftsstatus|driftstatus|driftsinfo\w*|driftsmeddelels\w*|statusside\w*|fejler|down|outages?|incidents?|downtime|operational)$/;
const OPERATIONS_PHRASES = new PhraseIndex(
  phrases(
    'virker ikke', 'fungerer ikke', 'not working', 'does not work', 'doesnt work', 'status page', 'is it working',
    'følge med i driften', 'følge driften', 'se driften', 'driften nu', 'operations status', 'follow operations',
  ).map(
    (phrase) => [phrase, true] as [string[], true],
  ),
);

/**
 * Words of a question about an incident's cause or what follows it ("what caused the FK ORG
 * incident?", "hvad gør KOMBIT fremover efter nedbruddet?"): the deck tells those (src/facts), the
 * status page does not.
 */
const ABOUT_INCIDENT = /^(caused?|causes|reason|why|hvorfor|arsag\w*|aarsag\w*|efter|after|tiltag|measures|learned|laering\w*|laer\w*|eskal\w*|escalat\w*)$/;

/** Letters of KOMBIT's fault classes ("A- og B-fejl", "C and D faults"). */
const FAULT_CLASS = /^[a-d]$/;
const FAULT_WORD = /^(fejl\w*|faults?|errors?|incidents?)$/;

/**
 * A question about how faults of a class are handled ("sendes der driftsmeddelelser ved C-fejl?",
 * "what about A/B faults?"): the deck tells KOMBIT's rule and what it will change, the status page does not.
 */
function namesFaultClass(words: readonly Word[]): boolean {
  return words.some((word, at) => FAULT_CLASS.test(word.folded) && words.slice(at + 1, at + 4).some((next) => FAULT_WORD.test(next.folded)));
}

/** True when a question is about operations today (is it down?), not about a switch date. */
export function isOperationsQuestion(words: readonly Word[]): boolean {
  return words.some((word) => OPERATIONS_WORD.test(word.folded)) || OPERATIONS_PHRASES.has(words);
}

/** True when a question asks how a system runs now, not what happened in an incident or after it. */
export function asksAboutNow(words: readonly Word[]): boolean {
  return isOperationsQuestion(words) && !isPastTense(words) && !words.some((word) => ABOUT_INCIDENT.test(word.folded)) && !namesFaultClass(words);
}

const TEXTS = {
  da: {
    line: (names: string) =>
      `Jeg kender ikke driftsstatus${names ? ` for ${names}` : ''} lige nu: jeg følger ikke driften. KOMBIT melder driftsforstyrrelser, fejl og planlagt vedligehold på Driftsinformation:`,
    button: 'Åbn KOMBITs driftsstatus',
  },
  en: {
    line: (names: string) =>
      `I don't know the operational status${names ? ` of ${names}` : ''} right now: I don't follow operations. KOMBIT posts disruptions, faults and planned maintenance on its status page:`,
    button: "Open KOMBIT's status page",
  },
} satisfies Record<Lang, unknown>;

/** "Er FK ORG nede?": operations questions go to KOMBIT's status page, never to a CH2 date. */
export function registerOperations(router: ChatRouter, { registry, statusPageUrl }: OperationsDeps): void {
  router.message(
    // "Hvorfor var FK ORG ustabil?" asks what happened, which the deck tells (src/facts), not how it runs now.
    (turn) => (asksAboutNow(turn.words) ? true : null),
    async (turn) => {
      const t = TEXTS[turn.lang];
      const named = (await registry.current()).matcher.findMentions(turn.words).mentions.flatMap((mention) => mention.systems.slice(0, 1).map((s) => s.name));
      const lines = [t.line(joinWords([...new Set(named)], turn.lang)), statusPageUrl];
      return { text: lines.join('\n'), card: linkCard(lines, t.button, statusPageUrl) };
    },
    { samples: { da: ['er FK ORG nede?', 'FK ORG virker ikke', 'hvor kan jeg følge med i driften?'], en: ['is FK ORG down?', 'is SAPA not working?', 'where is the status page?'] } },
  );
}

export const operations = defineFeature({
  name: 'operations',
  settings: z.object({
    /** KOMBIT's operational status page; "er FK ORG nede?" is answered with it. */
    STATUS_PAGE_URL: z.url({ protocol: /^https?$/ }).default('https://driftstatus.kombit.dk/'),
  }),
  register: (router, { registry }, { settings }) => registerOperations(router, { registry, statusPageUrl: settings.STATUS_PAGE_URL }),
});
