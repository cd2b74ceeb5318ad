import type { Lang } from '../i18n/language.js';

/** The calendar feature's texts, in Danish and English. */
interface CalendarTexts {
  subscribe: string;
  howTo: string;
  /** The other calendar programs' way in: a webcal: link. */
  webcal: string;
  copy: string;
  copyLabel: string;
  deadlinesFeed: string;
  switchesFeed: string;
  badKind(kind: string): string;
  unknownSolution(solution: string): string;
}

const da: CalendarTexts = {
  subscribe: 'Abonnér i Outlook',
  howTo:
    'Få frister, aftaler, møder og skiftedatoer i din kalender. "Abonnér i Outlook" åbner Outlook på nettet, hvor du vælger Importér; eller vælg Tilføj kalender → Abonner fra internettet og indsæt linket. Kalenderen holder sig selv opdateret.',
  webcal: 'Anden kalender (webcal)',
  copy: 'Kopiér link',
  copyLabel: 'Kopiér linket:',
  deadlinesFeed: 'Frister, aftaler og møder',
  switchesFeed: 'Skift til CH2 og STS 2',
  badKind: (kind) => `"${kind}" er ikke en type; brug kind=klik, kind=agreement, kind=event eller kind=switches.`,
  unknownSolution: (solution) => `Der er ingen frister for en løsning der hedder "${solution}"; brug fx solution=SAPA, eller lad solution være væk for alle.`,
};

const en: CalendarTexts = {
  subscribe: 'Subscribe in Outlook',
  howTo:
    'Get deadlines, agreements, meetings and switch dates in your calendar. "Subscribe in Outlook" opens Outlook on the web, where you choose Import; or choose Add calendar → Subscribe from web and paste the link. The calendar keeps itself up to date.',
  webcal: 'Other calendar (webcal)',
  copy: 'Copy link',
  copyLabel: 'Copy the link:',
  deadlinesFeed: 'Deadlines, agreements and meetings',
  switchesFeed: 'Switches to CH2 and STS 2',
  badKind: (kind) => `"${kind}" is not a kind; use kind=klik, kind=agreement, kind=event or kind=switches.`,
  unknownSolution: (solution) => `There are no deadlines for a solution called "${solution}"; use e.g. solution=SAPA, or leave solution out for all.`,
};

const TEXTS: Record<Lang, CalendarTexts> = { da, en };

export function calendarTexts(lang: Lang): CalendarTexts {
  return TEXTS[lang];
}
