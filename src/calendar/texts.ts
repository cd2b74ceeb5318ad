import type { Lang } from '../i18n/language.js';

/** The calendar feature's texts, in Danish and English. */
interface CalendarTexts {
  subscribe: string;
  howTo: string;
  badKind(kind: string): string;
  unknownSolution(solution: string): string;
}

const da: CalendarTexts = {
  subscribe: 'Abonnér i Outlook',
  howTo:
    'Få frister, aftaler og møder i din kalender: i Outlook vælger du Tilføj kalender → Abonner fra internettet og indsætter linket. Kalenderen holder sig selv opdateret.',
  badKind: (kind) => `"${kind}" er ikke en type; brug kind=klik, kind=agreement eller kind=event.`,
  unknownSolution: (solution) => `Der er ingen frister for en løsning der hedder "${solution}"; brug fx solution=SAPA, eller lad solution være væk for alle.`,
};

const en: CalendarTexts = {
  subscribe: 'Subscribe in Outlook',
  howTo:
    'Get deadlines, agreements and meetings in your calendar: in Outlook choose Add calendar → Subscribe from web and paste the link. The calendar keeps itself up to date.',
  badKind: (kind) => `"${kind}" is not a kind; use kind=klik, kind=agreement or kind=event.`,
  unknownSolution: (solution) => `There are no deadlines for a solution called "${solution}"; use e.g. solution=SAPA, or leave solution out for all.`,
};

const TEXTS: Record<Lang, CalendarTexts> = { da, en };

export function calendarTexts(lang: Lang): CalendarTexts {
  return TEXTS[lang];
}
