import { cardTemplate, renderCard } from '../../cards/render.js';
import { stackCards } from '../../cards/compose.js';
import type { ChatTurn, Leftover, Reply } from '../chat/types.js';
import { factsAbout } from '../facts/matching.js';
import { factsReply } from '../facts/present.js';
import type { DeckFact } from '../facts/fact.js';
import { joinWords } from '../i18n/format.js';
import type { Registry } from '../registry/registry.js';
import { fold } from '../text/fold.js';
import { organisationsIn } from '../text/organisations.js';
import { isStopwordAsTyped } from '../text/stopwords.js';
import { understoodWords, usedOnlyNames } from './policy.js';
import { READING_TEXTS } from './texts.js';
import { ReadingVerbs } from './verbs.js';

const ASK = cardTemplate(new URL('./cards/ask.json', import.meta.url));
/** At most this many questions are offered as buttons. */
const MOST_QUESTIONS = 4;

/**
 * The reply to a question understood only in part: which words were not understood, the answer to
 * the part that was (or, when only a name was, what the deck says about it, never a card that
 * answers another question), and the closest questions as buttons.
 */
export function partlyReply(
  turn: ChatTurn,
  reading: { reply: Reply; used: ReadonlySet<number> },
  leftover: Leftover,
  registry: Registry,
  facts: readonly DeckFact[],
): Reply {
  const t = READING_TEXTS[turn.lang];
  const { mentions } = registry.matcher.findMentions(turn.words);
  const names = [...new Set(mentions.flatMap((mention) => mention.systems.slice(0, 1).map((system) => system.name)))];
  const organisations = organisationsIn(turn.words).map((organisation) => organisation.name);
  const understood = understoodWords(turn, reading.used);
  const nameWords = new Set([
    ...mentions.flatMap((mention) => Array.from({ length: mention.length }, (_, offset) => mention.start + offset)),
    ...organisationsIn(turn.words).flatMap((organisation) => organisation.words),
  ]);
  const onlyNames = usedOnlyNames(turn, reading.used, nameWords);

  const lines = [t.notUnderstood([...new Set(leftover.unknown.map((word) => word.original))])];
  let body: Reply | null = null;
  if (onlyNames) {
    const subjects = [...names, ...organisations];
    lines.push(t.onlyNames(joinWords(subjects.length > 0 ? subjects : understood, turn.lang)));
    const known = factsAbout(subjects, facts);
    if (known.length > 0) body = factsReply(known, turn.lang);
    else lines.push(t.nothingKnown);
  } else {
    lines.push(t.understoodPart(understood.join(' ')));
    body = reading.reply;
  }
  const questions = closestQuestions(turn, names, registry);
  const notice = renderCard(ASK, { lines, questions: [], verb: ReadingVerbs.ask, lang: turn.lang });
  const offer = renderCard(ASK, { lines: [t.tryThese], questions, verb: ReadingVerbs.ask, lang: turn.lang });
  const cards = [notice, ...(body ? [body.card ?? renderCard(ASK, { lines: body.text.split('\n'), questions: [], verb: ReadingVerbs.ask, lang: turn.lang })] : []), offer];
  const text = [...lines, ...(body ? [body.text] : []), t.tryThese, ...questions.map((question) => `• ${question}`)].join('\n');
  return { text, card: stackCards(cards), summary: lines[0] as string };
}

/** Questions close to the one asked, about what it named: the switch, the deadlines; else the common ones. */
function closestQuestions(turn: ChatTurn, names: readonly string[], registry: Registry): string[] {
  const t = READING_TEXTS[turn.lang];
  const questions: string[] = [];
  const solutions = new Set(registry.deadlines.map((deadline) => fold(deadline.solution)));
  for (const name of names.slice(0, 2)) {
    questions.push(t.whenSwitch(name));
    if ([...solutions].some((solution) => solution.split(' ').includes(fold(name)) || solution === fold(name))) questions.push(t.deadlinesFor(name));
  }
  // "does" folds like "DOS": a word written as a common word names no solution.
  const folded = new Set(turn.words.filter((word) => !isStopwordAsTyped(word.original)).map((word) => word.folded));
  for (const deadline of registry.deadlines) {
    const solution = deadline.solution;
    if (names.includes(solution) || registry.find(solution)) continue;
    if (fold(solution).split(' ').some((word) => word.length >= 3 && folded.has(word))) questions.push(t.deadlinesFor(solution));
  }
  for (const question of t.generic) questions.push(question);
  return [...new Set(questions)].slice(0, MOST_QUESTIONS);
}
