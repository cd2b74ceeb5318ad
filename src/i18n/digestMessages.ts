import type { DeadlineKind } from '../deadlines/deadline.js';
import type { Lang } from './language.js';

/** Texts of the weekly digest and of deadline questions, in Danish and English. */
interface DigestMessages {
  title(week: number, year: number): string;
  emptyWeek: string;
  dueSoon: string;
  weekHeading(week: number): string;
  published: string;
  passed: string;
  switching: string;
  staleSurveys: string;
  staleSurvey(since: string, requesters: number): string;
  kind: Record<DeadlineKind, string>;
  publishedOn(day: string): string;
  switchesOn(target: string, day: string, relative: string): string;
  deadlinesTitle: string;
  noDeadlines: string;
  newTitle: string;
  nothingNew: string;
  codeTitle(code: string): string;
  unknownCode(code: string): string;
  solutionTitle(solution: string): string;
  noDeadlineDate: string;
  count(n: number): string;
  subscribed: string;
  alreadySubscribed: string;
  unsubscribed: string;
  notSubscribed: string;
  previewSentPrivately: string;
  previewNeedsPersonalChat: string;
  sendNowStarted: string;
  sendNowResult(sent: number, failed: number, already: number): string;
  notAdmin: string;
}

const da: DigestMessages = {
  title: (week, year) => `Ugens oversigt — uge ${week}, ${year}`,
  emptyWeek: 'Ingen frister, nye KLIK-opgaver eller skift i denne uge.',
  dueSoon: 'Frister de næste 14 dage',
  weekHeading: (week) => `Uge ${week}`,
  published: 'Nyt i KLIK den seneste uge',
  passed: 'Frister, der netop er passeret',
  switching: 'Skifter til CH2 eller STS 2 inden for 30 dage',
  staleSurveys: 'Spørgeskemaer, der har været åbne i over 7 dage',
  staleSurvey: (since, requesters) => `åben siden ${since}, ${requesters} har spurgt`,
  kind: { klik: 'KLIK-opgave', agreement: 'Aftale', event: 'Begivenhed' },
  publishedOn: (day) => `publiceret ${day}`,
  switchesOn: (target, day, relative) => `${target} ${day} (${relative})`,
  deadlinesTitle: 'Frister de næste 14 dage',
  noDeadlines: 'Der er ingen frister de næste 14 dage.',
  newTitle: 'Nyt i KLIK de seneste 7 dage',
  nothingNew: 'Der er ikke publiceret noget nyt i KLIK de seneste 7 dage.',
  codeTitle: (code) => `Frister for ${code}`,
  unknownCode: (code) => `Jeg kender ingen KLIK-opgave med koden ${code}.`,
  solutionTitle: (solution) => `KLIK-opgaver og frister for ${solution}`,
  noDeadlineDate: 'ingen frist',
  count: (n) => (n === 1 ? '1 opgave eller frist' : `${n} opgaver og frister`),
  subscribed: 'Denne samtale får nu ugens oversigt hver mandag morgen. Skriv "stop oversigt" for at afmelde den.',
  alreadySubscribed: 'Denne samtale får allerede ugens oversigt.',
  unsubscribed: 'Denne samtale får ikke længere ugens oversigt.',
  notSubscribed: 'Denne samtale får ikke ugens oversigt.',
  previewSentPrivately: 'Jeg har sendt ugens oversigt til dig i vores private chat.',
  previewNeedsPersonalChat: 'Skriv "vis ugens oversigt" til mig i en privat chat, så viser jeg den kun for dig.',
  sendNowStarted: 'Jeg sender ugens oversigt nu.',
  sendNowResult: (sent, failed, already) => `Ugens oversigt: ${sent} sendt, ${already} havde den allerede, ${failed} mislykkedes (prøves igen senere).`,
  notAdmin: 'Kun KOMBITs administratorer kan sende oversigten.',
};

const en: DigestMessages = {
  title: (week, year) => `This week's digest — week ${week}, ${year}`,
  emptyWeek: 'No deadlines, new KLIK tasks or switches this week.',
  dueSoon: 'Deadlines in the next 14 days',
  weekHeading: (week) => `Week ${week}`,
  published: 'New in KLIK in the past week',
  passed: 'Deadlines that just passed',
  switching: 'Switching to CH2 or STS 2 within 30 days',
  staleSurveys: 'Surveys open for more than 7 days',
  staleSurvey: (since, requesters) => `open since ${since}, ${requesters} asked`,
  kind: { klik: 'KLIK task', agreement: 'Agreement', event: 'Event' },
  publishedOn: (day) => `published ${day}`,
  switchesOn: (target, day, relative) => `${target} ${day} (${relative})`,
  deadlinesTitle: 'Deadlines in the next 14 days',
  noDeadlines: 'There are no deadlines in the next 14 days.',
  newTitle: 'New in KLIK in the past 7 days',
  nothingNew: 'Nothing new has been published in KLIK in the past 7 days.',
  codeTitle: (code) => `Deadlines for ${code}`,
  unknownCode: (code) => `I know no KLIK task with the code ${code}.`,
  solutionTitle: (solution) => `KLIK tasks and deadlines for ${solution}`,
  noDeadlineDate: 'no deadline',
  count: (n) => (n === 1 ? '1 task or deadline' : `${n} tasks and deadlines`),
  subscribed: 'This conversation now gets the weekly digest every Monday morning. Write "unsubscribe digest" to stop it.',
  alreadySubscribed: 'This conversation already gets the weekly digest.',
  unsubscribed: 'This conversation no longer gets the weekly digest.',
  notSubscribed: 'This conversation does not get the weekly digest.',
  previewSentPrivately: "I have sent you this week's digest in our private chat.",
  previewNeedsPersonalChat: 'Write "digest preview" to me in a private chat and I will show it to you alone.',
  sendNowStarted: "I am sending this week's digest now.",
  sendNowResult: (sent, failed, already) => `Weekly digest: ${sent} sent, ${already} had it already, ${failed} failed (tried again later).`,
  notAdmin: "Only KOMBIT's administrators can send the digest.",
};

const TEXTS: Record<Lang, DigestMessages> = { da, en };

export function digestMessages(lang: Lang): DigestMessages {
  return TEXTS[lang];
}
