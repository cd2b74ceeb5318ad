import type { AnswerField, AnswerProblem } from './answerInput.js';
import type { AnswerStatus } from './survey.js';
import type { Lang } from '../i18n/language.js';

/** Every text of the vendor survey, in Danish and English. */
interface SurveyMessages {
  title(system: string): string;
  intro(system: string, requester: string | null): string;
  newSystemIntro: string;
  linkLine(url: string): string;
  openLinkButton: string;
  label: Record<AnswerField, string>;
  help: Partial<Record<AnswerField, string>>;
  statusChoice: Record<AnswerStatus, string>;
  submitButton: string;
  problem: Record<AnswerProblem, string>;
  fixProblems: string;
  created(system: string): string;
  joined(system: string): string;
  alreadyAsked(system: string): string;
  receipt(system: string, statusLine: string): string;
  statusLine: {
    planned(system: string, dates: string): string;
    switched(system: string, dates: string): string;
    'not-applicable'(system: string): string;
    undecided(system: string): string;
  };
  reviewPending: string;
  editButton: string;
  closed(system: string): string;
  notFound: string;
  reviewTitle(system: string): string;
  reviewFacts: { submitted: string; via: string; viaTeams: string; viaLink: string; newSystem: string; yes: string };
  reasonLabel: string;
  approveButton: string;
  rejectButton: string;
  reasonRequired: string;
  alreadyReviewed(system: string): string;
  approvedCard(system: string, by: string, day: string): string;
  rejectedCard(system: string, by: string, day: string, reason: string): string;
  notifyApproved(system: string, statusLine: string): string;
  notifyRejected(system: string, reason: string): string;
  newAnswerForAdmins(system: string): string;
  openTitle: string;
  openNone: string;
  openLine(system: string, since: string, requesters: number, answers: number): string;
  awaitingAnswer: string;
  awaitingReview: string;
  approvedState: string;
  rejectedState: string;
  reviewButton: string;
  pageTitle(system: string): string;
  pageSaved: string;
  pageExpired: string;
  pageForged: string;
  /** A true link signed with a key the bot no longer has (SURVEY_LINK_SECRET changed). */
  pageStale: string;
  pageClosed(system: string): string;
  pageNotFound: string;
  /** The answer could not be stored (the database or the disk is down); nothing internal is shown. */
  pageNotSaved: string;
  askWhich: string;
  limited(limit: number): string;
  replaced(system: string): string;
  closeButton: string;
  closedByAdmin(system: string, day: string): string;
  notifyClosed(system: string): string;
  closeWhich: string;
  closedState: string;
  more(count: number): string;
  unknownId(id: string): string;
  /** What only administrators may do, for the "administrators only" sentence. */
  reviewWhat: string;
  closeWhat: string;
  toCh2On(day: string): string;
  toSts2On(day: string): string;
  and: string;
  /** The link to the form in the other language, named in that language. */
  otherLanguage: string;
  /** "Nu → Nyt" on the review card: what approving changes on KOMBIT's list. */
  changeTitle: string;
  unchanged: string;
  unknownValue: string;
  registryStatus: Record<'planned' | 'switched' | 'not-applicable' | 'unknown' | 'none', string>;
  /** Said on a survey card to everyone but the one who answered, while KOMBIT reviews the answer. */
  answeredPending(system: string, day: string): string;
  /** "Luk uden svar" asks first: what closing does. */
  closeConfirm(system: string, requesters: number): string;
  /** "Fortryd" under the typed close: nothing changed. */
  closeKept(system: string): string;
  closeYes: string;
  closeNo: string;
  copyLinkLabel: string;
  copyLinkHelp: string;
  mailButton: string;
  mailSubject(system: string): string;
  mailBody(system: string, link: string): string;
  dateRange: string;
  requiredMark: string;
}

const da: SurveyMessages = {
  title: (system) => `Hvornår skifter ${system} til Context Handler 2 og STS 2?`,
  intro: (system, requester) =>
    `${requester ?? 'En kommune'} har bedt om leverandørens dato for ${system}. Svaret går til KOMBIT, som lægger det på listen for alle 98 kommuner når det er godkendt.`,
  newSystemIntro: 'Systemet er ikke på KOMBITs liste endnu; skriv derfor også leverandørens navn.',
  linkLine: (url) => `Leverandører uden for Teams kan svare her: ${url}`,
  openLinkButton: 'Åbn formularen i browseren',
  label: {
    status: 'Hvor langt er skiftet?',
    ch2Date: 'Dato for skift til Context Handler 2',
    sts2Date: 'Dato for skift til STS 2',
    vendor: 'Leverandør',
    contactName: 'Kontaktperson',
    contactEmail: 'Kontaktpersonens e-mail',
    comment: 'Bemærkning',
  },
  help: {
    ch2Date: 'Udfyld mindst én af datoerne hvis skiftet er planlagt eller sket.',
    comment: 'Højst 1000 tegn. Vises som almindelig tekst.',
  },
  statusChoice: {
    planned: 'Skiftet er planlagt',
    switched: 'Systemet er allerede skiftet',
    'not-applicable': 'Systemet bruger ikke Context Handler',
    undecided: 'Datoen er ikke besluttet endnu',
  },
  submitButton: 'Send svaret',
  problem: {
    STATUS_REQUIRED: 'Vælg hvor langt skiftet er.',
    DATE_REQUIRED: 'Skriv mindst én dato når skiftet er planlagt eller sket.',
    INVALID_DATE: 'Det er ikke en gyldig dato. Skriv fx 2026-03-03.',
    DATE_OUT_OF_RANGE: 'Datoen skal ligge mellem 1. december 2022 og 31. december 2035.',
    SWITCHED_IN_FUTURE: 'Et skift der allerede er sket, kan ikke ligge i fremtiden.',
    INVALID_EMAIL: 'Det er ikke en gyldig e-mailadresse.',
    TOO_LONG: 'Teksten er for lang.',
    VENDOR_REQUIRED: 'Skriv leverandørens navn.',
  },
  fixProblems: 'Svaret er ikke gemt. Ret felterne markeret nedenfor og send igen.',
  created: (system) => `Jeg har oprettet et spørgeskema til leverandøren af ${system}. Udfyld det her, eller send linket videre til leverandøren.`,
  joined: (system) => `Der er allerede et åbent spørgeskema for ${system}. Du er sat på listen og får besked når KOMBIT har godkendt svaret.`,
  alreadyAsked: (system) => `Du har allerede spurgt om ${system}. Her er spørgeskemaet igen.`,
  receipt: (system, statusLine) => `Tak — registreret: ${statusLine}`,
  statusLine: {
    planned: (system, dates) => `${system} skifter ${dates}.`,
    switched: (system, dates) => `${system} skiftede ${dates}.`,
    'not-applicable': (system) => `${system} bruger ikke Context Handler.`,
    undecided: (system) => `${system} har endnu ikke en dato for skiftet.`,
  },
  reviewPending: 'KOMBIT gennemgår svaret før det kommer på listen. De der har spurgt, får besked.',
  editButton: 'Ret svaret',
  closed: (system) => `Spørgeskemaet om ${system} er lukket af KOMBIT.`,
  notFound: 'Det spørgeskema findes ikke.',
  reviewTitle: (system) => `Svar til godkendelse: ${system}`,
  reviewFacts: { submitted: 'Indsendt', via: 'Via', viaTeams: 'Teams', viaLink: 'link', newSystem: 'Nyt system på listen', yes: 'ja' },
  reasonLabel: 'Begrundelse (skal udfyldes ved afvisning)',
  approveButton: 'Godkend',
  rejectButton: 'Afvis',
  reasonRequired: 'Skriv en begrundelse, før du afviser svaret.',
  alreadyReviewed: (system) => `Svaret om ${system} er allerede behandlet.`,
  approvedCard: (system, by, day) => `Godkendt af ${by} ${day}: ${system} er opdateret på listen.`,
  rejectedCard: (system, by, day, reason) => `Afvist af ${by} ${day}: ${reason}`,
  notifyApproved: (system, statusLine) => `KOMBIT har godkendt leverandørens svar om ${system}: ${statusLine}`,
  notifyRejected: (system, reason) => `KOMBIT har afvist leverandørens svar om ${system}. Begrundelse: ${reason}`,
  newAnswerForAdmins: (system) => `Nyt svar fra leverandøren om ${system} venter på godkendelse.`,
  openTitle: 'Åbne forespørgsler',
  openNone: 'Der er ingen åbne forespørgsler.',
  openLine: (system, since, requesters, answers) =>
    `${system}: åben siden ${since}, ${requesters} har spurgt, ${answers} svar`,
  awaitingAnswer: 'afventer svar',
  awaitingReview: 'afventer godkendelse',
  approvedState: 'godkendt',
  rejectedState: 'afvist',
  reviewButton: 'Gennemse',
  pageTitle: (system) => `Spørgeskema: ${system}`,
  pageSaved: 'Tak! Svaret er gemt og sendt til KOMBIT.',
  pageExpired: 'Linket er udløbet. Bed den der sendte det, om et nyt.',
  pageForged: 'Linket er ikke gyldigt. Kontrollér at hele linket er kopieret.',
  pageStale: 'Linket er for gammelt: det blev lavet, før botten fik en ny nøgle. Bed den der sendte det, om et nyt.',
  pageClosed: (system) => `Spørgeskemaet om ${system} er lukket af KOMBIT.`,
  pageNotFound: 'Spørgeskemaet findes ikke.',
  pageNotSaved: 'Svaret blev ikke gemt: vi har et teknisk problem lige nu. Det du har skrevet, står her stadig. Prøv at sende igen om lidt.',
  askWhich: 'Hvilket system skal jeg spørge leverandøren om? Skriv fx "spørg leverandøren om Nexus".',
  limited: (limit) =>
    `Du har allerede oprettet ${limit} spørgeskemaer det seneste døgn, og det er det højeste antal. Prøv igen i morgen, eller bed KOMBIT om at oprette det. Intet er ændret.`,
  replaced: (system) => `Leverandøren har sendt et nyere svar om ${system}, så det tidligere svar kan ikke godkendes eller afvises. Her er det nyeste svar.`,
  closeButton: 'Luk uden svar',
  closedByAdmin: (system, day) => `Spørgeskemaet om ${system} er lukket uden svar ${day}.`,
  notifyClosed: (system) => `KOMBIT har lukket spørgeskemaet om ${system} uden et svar fra leverandøren.`,
  closeWhich: 'Hvilket spørgeskema skal lukkes? Skriv fx "luk spørgeskemaet om Nexus".',
  closedState: 'lukket uden svar',
  more: (count) => `+${count} mere`,
  unknownId: (id) => `Der er intet spørgeskema med id ${id}. Se id'erne med "surveys list".`,
  reviewWhat: 'godkende eller afvise svar',
  closeWhat: 'lukke et spørgeskema',
  toCh2On: (day) => `til Context Handler 2 den ${day}`,
  toSts2On: (day) => `til STS 2 den ${day}`,
  and: ' og ',
  otherLanguage: 'English',
  changeTitle: 'Det ændrer godkendelsen på listen (nu → nyt)',
  unchanged: 'uændret',
  unknownValue: 'ukendt',
  registryStatus: { planned: 'Planlagt', switched: 'Skiftet', 'not-applicable': 'Bruger ikke Context Handler', unknown: 'Ingen dato endnu', none: 'ikke angivet' },
  answeredPending: (system, day) => `Leverandøren har svaret om ${system} ${day}. KOMBIT gennemgår svaret før det kommer på listen.`,
  closeConfirm: (system, requesters) =>
    `Luk spørgeskemaet om ${system} uden svar? ${requesters === 1 ? 'Den der har spurgt, får' : `De ${requesters} der har spurgt, får`} besked, og leverandøren kan ikke længere svare.`,
  closeKept: (system) => `Spørgeskemaet om ${system} er stadig åbent. Intet er ændret.`,
  closeYes: 'Ja, luk',
  closeNo: 'Fortryd',
  copyLinkLabel: 'Leverandører uden for Teams kan svare her:',
  copyLinkHelp: 'Markér linket for at kopiere det, eller send det i en mail med knappen herunder.',
  mailButton: 'Send til leverandøren',
  mailSubject: (system) => `KOMBIT spørger: hvornår skifter ${system} til Context Handler 2 og STS 2?`,
  mailBody: (system, link) =>
    `Hej\n\nKommunerne vil gerne kende jeres dato for skiftet af ${system} til Context Handler 2 og STS 2. Svaret går til KOMBIT, som lægger det på listen for alle kommuner når det er godkendt.\n\nSvar her (det tager et par minutter):\n${link}\n\nVenlig hilsen`,
  dateRange: 'Vælg en dato mellem 1. december 2022 og 31. december 2035.',
  requiredMark: '(skal udfyldes)',
};

const en: SurveyMessages = {
  title: (system) => `When does ${system} switch to Context Handler 2 and STS 2?`,
  intro: (system, requester) =>
    `${requester ?? 'A municipality'} has asked for the vendor's date for ${system}. The answer goes to KOMBIT, who puts it on the list for all 98 municipalities once approved.`,
  newSystemIntro: "The system is not on KOMBIT's list yet, so please also give the vendor's name.",
  linkLine: (url) => `Vendors outside Teams can answer here: ${url}`,
  openLinkButton: 'Open the form in a browser',
  label: {
    status: 'Where is the switch?',
    ch2Date: 'Date of the switch to Context Handler 2',
    sts2Date: 'Date of the switch to STS 2',
    vendor: 'Vendor',
    contactName: 'Contact person',
    contactEmail: "Contact person's email",
    comment: 'Comment',
  },
  help: {
    ch2Date: 'Give at least one of the dates if the switch is planned or done.',
    comment: 'At most 1000 characters. Shown as plain text.',
  },
  statusChoice: {
    planned: 'The switch is planned',
    switched: 'The system has already switched',
    'not-applicable': 'The system does not use Context Handler',
    undecided: 'The date has not been decided yet',
  },
  submitButton: 'Send the answer',
  problem: {
    STATUS_REQUIRED: 'Choose where the switch is.',
    DATE_REQUIRED: 'Give at least one date when the switch is planned or done.',
    INVALID_DATE: 'That is not a valid date. Write e.g. 2026-03-03.',
    DATE_OUT_OF_RANGE: 'The date must lie between 1 December 2022 and 31 December 2035.',
    SWITCHED_IN_FUTURE: 'A switch that has already happened cannot lie in the future.',
    INVALID_EMAIL: 'That is not a valid email address.',
    TOO_LONG: 'The text is too long.',
    VENDOR_REQUIRED: "Give the vendor's name.",
  },
  fixProblems: 'The answer has not been saved. Fix the fields marked below and send again.',
  created: (system) => `I have made a survey for the vendor of ${system}. Fill it in here, or forward the link to the vendor.`,
  joined: (system) => `There is already an open survey for ${system}. You are on the list and will be told when KOMBIT has approved the answer.`,
  alreadyAsked: (system) => `You have already asked about ${system}. Here is the survey again.`,
  receipt: (system, statusLine) => `Thank you — registered: ${statusLine}`,
  statusLine: {
    planned: (system, dates) => `${system} switches ${dates}.`,
    switched: (system, dates) => `${system} switched ${dates}.`,
    'not-applicable': (system) => `${system} does not use Context Handler.`,
    undecided: (system) => `${system} has no date for the switch yet.`,
  },
  reviewPending: 'KOMBIT reviews the answer before it goes on the list. Those who asked will be told.',
  editButton: 'Change the answer',
  closed: (system) => `The survey about ${system} has been closed by KOMBIT.`,
  notFound: 'That survey does not exist.',
  reviewTitle: (system) => `Answer to review: ${system}`,
  reviewFacts: { submitted: 'Submitted', via: 'Via', viaTeams: 'Teams', viaLink: 'link', newSystem: 'New system on the list', yes: 'yes' },
  reasonLabel: 'Reason (required to reject)',
  approveButton: 'Approve',
  rejectButton: 'Reject',
  reasonRequired: 'Give a reason before you reject the answer.',
  alreadyReviewed: (system) => `The answer about ${system} has already been handled.`,
  approvedCard: (system, by, day) => `Approved by ${by} on ${day}: ${system} is updated on the list.`,
  rejectedCard: (system, by, day, reason) => `Rejected by ${by} on ${day}: ${reason}`,
  notifyApproved: (system, statusLine) => `KOMBIT has approved the vendor's answer about ${system}: ${statusLine}`,
  notifyRejected: (system, reason) => `KOMBIT has rejected the vendor's answer about ${system}. Reason: ${reason}`,
  newAnswerForAdmins: (system) => `A new answer from the vendor about ${system} is waiting for approval.`,
  openTitle: 'Open surveys',
  openNone: 'There are no open surveys.',
  openLine: (system, since, requesters, answers) => `${system}: open since ${since}, ${requesters} asked, ${answers} answers`,
  awaitingAnswer: 'waiting for an answer',
  awaitingReview: 'waiting for approval',
  approvedState: 'approved',
  rejectedState: 'rejected',
  reviewButton: 'Review',
  pageTitle: (system) => `Survey: ${system}`,
  pageSaved: 'Thank you! The answer is saved and sent to KOMBIT.',
  pageExpired: 'The link has expired. Ask whoever sent it for a new one.',
  pageForged: 'The link is not valid. Check that the whole link was copied.',
  pageStale: 'The link is too old: it was made before the bot got a new key. Ask whoever sent it for a new one.',
  pageClosed: (system) => `The survey about ${system} has been closed by KOMBIT.`,
  pageNotFound: 'The survey does not exist.',
  pageNotSaved: 'Your answer was not saved: we have a technical problem right now. What you wrote is still here. Please try sending it again in a little while.',
  askWhich: 'Which system shall I ask the vendor about? Write e.g. "ask the vendor about Nexus".',
  limited: (limit) =>
    `You have already opened ${limit} surveys in the last 24 hours, which is the most allowed. Try again tomorrow, or ask KOMBIT to open it. Nothing has changed.`,
  replaced: (system) => `The vendor has sent a newer answer about ${system}, so the earlier answer cannot be approved or rejected. Here is the latest answer.`,
  closeButton: 'Close without an answer',
  closedByAdmin: (system, day) => `The survey about ${system} was closed without an answer on ${day}.`,
  notifyClosed: (system) => `KOMBIT has closed the survey about ${system} without an answer from the vendor.`,
  closeWhich: 'Which survey shall I close? Write e.g. "close the survey about Nexus".',
  closedState: 'closed without an answer',
  more: (count) => `+${count} more`,
  unknownId: (id) => `There is no survey with id ${id}. See the ids with "surveys list".`,
  reviewWhat: 'approve or reject answers',
  closeWhat: 'close a survey',
  toCh2On: (day) => `to Context Handler 2 on ${day}`,
  toSts2On: (day) => `to STS 2 on ${day}`,
  and: ' and ',
  otherLanguage: 'Dansk',
  changeTitle: 'What approving changes on the list (now → new)',
  unchanged: 'unchanged',
  unknownValue: 'unknown',
  registryStatus: { planned: 'Planned', switched: 'Switched', 'not-applicable': 'Does not use Context Handler', unknown: 'No date yet', none: 'not given' },
  answeredPending: (system, day) => `The vendor answered about ${system} on ${day}. KOMBIT reviews the answer before it goes on the list.`,
  closeConfirm: (system, requesters) =>
    `Close the survey about ${system} without an answer? ${requesters === 1 ? 'The person who asked is' : `The ${requesters} people who asked are`} told, and the vendor can no longer answer.`,
  closeKept: (system) => `The survey about ${system} is still open. Nothing was changed.`,
  closeYes: 'Yes, close',
  closeNo: 'Cancel',
  copyLinkLabel: 'Vendors outside Teams can answer here:',
  copyLinkHelp: 'Select the link to copy it, or send it in a mail with the button below.',
  mailButton: 'Send to the vendor',
  mailSubject: (system) => `KOMBIT asks: when does ${system} switch to Context Handler 2 and STS 2?`,
  mailBody: (system, link) =>
    `Hello\n\nThe municipalities would like to know your date for switching ${system} to Context Handler 2 and STS 2. The answer goes to KOMBIT, who puts it on the list for all municipalities once approved.\n\nAnswer here (it takes a few minutes):\n${link}\n\nKind regards`,
  dateRange: 'Choose a date between 1 December 2022 and 31 December 2035.',
  requiredMark: '(required)',
};

const TEXTS: Record<Lang, SurveyMessages> = { da, en };

export function surveyMessages(lang: Lang): SurveyMessages {
  return TEXTS[lang];
}
