import type { Lang } from '../i18n/language.js';

/** The help feature's texts, in Danish and English. */
interface HelpTexts {
  calendarLine: string;
  calendarButton: string;
  helpTitle: string;
  helpIntro: string;
  /** Above the example questions, which are buttons. */
  examplesLine: string;
  welcome: string;
}

const da: HelpTexts = {
  calendarLine: 'Frister, aftaler og møder kan også komme i din kalender:',
  calendarButton: 'Abonnér i Outlook',
  helpTitle: 'Sådan bruger du FKI Bot',
  helpIntro: 'Jeg svarer på hvornår systemerne skifter til Context Handler 2 (CH2) og STS 2, og på KLIK-frister, aftaler og møder. Datoerne kommer fra KOMBITs liste og programledermøderne; kender jeg ingen dato, siger jeg det.',
  examplesLine: 'Tryk på et spørgsmål for at stille det:',
  welcome: 'Hej! Jeg er FKI Bot. Spørg mig hvornår et system skifter til Context Handler 2 eller STS 2, eller hvilke frister der er.',
};

const en: HelpTexts = {
  calendarLine: 'Deadlines, agreements and meetings can also come to your calendar:',
  calendarButton: 'Subscribe in Outlook',
  helpTitle: 'How to use FKI Bot',
  helpIntro: "I answer when systems switch to Context Handler 2 (CH2) and STS 2, and about KLIK deadlines, agreements and meetings. The dates come from KOMBIT's list and its programme-manager meetings; when I know no date, I say so.",
  examplesLine: 'Tap a question to ask it:',
  welcome: "Hi! I'm FKI Bot. Ask me when a system switches to Context Handler 2 or STS 2, or which deadlines are coming up.",
};

const TEXTS: Record<Lang, HelpTexts> = { da, en };

export function helpTexts(lang: Lang): HelpTexts {
  return TEXTS[lang];
}
