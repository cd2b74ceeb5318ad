import type { Lang } from '../i18n/language.js';

/** The help feature's texts, in Danish and English. */
interface HelpTexts {
  calendarLine: string;
  calendarButton: string;
  helpTitle: string;
  helpIntro: string;
  helpExamples: string[];
  welcome: string;
}

const da: HelpTexts = {
  calendarLine: 'Frister, aftaler og møder kan også komme i din kalender:',
  calendarButton: 'Abonnér i Outlook',
  helpTitle: 'Sådan bruger du FKI Bot',
  helpIntro: 'Jeg svarer på hvornår systemerne skifter til Context Handler 2 (CH2) og STS 2, og på KLIK-frister, aftaler og møder. Datoerne kommer fra KOMBITs liste og programledermøderne; kender jeg ingen dato, siger jeg det.',
  helpExamples: [
    'hvornår skifter SAPA til CH2?',
    'STS 2 for KY?',
    'hvilke systemer mangler en dato?',
    'hvilke frister er der i marts?',
    'hvad sker der i næste uge?',
    'hvornår er fristen for K53?',
    'hvornår er næste spørgetime?',
    'alle systemer',
  ],
  welcome: 'Hej! Jeg er FKI Bot. Spørg mig hvornår et system skifter til Context Handler 2 eller STS 2, eller hvilke frister der er.',
};

const en: HelpTexts = {
  calendarLine: 'Deadlines, agreements and meetings can also come to your calendar:',
  calendarButton: 'Subscribe in Outlook',
  helpTitle: 'How to use FKI Bot',
  helpIntro: "I answer when systems switch to Context Handler 2 (CH2) and STS 2, and about KLIK deadlines, agreements and meetings. The dates come from KOMBIT's list and its programme-manager meetings; when I know no date, I say so.",
  helpExamples: [
    'when does SAPA switch to CH2?',
    'STS 2 for KY?',
    'which systems are missing a date?',
    'which deadlines are there in March?',
    'what happens next week?',
    'when is the deadline for K53?',
    'when is the next Q&A meeting?',
    'all systems',
  ],
  welcome: "Hi! I'm FKI Bot. Ask me when a system switches to Context Handler 2 or STS 2, or which deadlines are coming up.",
};

const TEXTS: Record<Lang, HelpTexts> = { da, en };

export function helpTexts(lang: Lang): HelpTexts {
  return TEXTS[lang];
}
