import type { DeadlineCategory } from './category.js';
import type { DeadlineKind } from './deadline.js';
import type { Lang } from '../i18n/language.js';

/** Texts of the weekly digest and of deadline questions, in Danish and English. */
interface DigestMessages {
  title(week: number, year: number): string;
  emptyWeek: string;
  dueSoon: string;
  happeningSoon: string;
  weekHeading(week: number, year: number): string;
  published: string;
  sent: string;
  passed: string;
  switching: string;
  staleSurveys: string;
  staleSurvey(since: string, requesters: number): string;
  /** Lines left out of a section. */
  more(count: number): string;
  /** What only administrators may do, for the "administrators only" sentence. */
  sendNowWhat: string;
  calendarLine: string;
  calendarButton: string;
  category: Record<DeadlineCategory, string>;
  categoryPlural: Record<DeadlineCategory, string>;
  /** The label of an item's day: "Frist" for what is due, "Dato" for what happens. */
  dayLabel(due: boolean): string;
  /** The label of an item that is a period ("Periode: uge 6–13 2025"), and "under way" for one that runs today. */
  periodLabel: string;
  underWay: string;
  publishedLabel(kind: DeadlineKind): string;
  notPublished: string;
  noDay: string;
  openSince: string;
  requesters(count: number): string;
  allDeadlines: string;
  codeTitle(code: string): string;
  unknownCode(code: string): string;
  soonTitle(noun: string): string;
  periodTitle(noun: string, period: string): string;
  happensTitle(period: string): string;
  happensSoonTitle: string;
  passedTitle(noun: string): string;
  newTitle: string;
  upcomingTitle(noun: string): string;
  nextTitle(noun: string, topic: string | null): string;
  forSolution(noun: string, solution: string): string;
  aboutTopic(title: string, topic: string): string;
  nothing(title: string): string;
  nothingNew: string;
  nothingHappens(period: string): string;
  latest: string;
  switchesHeading: string;
  count(n: number): string;
  subscribed: string;
  alreadySubscribed: string;
  unsubscribed: string;
  notSubscribed: string;
  previewSentPrivately: string;
  previewNeedsPersonalChat: string;
  sendNowStarted: string;
  sendNowResult(sent: number, failed: number, already: number): string;
}

const da: DigestMessages = {
  title: (week, year) => `Ugens oversigt — uge ${week}, ${year}`,
  emptyWeek: 'Ingen frister, møder, nye KLIK-opgaver eller skift i denne uge.',
  dueSoon: 'Frister de næste 14 dage',
  happeningSoon: 'Møder og andre datoer de næste 14 dage',
  weekHeading: (week, year) => `Uge ${week}, ${year}`,
  published: 'Nyt i KLIK den seneste uge',
  sent: 'Udsendt den seneste uge',
  passed: 'Netop passeret',
  switching: 'Skifter til CH2 eller STS 2 inden for 30 dage',
  staleSurveys: 'Spørgeskemaer der har været åbne i over 7 dage',
  staleSurvey: (since, requesters) => `Åben siden: ${since} · ${requesters} har spurgt`,
  more: (count) => `+${count} mere`,
  sendNowWhat: 'sende oversigten',
  calendarLine: 'Få fristerne i din kalender:',
  calendarButton: 'Abonnér i Outlook',
  category: { klik: 'KLIK-opgave', agreement: 'Aftale', meeting: 'Møde', 'go-live': 'Idriftsættelse', release: 'Release', milestone: 'Milepæl' },
  categoryPlural: { klik: 'KLIK-opgaver', agreement: 'Aftaler', meeting: 'Møder', 'go-live': 'Idriftsættelser', release: 'Releases', milestone: 'Milepæle' },
  dayLabel: (due) => (due ? 'Frist' : 'Dato'),
  periodLabel: 'Periode',
  underWay: 'i gang nu',
  publishedLabel: (kind) => (kind === 'klik' ? 'Publiceret i KLIK' : 'Udsendt'),
  notPublished: 'Ikke publiceret i KLIK endnu',
  noDay: 'ingen endnu',
  openSince: 'Åben siden',
  requesters: (count) => `${count} har spurgt`,
  allDeadlines: 'Frister og møder',
  codeTitle: (code) => `Frister for ${code}`,
  unknownCode: (code) => `Jeg kender ingen KLIK-opgave med koden ${code}.`,
  soonTitle: (noun) => `${noun} de næste 14 dage`,
  periodTitle: (noun, period) => `${noun} ${period}`,
  happensTitle: (period) => `Det sker ${period}`,
  happensSoonTitle: 'Det sker de næste 14 dage',
  passedTitle: (noun) => `${noun} der netop er passeret`,
  newTitle: 'Nyt i KLIK de seneste 7 dage',
  upcomingTitle: (noun) => `Kommende ${noun.toLocaleLowerCase('da')}`,
  nextTitle: (noun, topic) => `Næste ${noun.toLocaleLowerCase('da')}${topic ? ` (${topic})` : ''}`,
  forSolution: (noun, solution) => `${noun} for ${solution}`,
  aboutTopic: (title, topic) => `${title} om "${topic}"`,
  nothing: (title) => `Jeg kender ingen ${title.charAt(0).toLocaleLowerCase('da')}${title.slice(1)}.`,
  nothingNew: 'Der er ikke publiceret noget nyt i KLIK de seneste 7 dage.',
  nothingHappens: (period) => `Jeg kender ingen frister, møder eller skift ${period}.`,
  latest: 'Senest',
  switchesHeading: 'Skift til CH2 eller STS 2',
  count: (n) => (n === 1 ? '1 punkt' : `${n} punkter`),
  subscribed: 'Denne samtale får nu ugens oversigt hver mandag morgen. Skriv "stop oversigt" for at afmelde den.',
  alreadySubscribed: 'Denne samtale får allerede ugens oversigt.',
  unsubscribed: 'Denne samtale får ikke længere ugens oversigt.',
  notSubscribed: 'Denne samtale får ikke ugens oversigt.',
  previewSentPrivately: 'Jeg har sendt ugens oversigt til dig i vores private chat.',
  previewNeedsPersonalChat: 'Skriv "vis ugens oversigt" til mig i en privat chat, så viser jeg den kun for dig.',
  sendNowStarted: 'Jeg sender ugens oversigt nu.',
  sendNowResult: (sent, failed, already) => `Ugens oversigt: ${sent} sendt, ${already} havde den allerede, ${failed} mislykkedes (prøves igen senere).`,
};

const en: DigestMessages = {
  title: (week, year) => `This week's digest — week ${week}, ${year}`,
  emptyWeek: 'No deadlines, meetings, new KLIK tasks or switches this week.',
  dueSoon: 'Deadlines in the next 14 days',
  happeningSoon: 'Meetings and other dates in the next 14 days',
  weekHeading: (week, year) => `Week ${week}, ${year}`,
  published: 'New in KLIK in the past week',
  sent: 'Sent in the past week',
  passed: 'Just passed',
  switching: 'Switching to CH2 or STS 2 within 30 days',
  staleSurveys: 'Surveys open for more than 7 days',
  staleSurvey: (since, requesters) => `Open since: ${since} · ${requesters} asked`,
  more: (count) => `+${count} more`,
  sendNowWhat: 'send the digest',
  calendarLine: 'Get the deadlines in your calendar:',
  calendarButton: 'Subscribe in Outlook',
  category: { klik: 'KLIK task', agreement: 'Agreement', meeting: 'Meeting', 'go-live': 'Go-live', release: 'Release', milestone: 'Milestone' },
  categoryPlural: { klik: 'KLIK tasks', agreement: 'Agreements', meeting: 'Meetings', 'go-live': 'Go-lives', release: 'Releases', milestone: 'Milestones' },
  dayLabel: (due) => (due ? 'Deadline' : 'Date'),
  periodLabel: 'Period',
  underWay: 'under way',
  publishedLabel: (kind) => (kind === 'klik' ? 'Published in KLIK' : 'Sent'),
  notPublished: 'Not yet published in KLIK',
  noDay: 'none yet',
  openSince: 'Open since',
  requesters: (count) => `${count} asked`,
  allDeadlines: 'Deadlines and meetings',
  codeTitle: (code) => `Deadlines for ${code}`,
  unknownCode: (code) => `I know no KLIK task with the code ${code}.`,
  soonTitle: (noun) => `${noun} in the next 14 days`,
  periodTitle: (noun, period) => `${noun} ${period}`,
  happensTitle: (period) => `What happens ${period}`,
  happensSoonTitle: 'What happens in the next 14 days',
  passedTitle: (noun) => `${noun} that just passed`,
  newTitle: 'New in KLIK in the past 7 days',
  upcomingTitle: (noun) => `Upcoming ${noun.toLowerCase()}`,
  nextTitle: (noun, topic) => `Next ${noun.toLowerCase()}${topic ? ` (${topic})` : ''}`,
  forSolution: (noun, solution) => `${noun} for ${solution}`,
  aboutTopic: (title, topic) => `${title} about "${topic}"`,
  nothing: (title) => `I know of no ${title.charAt(0).toLowerCase()}${title.slice(1)}.`,
  nothingNew: 'Nothing new has been published in KLIK in the past 7 days.',
  nothingHappens: (period) => `I know of no deadlines, meetings or switches ${period}.`,
  latest: 'Most recent',
  switchesHeading: 'Switches to CH2 or STS 2',
  count: (n) => (n === 1 ? '1 item' : `${n} items`),
  subscribed: 'This conversation now gets the weekly digest every Monday morning. Write "unsubscribe digest" to stop it.',
  alreadySubscribed: 'This conversation already gets the weekly digest.',
  unsubscribed: 'This conversation no longer gets the weekly digest.',
  notSubscribed: 'This conversation does not get the weekly digest.',
  previewSentPrivately: "I have sent you this week's digest in our private chat.",
  previewNeedsPersonalChat: 'Write "digest preview" to me in a private chat and I will show it to you alone.',
  sendNowStarted: "I am sending this week's digest now.",
  sendNowResult: (sent, failed, already) => `Weekly digest: ${sent} sent, ${already} had it already, ${failed} failed (tried again later).`,
};

const TEXTS: Record<Lang, DigestMessages> = { da, en };

export function digestMessages(lang: Lang): DigestMessages {
  return TEXTS[lang];
}
