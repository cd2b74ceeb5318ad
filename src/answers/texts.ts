import type { OrganisationKind } from '../text/organisations.js';
import type { SwitchStatus } from '../registry/system.js';
import type { Lang } from '../i18n/language.js';

/** The answers' texts (a system's switch, lists, "did you mean"), in Danish and English. */
interface AnswerTexts {
  status: Record<SwitchStatus, string>;
  /** The status of a planned switch whose date has passed without being confirmed. */
  overdueStatus: string;
  switchName: { ch2: string; sts2: string; both: string; bothTogether: string };
  retirementUnknown: string;
  switched(name: string, target: string, date: string, relative: string): string;
  willSwitch(name: string, target: string, date: string, relative: string): string;
  overdue(name: string, target: string, date: string, relative: string): string;
  datedUnconfirmed(name: string, target: string, date: string, relative: string): string;
  noDate(name: string, target: string): string;
  notApplicable(name: string, target: string): string;
  label: { vendor: string; owner: string; source: string; updated: string; note: string; fullName: string; ch2: string; sts2: string };
  noValue: string;
  /** A switch whose day no source gives yet. */
  noDateYet: string;
  /** A link to a system's source: "Kilde: Digitaliseringskataloget". */
  sourceLink(source: string): string;
  /** "Vis alle (12)": the lines a channel does not show at once. */
  showAll(count: number): string;
  /** An unknown name: asked before any survey is offered. */
  isSystem: { question(name: string): string; yes: string; no: string; offer(name: string): string; notOne(name: string): string };
  next: { deadlines(solution: string): string; deadlinesQuestion(solution: string): string; retirementPlan: string };
  askVendorOffer(vendor: string | null): string;
  askVendorButton: string;
  ambiguous(query: string): string;
  unknown(query: string): string;
  suggestions(names: string): string;
  noSuggestions: string;
  listTitle: { period(target: string, period: string): string; missing(target: string): string; switched(target: string): string; planned(target: string): string; all: string };
  listEmpty: { period(target: string, period: string): string; missing(target: string): string; switched(target: string): string; planned(target: string): string; all: string };
  listCount(count: number): string;
  listMore(count: number): string;
  overview(target: string, counts: Record<SwitchStatus, number>, total: number): string;
  overviewHint: string;
  /** An organisation named in a switch question: it does not switch, its systems do. */
  organisation(name: string, kind: OrganisationKind): string;
  systemGone(name: string): string;
  reported: { dates(dates: string, day: string): string; notApplicable(day: string): string; undecided(day: string): string };

}

/** Danish genitive: "SAPAs", "FBS'", "FK Organisations". */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}

const da: AnswerTexts = {
  status: { switched: 'Skiftet', planned: 'Planlagt', unknown: 'Ingen dato endnu', 'not-applicable': 'Ikke relevant' },
  overdueStatus: 'Planlagt, datoen er passeret, skiftet er ikke bekræftet',
  switchName: { ch2: 'Context Handler 2', sts2: 'STS 2', both: 'Context Handler 2 eller STS 2', bothTogether: 'CH2 og STS 2' },
  retirementUnknown:
    'Jeg kender ingen dato for lukningen af Context Handler 1 og STS 1. KOMBIT offentliggør planen for hver løsning på Digitaliseringskataloget under "Udfasning af Context Handler 1 og Security Token Service 1". Spørg mig om et systems skift til CH2, fx "hvornår skifter SAPA til CH2?".',
  switched: (name, target, date, relative) => `${name} skiftede til ${target} den ${date} (${relative}).`,
  willSwitch: (name, target, date, relative) => `${name} skifter til ${target} den ${date} (${relative}).`,
  overdue: (name, target, date, relative) =>
    `${name} skulle skifte til ${target} den ${date} (${relative}), men skiftet er ikke bekræftet.`,
  datedUnconfirmed: (name, target, date, relative) => `${name} har datoen ${date} (${relative}) for skiftet til ${target}.`,
  noDate: (name, target) => `Der er endnu ingen kendt dato for ${genitive(name)} skift til ${target}.`,
  notApplicable: (name, target) => `${name} skal ikke skifte til ${target}: skiftet er ikke relevant for systemet.`,
  label: {
    vendor: 'Leverandør', owner: 'Ejer', source: 'Kilde', updated: 'Senest ændret', note: 'Bemærkning',
    fullName: 'Fuldt navn', ch2: 'CH2', sts2: 'STS 2',
  },
  noValue: 'ukendt',
  noDateYet: 'ikke kendt endnu',
  sourceLink: (source) => `Kilde: ${source}`,
  showAll: (count) => `Vis alle (${count})`,
  isSystem: {
    question: (name) => `Er "${name}" et system?`,
    yes: 'Ja',
    no: 'Nej',
    offer: (name) => `Jeg har ingen dato for "${name}". Skal jeg sende et spørgeskema til leverandøren, så KOMBIT får datoen?`,
    notOne: (name) => `Godt, så spørger jeg ingen leverandør om "${name}". Skriv "alle systemer" for at se de systemer jeg kender.`,
  },
  next: {
    deadlines: (solution) => `Frister for ${solution}`,
    deadlinesQuestion: (solution) => `frister for ${solution}`,
    retirementPlan: 'Åbn planen på Digitaliseringskataloget',
  },
  askVendorOffer: (vendor) =>
    vendor ? `Skal jeg spørge leverandøren (${vendor})?` : 'Skal jeg spørge leverandøren?',
  askVendorButton: 'Spørg leverandøren',
  ambiguous: (query) => `Flere systemer passer på "${query}". Hvilket mente du?`,
  unknown: (query) => `Jeg kender ikke systemet "${query}", så jeg har ingen dato for det.`,
  suggestions: (names) => `Mente du ${names}?`,
  noSuggestions: 'Skriv "alle systemer" for at se de systemer jeg kender.',
  listTitle: {
    period: (target, period) => `Skift til ${target} ${period}`,
    missing: (target) => `Systemer uden kendt dato for ${target}`,
    switched: (target) => `Systemer der har skiftet til ${target}`,
    planned: (target) => `Planlagte skift til ${target}`,
    all: 'Alle systemer',
  },
  listEmpty: {
    // Unknown is never none: a system without a date may switch in that period too.
    period: (target, period) => `Ingen af mine systemer har en dato for skiftet til ${target} ${period}; for systemer uden dato er skiftedatoen ikke kendt endnu.`,
    missing: (target) => `Alle systemer har en kendt dato for ${target}.`,
    switched: (target) => `Så vidt jeg ved, har ingen systemer endnu skiftet til ${target}.`,
    planned: (target) => `Ingen systemer har en kommende dato for ${target}.`,
    all: 'Registret er tomt.',
  },
  listCount: (count) => (count === 1 ? '1 system' : `${count} systemer`),
  listMore: (count) => `… og ${count} til.`,
  overview: (target, c, total) =>
    `Skiftet til ${target}: ${c.switched} af ${total} systemer er skiftet, ${c.planned} har en planlagt dato, ${c.unknown} mangler en dato, og ${c['not-applicable']} er ikke berørt.`,
  overviewHint: 'Spørg fx "hvornår skifter SAPA til CH2?" eller "hvilke systemer mangler en dato?".',
  organisation: (name, kind) =>
    kind === 'municipality'
      ? `${name} er en kommune og skifter ikke selv: hvert it-system skifter til Context Handler 2 på sin egen dato. Det kommunen skal gøre er at tildele to-faktor autentifikation til brugerne og løse de løsningsspecifikke KLIK-opgaver inden hvert skift; kommunens infrastrukturansvarlige har en overordnet KLIK-opgave om at koordinere det (KOMBIT programledermøde januar 2025).`
      : kind === 'vendor'
        ? `${name} er en leverandør, ikke et system: spørg om et af leverandørens systemer, fx "hvornår skifter FBS til CH2?".`
        : `${name} er ikke et it-system: hvert system skifter til Context Handler 2 på sin egen dato.`,
  systemGone: (name) => `Systemet "${name}" findes ikke længere i registret.`,
  reported: {
    dates: (dates, day) => `Leverandøren har oplyst ${dates} (svar fra ${day}). KOMBIT har endnu ikke bekræftet det.`,
    notApplicable: (day) => `Leverandøren har oplyst at systemet ikke bruger Context Handler (svar fra ${day}). KOMBIT har endnu ikke bekræftet det.`,
    undecided: (day) => `Leverandøren har svaret at datoen endnu ikke er besluttet (svar fra ${day}).`,
  },

};

const en: AnswerTexts = {
  status: { switched: 'Switched', planned: 'Planned', unknown: 'No date yet', 'not-applicable': 'Not relevant' },
  overdueStatus: 'Planned, the date has passed, the switch is not confirmed',
  switchName: { ch2: 'Context Handler 2', sts2: 'STS 2', both: 'Context Handler 2 or STS 2', bothTogether: 'CH2 and STS 2' },
  retirementUnknown:
    'I know no date for the closing of Context Handler 1 and STS 1. KOMBIT publishes the plan for each solution on Digitaliseringskataloget under "Udfasning af Context Handler 1 og Security Token Service 1". Ask me about a system\'s switch to CH2, for example "when does SAPA switch to CH2?".',
  switched: (name, target, date, relative) => `${name} switched to ${target} on ${date} (${relative}).`,
  willSwitch: (name, target, date, relative) => `${name} switches to ${target} on ${date} (${relative}).`,
  overdue: (name, target, date, relative) =>
    `${name} was due to switch to ${target} on ${date} (${relative}), but the switch has not been confirmed.`,
  datedUnconfirmed: (name, target, date, relative) => `${name} has the date ${date} (${relative}) for the switch to ${target}.`,
  noDate: (name, target) => `No date is known yet for ${name}'s switch to ${target}.`,
  notApplicable: (name, target) => `${name} does not need to switch to ${target}: the switch does not apply to it.`,
  label: {
    vendor: 'Vendor', owner: 'Owner', source: 'Source', updated: 'Last changed', note: 'Note',
    fullName: 'Full name', ch2: 'CH2', sts2: 'STS 2',
  },
  noValue: 'unknown',
  noDateYet: 'not known yet',
  sourceLink: (source) => `Source: ${source}`,
  showAll: (count) => `Show all (${count})`,
  isSystem: {
    question: (name) => `Is "${name}" a system?`,
    yes: 'Yes',
    no: 'No',
    offer: (name) => `I have no date for "${name}". Shall I send the vendor a survey, so that KOMBIT gets the date?`,
    notOne: (name) => `Fine, I will not ask any vendor about "${name}". Type "all systems" to see the systems I know.`,
  },
  next: {
    deadlines: (solution) => `Deadlines for ${solution}`,
    deadlinesQuestion: (solution) => `deadlines for ${solution}`,
    retirementPlan: 'Open the plan on Digitaliseringskataloget',
  },
  askVendorOffer: (vendor) => (vendor ? `Shall I ask the vendor (${vendor})?` : 'Shall I ask the vendor?'),
  askVendorButton: 'Ask the vendor',
  ambiguous: (query) => `Several systems match "${query}". Which one did you mean?`,
  unknown: (query) => `I don't know the system "${query}", so I have no date for it.`,
  suggestions: (names) => `Did you mean ${names}?`,
  noSuggestions: 'Type "all systems" to see the systems I know.',
  listTitle: {
    period: (target, period) => `Switches to ${target} ${period}`,
    missing: (target) => `Systems without a known ${target} date`,
    switched: (target) => `Systems that have switched to ${target}`,
    planned: (target) => `Planned switches to ${target}`,
    all: 'All systems',
  },
  listEmpty: {
    period: (target, period) => `None of my systems has a date for the switch to ${target} ${period}; for systems without a date the switch date is not known yet.`,
    missing: (target) => `Every system has a known ${target} date.`,
    switched: (target) => `As far as I know, no system has switched to ${target} yet.`,
    planned: (target) => `No system has an upcoming ${target} date.`,
    all: 'The registry is empty.',
  },
  listCount: (count) => (count === 1 ? '1 system' : `${count} systems`),
  listMore: (count) => `… and ${count} more.`,
  overview: (target, c, total) =>
    `The switch to ${target}: ${c.switched} of ${total} systems have switched, ${c.planned} have a planned date, ${c.unknown} have no date yet, and ${c['not-applicable']} are not affected.`,
  overviewHint: 'Ask, for example, "when does SAPA switch to CH2?" or "which systems are missing a date?".',
  organisation: (name, kind) =>
    kind === 'municipality'
      ? `${name} is a municipality and does not switch itself: each IT system switches to Context Handler 2 on its own date. What the municipality must do is give its users two-factor authentication and complete the solution-specific KLIK tasks before each switch; its infrastructure owner has an overall KLIK task to coordinate this (KOMBIT programme managers' meeting, January 2025).`
      : kind === 'vendor'
        ? `${name} is a vendor, not a system: ask about one of its systems, for example "when does FBS switch to CH2?".`
        : `${name} is not an IT system: each system switches to Context Handler 2 on its own date.`,
  systemGone: (name) => `The system "${name}" is no longer in the registry.`,
  reported: {
    dates: (dates, day) => `The vendor has reported ${dates} (answer of ${day}). KOMBIT has not confirmed it yet.`,
    notApplicable: (day) => `The vendor has reported that the system does not use Context Handler (answer of ${day}). KOMBIT has not confirmed it yet.`,
    undecided: (day) => `The vendor has answered that the date has not been decided yet (answer of ${day}).`,
  },

};

const TEXTS: Record<Lang, AnswerTexts> = { da, en };

export function answerTexts(lang: Lang): AnswerTexts {
  return TEXTS[lang];
}
