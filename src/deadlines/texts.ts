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
  /** "Vis alle (12)": a channel's section opened in full. */
  showAll(count: number): string;
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
  /** An event whose day passed after its source was written: planned, nothing confirms it happened. */
  unconfirmed: string;
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
  /** A past period: "Det skete i december 2024". */
  happenedTitle(period: string): string;
  sameDeadline(day: string): string;
  differentDeadlines: string;
  /** "Nyt i KLIK" when the publication days are not known. */
  publicationUnknown: string;
  unknownDaysHeading: string;
  publishedOpenHeading: string;
  /** Nothing dated, and some items have no known day. */
  dayUnknown(title: string): string;
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
  /** How the run went; `failures` one line each (at most a few, then how many more). */
  sendNowResult(sent: number, failed: number, already: number, failures?: readonly string[]): string;
  /** One conversation the digest did not reach, and why, in plain words. */
  sendNowFailure(source: 'command' | 'install', kind: 'personal' | 'channel' | 'groupChat' | 'unknown', reason: string | null): string;
  /** "Send it now" cannot send: why, and what to do. */
  sendNowBlocked(reason: DigestBlocked): string;
  /** The run failed on the bot's side. */
  sendNowFailed: string;
  /** The subscriptions were damaged and set aside: the run goes on from the last good copy. */
  sendNowFromCopy: string;
}

/** Why the digest cannot be sent now. */
export type DigestBlocked = 'lock-lost' | 'subscriptions-unreadable';

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
  showAll: (count) => `Vis alle (${count})`,
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
  noDay: 'ikke kendt endnu',
  unconfirmed: 'var planlagt, det er ikke bekræftet at det skete',
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
  upcomingTitle: (noun) => `Kommende ${lowerFirst(noun, 'da')}`,
  nextTitle: (noun, topic) => `Næste ${lowerFirst(noun, 'da')}${topic ? ` (${topic})` : ''}`,
  forSolution: (noun, solution) => `${noun} for ${solution}`,
  aboutTopic: (title, topic) => `${title} om "${topic}"`,
  // "ingen frister eller møder": a negation joins with "eller"; "KLIK" keeps its capitals.
  nothing: (title) => `Jeg kender ingen ${lowerFirst(title, 'da').replace(/^frister og møder/, 'frister eller møder')}.`,
  happenedTitle: (period) => `Det skete ${period}`,
  sameDeadline: (day) => `Ja, de har samme frist: ${day}.`,
  differentDeadlines: 'Nej, de har ikke samme frist:',
  publicationUnknown:
    'Jeg kender ikke publiceringsdagene i KLIK, så jeg kan ikke sige hvad der er publiceret de seneste 7 dage. Det jeg ved: disse KLIK-opgaver er publiceret og stadig åbne.',
  unknownDaysHeading: 'Dato ikke kendt',
  publishedOpenHeading: 'Åbne KLIK-opgaver, publiceringsdag ikke oplyst',
  dayUnknown: (title) => `Jeg kender ikke datoen for alle ${lowerFirst(title, 'da')}: nogle har ingen kendt dato endnu.`,
  nothingNew: 'Der er ikke publiceret noget nyt i KLIK de seneste 7 dage.',
  nothingHappens: (period) => `Jeg kender ingen frister, møder eller skift ${period}.`,
  latest: 'Intet forude. Senest passeret, nyeste først',
  switchesHeading: 'Skift til CH2 eller STS 2',
  count: (n) => (n === 1 ? '1 punkt' : `${n} punkter`),
  subscribed: 'Denne samtale får nu ugens oversigt hver mandag morgen. Skriv "stop oversigt" for at afmelde den.',
  alreadySubscribed: 'Denne samtale får allerede ugens oversigt.',
  unsubscribed: 'Denne samtale får ikke længere ugens oversigt.',
  notSubscribed: 'Denne samtale får ikke ugens oversigt.',
  previewSentPrivately: 'Jeg har sendt ugens oversigt til dig i vores private chat.',
  previewNeedsPersonalChat: 'Skriv "vis ugens oversigt" til mig i en privat chat, så viser jeg den kun for dig.',
  sendNowStarted: 'Jeg sender ugens oversigt nu.',
  sendNowResult: (sent, failed, already, failures = []) =>
    [`Ugens oversigt: ${sent} sendt, ${already} havde den allerede, ${failed} mislykkedes (prøves igen senere).`, ...shownFailures(failures, (n) => `+${n} mere`)].join('\n'),
  sendNowFailure: (source, kind, reason) => {
    const where = { personal: 'En personlig chat', channel: 'En kanal i et team', groupChat: 'En gruppechat', unknown: 'En samtale' }[kind];
    const how = source === 'install' ? 'der fik oversigten da appen blev tilføjet' : 'der skrev "abonnér på oversigt"';
    return `- ${where} ${how}: ${reason === null ? 'botten er fjernet fra samtalen, så den får ikke oversigten mere' : `Teams tog ikke imod beskeden (${plainReason(reason, 'da')})`}.`;
  },
  sendNowBlocked: (reason) =>
    reason === 'lock-lost'
      ? 'Jeg kan ikke sende ugens oversigt: en anden FKI Bot har overtaget datamappen, så denne sender intet. Stop denne bot.'
      : 'Jeg kan ikke sende ugens oversigt nu: listen over abonnenter kan ikke læses. Fejlen er logget; se /healthz.',
  sendNowFailed: 'Ugens oversigt kunne ikke sendes: noget gik galt hos mig. Fejlen er logget; prøv igen om lidt.',
  sendNowFromCopy: 'Bemærk: listen over abonnenter var beskadiget og er lagt til side; jeg bruger den sidste gode kopi.',
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
  showAll: (count) => `Show all (${count})`,
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
  noDay: 'not known yet',
  unconfirmed: 'was planned, not confirmed that it happened',
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
  upcomingTitle: (noun) => `Upcoming ${lowerFirst(noun, 'en')}`,
  nextTitle: (noun, topic) => `Next ${lowerFirst(noun, 'en')}${topic ? ` (${topic})` : ''}`,
  forSolution: (noun, solution) => `${noun} for ${solution}`,
  aboutTopic: (title, topic) => `${title} about "${topic}"`,
  nothing: (title) => `I know of no ${lowerFirst(title, 'en').replace(/^deadlines and meetings/, 'deadlines or meetings')}.`,
  happenedTitle: (period) => `What happened ${period}`,
  sameDeadline: (day) => `Yes, they have the same deadline: ${day}.`,
  differentDeadlines: 'No, they do not have the same deadline:',
  publicationUnknown:
    "I do not know the days tasks were published in KLIK, so I cannot say what was published in the past 7 days. What I know: these KLIK tasks are published and still open.",
  unknownDaysHeading: 'Day not known',
  publishedOpenHeading: 'Open KLIK tasks, publication day not given',
  dayUnknown: (title) => `I do not know the day of all ${lowerFirst(title, 'en')}: some have no known day yet.`,
  nothingNew: 'Nothing new has been published in KLIK in the past 7 days.',
  nothingHappens: (period) => `I know of no deadlines, meetings or switches ${period}.`,
  latest: 'Nothing ahead. Most recently passed, newest first',
  switchesHeading: 'Switches to CH2 or STS 2',
  count: (n) => (n === 1 ? '1 item' : `${n} items`),
  subscribed: 'This conversation now gets the weekly digest every Monday morning. Write "unsubscribe digest" to stop it.',
  alreadySubscribed: 'This conversation already gets the weekly digest.',
  unsubscribed: 'This conversation no longer gets the weekly digest.',
  notSubscribed: 'This conversation does not get the weekly digest.',
  previewSentPrivately: "I have sent you this week's digest in our private chat.",
  previewNeedsPersonalChat: 'Write "digest preview" to me in a private chat and I will show it to you alone.',
  sendNowStarted: "I am sending this week's digest now.",
  sendNowResult: (sent, failed, already, failures = []) =>
    [`Weekly digest: ${sent} sent, ${already} had it already, ${failed} failed (tried again later).`, ...shownFailures(failures, (n) => `+${n} more`)].join('\n'),
  sendNowFailure: (source, kind, reason) => {
    const where = { personal: 'A personal chat', channel: "A team's channel", groupChat: 'A group chat', unknown: 'A conversation' }[kind];
    const how = source === 'install' ? 'that got the digest when the app was added' : 'that wrote "subscribe to digest"';
    return `- ${where} ${how}: ${reason === null ? 'the bot was removed from it, so it gets no more digests' : `Teams did not take the message (${plainReason(reason, 'en')})`}.`;
  },
  sendNowBlocked: (reason) =>
    reason === 'lock-lost'
      ? 'I cannot send the digest: another FKI Bot has taken over the data folder, so this one sends nothing. Stop this bot.'
      : 'I cannot send the digest now: the list of subscribers cannot be read. The error has been logged; see /healthz.',
  sendNowFailed: 'The weekly digest could not be sent: something went wrong on my side. The error has been logged; please try again shortly.',
  sendNowFromCopy: 'Note: the list of subscribers was damaged and has been set aside; I am using its last good copy.',
};

const TEXTS: Record<Lang, DigestMessages> = { da, en };

/**
 * A heading's first word in lower case inside a sentence ("Kommende møder"), except a name written in
 * capitals ("KLIK-opgaver", "SAPA"): KOMBIT writes KLIK in capitals everywhere.
 */
function lowerFirst(text: string, lang: Lang): string {
  const first = text.split(/[\s-]/, 1)[0] ?? '';
  if (first.length > 1 && first === first.toLocaleUpperCase(lang)) return text;
  return `${text.charAt(0).toLocaleLowerCase(lang)}${text.slice(1)}`;
}

export function digestMessages(lang: Lang): DigestMessages {
  return TEXTS[lang];
}

/** The failures shown under the run's result: the first few, then how many more. */
function shownFailures(failures: readonly string[], more: (count: number) => string): string[] {
  const SHOWN = 5;
  return failures.length > SHOWN ? [...failures.slice(0, SHOWN), more(failures.length - SHOWN)] : [...failures];
}

/** What a delivery's failure reason means, for an administrator: the HTTP status in words, else as given. */
function plainReason(reason: string, lang: 'da' | 'en'): string {
  const status = /^HTTP (\d{3})$/.exec(reason)?.[1];
  if (status === '429') return lang === 'da' ? 'for mange beskeder på én gang' : 'too many messages at once';
  if (status?.startsWith('5')) return lang === 'da' ? `fejl hos Teams, HTTP ${status}` : `an error at Teams, HTTP ${status}`;
  if (reason === 'no conversation reference') return lang === 'da' ? 'botten kender ikke samtalen endnu' : 'the bot does not know the conversation yet';
  return reason;
}
