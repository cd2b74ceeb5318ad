import type { Lang } from '../i18n/language.js';

/** The reminders' texts, in Danish and English. */
interface ReminderTexts {
  reminder(system: string, since: string): string;
  forward: string;
  button: string;
  summaryTitle(count: number): string;
  summaryLine(system: string, since: string, requesters: number): string;
  more(count: number): string;
}

const da: ReminderTexts = {
  reminder: (system, since) => `Påmindelse: leverandøren af ${system} har endnu ikke svaret på spørgeskemaet fra ${since}.`,
  forward: 'Send linket til leverandøren igen, eller udfyld spørgeskemaet selv hvis du har svaret:',
  button: 'Åbn spørgeskemaet',
  summaryTitle: (count) => (count === 1 ? '1 spørgeskema venter stadig på leverandørens svar' : `${count} spørgeskemaer venter stadig på leverandørens svar`),
  summaryLine: (system, since, requesters) => `${system}: åben siden ${since}, ${requesters} har spurgt`,
  more: (count) => `+${count} mere`,
};

const en: ReminderTexts = {
  reminder: (system, since) => `Reminder: the vendor of ${system} has not yet answered the survey of ${since}.`,
  forward: 'Forward the link to the vendor again, or fill in the survey yourself if you have the answer:',
  button: 'Open the survey',
  summaryTitle: (count) => (count === 1 ? '1 survey is still waiting for the vendor' : `${count} surveys are still waiting for the vendor`),
  summaryLine: (system, since, requesters) => `${system}: open since ${since}, ${requesters} asked`,
  more: (count) => `+${count} more`,
};

const TEXTS: Record<Lang, ReminderTexts> = { da, en };

export function reminderTexts(lang: Lang): ReminderTexts {
  return TEXTS[lang];
}
