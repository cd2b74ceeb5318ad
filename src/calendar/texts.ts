import type { Lang } from '../i18n/language.js';

/** The calendar feature's texts, in Danish and English. */
interface CalendarTexts {
  subscribe: string;
  howTo: string;
  badKind(kind: string): string;
}

const da: CalendarTexts = {
  subscribe: 'Abonnér i Outlook',
  howTo:
    'Få frister, aftaler og møder i din kalender: i Outlook vælger du Tilføj kalender → Abonner fra internettet og indsætter linket. Kalenderen holder sig selv opdateret.',
  badKind: (kind) => `"${kind}" er ikke en type; brug kind=klik, kind=agreement eller kind=event.`,
};

const en: CalendarTexts = {
  subscribe: 'Subscribe in Outlook',
  howTo:
    'Get deadlines, agreements and meetings in your calendar: in Outlook choose Add calendar → Subscribe from web and paste the link. The calendar keeps itself up to date.',
  badKind: (kind) => `"${kind}" is not a kind; use kind=klik, kind=agreement or kind=event.`,
};

const TEXTS: Record<Lang, CalendarTexts> = { da, en };

export function calendarTexts(lang: Lang): CalendarTexts {
  return TEXTS[lang];
}
