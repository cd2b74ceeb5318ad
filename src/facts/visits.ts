import { readFileSync } from 'node:fs';
import { messageCard } from '../../cards/textCards.js';
import { defineFeature } from '../app/feature.js';
import type { ChatRouter, ChatTurn, Reply } from '../chat/types.js';
import { formatDay } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import { sourceName } from '../i18n/sources.js';
import { fold } from '../text/fold.js';
import { organisationsIn } from '../text/organisations.js';
import { phrases } from '../text/words.js';
import { calendarDayAt, DANISH_ZONE, type IsoDate } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import { findPeriod, isPastTense, type Period } from '../time/period.js';

/** A visit by KOMBIT to a municipality's board of directors, as the deck lists it. */
export interface Visit {
  municipality: string;
  day: IsoDate;
  /** On the deck's list of planned visits (not yet made when the deck was written). */
  planned: boolean;
}

interface VisitsFile {
  source: string;
  visits: { municipality: string; day: string; planned: boolean }[];
}

export const VISITS_FILE = new URL('./visits.json', import.meta.url);

let loaded: { source: string; visits: Visit[] } | null = null;

/** The deck's visits, read once. */
export function deckVisits(): { source: string; visits: readonly Visit[] } {
  if (loaded === null) {
    const file = JSON.parse(readFileSync(VISITS_FILE, 'utf8')) as VisitsFile;
    loaded = { source: file.source, visits: file.visits.map((visit) => ({ ...visit, day: visit.day as IsoDate })) };
  }
  return loaded;
}

/** "besøg", "besøgte", "kommunebesøg", "besoeg", "visit", "visited". */
const VISIT_WORD = /^((kommune|direktions)?besog\w*|visit\w*)$/;
/** Words that ask for the coming visits ("planlagte besøg", "kommer KOMBIT på besøg"). */
const COMING = new Set(phrases('planlagt planlagte planlægger kommende kommer næste planned upcoming next coming will')[0]);
/** Words of visit questions that carry nothing beyond the visit itself. */
const VISIT_PHRASING = new Set(
  phrases('kommer komme på paa til hos i to at of in planlagt planlagte kommende næste planned upcoming next which hvilke hvilken hvor mange gange times how many often ofte tit')[0],
);
/** "været", "been": where KOMBIT has been. */
const BEEN = new Set(phrases('været vaeret vaert var been was went')[0]);
/** Visitors other than KOMBIT: their visits are not the deck's. */
const OTHER_VISITORS = /^(leverandor\w*|leverandoer\w*|vendors?|suppliers?|konsulent\w*|consultants?)$/;

const sameName = (a: string, b: string) => fold(a).replace(/[^a-z]/g, '') === fold(b).replace(/[^a-z]/g, '');

export interface VisitQuestion {
  municipalities: string[];
  period: Period | null;
  coming: boolean;
  past: boolean;
  used: number[];
}

/** A question about KOMBIT's visits to the municipalities, or null. */
export function readVisitQuestion(turn: Pick<ChatTurn, 'words' | 'text'>, today: IsoDate): VisitQuestion | null {
  const { words } = turn;
  const organisations = organisationsIn(words);
  const names = (kind: string) => organisations.some((organisation) => organisation.kind === kind);
  const visitWord = words.some((word) => VISIT_WORD.test(word.folded));
  // "har KOMBIT været i Aalborg?", "has KOMBIT been to Odense?": a visit without the word.
  const beenThere = names('kombit') && names('municipality') && words.some((word) => BEEN.has(word.folded));
  if (!visitWord && !beenThere) return null;
  // "besøg fra leverandøren": a vendor's visit is none of KOMBIT's visits to the municipalities' boards.
  if (!names('municipality') && !names('kombit') && (names('vendor') || names('agency') || words.some((word) => OTHER_VISITORS.test(word.folded)))) return null;
  const past = isPastTense(words) || words.some((word) => /^(besogte|besogt|visited)$/.test(word.folded));
  const periodMatch = findPeriod(words, today, past, turn.text);
  const used = new Set<number>([...organisations.flatMap((organisation) => organisation.words), ...(periodMatch?.words ?? [])]);
  words.forEach((word, at) => {
    if (VISIT_WORD.test(word.folded) || VISIT_PHRASING.has(word.folded) || (beenThere && BEEN.has(word.folded))) used.add(at);
  });
  return {
    municipalities: organisations.filter((organisation) => organisation.kind === 'municipality').map((organisation) => organisation.name),
    period: periodMatch?.period ?? null,
    coming: words.some((word) => COMING.has(word.folded)),
    past,
    used: [...used],
  };
}

const TEXTS = {
  da: {
    title: 'KOMBITs besøg hos de kommunale direktioner',
    visited: (name: string, day: string) => `${name}: besøgt ${day}`,
    planned: (name: string, day: string) => `${name}: planlagt ${day}`,
    plannedPassed: (name: string, day: string) => `${name}: planlagt ${day} (decket siger ikke, om besøget er holdt)`,
    none: (what: string) => `Decket nævner intet besøg ${what}: det er ikke kendt, om KOMBIT har besøgt eller vil besøge kommunen.`,
    noneInPeriod: 'Decket nævner ingen besøg i den periode.',
    at: (names: string) => `hos ${names}`,
    earlier: (count: number) => `KOMBIT har besøgt ${count} kommuner før; spørg fx "hvornår besøgte KOMBIT Aarhus?".`,
    source: 'Kilde',
  },
  en: {
    title: "KOMBIT's visits to the municipalities' boards of directors",
    visited: (name: string, day: string) => `${name}: visited on ${day}`,
    planned: (name: string, day: string) => `${name}: planned for ${day}`,
    plannedPassed: (name: string, day: string) => `${name}: planned for ${day} (the deck does not say whether the visit took place)`,
    none: (what: string) => `The deck names no visit ${what}: it is not known whether KOMBIT has visited or will visit it.`,
    noneInPeriod: 'The deck names no visits in that period.',
    at: (names: string) => `to ${names}`,
    earlier: (count: number) => `KOMBIT has visited ${count} municipalities before; ask e.g. "when did KOMBIT visit Aarhus?".`,
    source: 'Source',
  },
} satisfies Record<Lang, unknown>;

/** The visits a question asks about, with what is known of each on `today`. */
export function answerVisits(question: VisitQuestion, today: IsoDate, lang: Lang): Reply {
  const t = TEXTS[lang];
  const { source, visits } = deckVisits();
  let chosen = [...visits];
  if (question.municipalities.length > 0) chosen = chosen.filter((visit) => question.municipalities.some((name) => sameName(name, visit.municipality)));
  if (question.period) {
    const { from, to } = question.period;
    chosen = chosen.filter((visit) => visit.day >= from && visit.day <= to);
  } else if (question.municipalities.length === 0) {
    chosen = question.past && !question.coming ? chosen.filter((visit) => visit.day < today) : chosen.filter((visit) => visit.day >= today);
  }
  chosen.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const lines = [t.title];
  for (const visit of chosen) {
    const day = formatDay(visit.day, lang);
    if (visit.day >= today) lines.push(`• ${t.planned(visit.municipality, day)}`);
    else lines.push(`• ${visit.planned ? t.plannedPassed(visit.municipality, day) : t.visited(visit.municipality, day)}`);
  }
  if (chosen.length === 0) {
    lines.push(question.municipalities.length > 0 ? t.none(t.at(question.municipalities.join(', '))) : t.noneInPeriod);
  }
  if (question.municipalities.length === 0 && question.period === null && !question.past) {
    lines.push(t.earlier(visits.filter((visit) => visit.day < today).length));
  }
  lines.push(`${t.source}: ${sourceName(source, lang)}`);
  return { text: lines.join('\n'), card: messageCard(lines) };
}

/** "hvornår besøgte KOMBIT Aarhus?", "kommer KOMBIT på besøg i Haderslev?", "planned visits in April 2025". */
export function registerVisits(router: ChatRouter, { clock }: { clock: Clock }): void {
  const today = () => calendarDayAt(clock.now(), DANISH_ZONE);
  router.message(
    (turn) => readVisitQuestion(turn, today()),
    (turn, question) => answerVisits(question, today(), turn.lang),
    {
      reads: (question) => question.used,
      samples: { da: ['hvornår besøgte KOMBIT Aarhus?', 'kommer KOMBIT på besøg i Haderslev?'], en: ['when did KOMBIT visit Aarhus?', 'planned visits in April 2025'] },
    },
  );
}

export const visits = defineFeature({
  name: 'visits',
  languageWords: { da: 'besøg besøgte besøger kommunebesøg', en: 'visit visits visited' },
  register: (router, context) => registerVisits(router, context),
});
