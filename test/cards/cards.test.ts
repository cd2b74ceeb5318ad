import assert from 'node:assert/strict';
import { answerCard } from '../../src/answers/card.js';
import { cardTemplate, renderCard } from '../../cards/render.js';
import { messageCard } from '../../cards/textCards.js';
import { helpCard } from '../../src/help/card.js';
import { cardExamples, helpExamplesOf } from '../../src/help/examples.js';
import { FEATURES } from '../../src/app/features.js';
import { answerQuestion } from '../../src/answers/answer.js';
import { present } from '../../src/answers/present.js';
import { Registry } from '../../src/registry/registry.js';
import { MAX_CARD_ACTIONS } from '../../src/app/cardActions.js';
import { cardProblems } from '../support/cardCheck.js';
import { system, TEST_TODAY, testData } from '../support/fixtures.js';

const QUESTIONS = [
  'hvornår skifter SAPA til CH2?', 'when does Aula switch to CH2?', 'FK', 'hvornår skifter Zeus til CH2?', 'Acadre',
  'hvilke systemer skifter i marts?', 'which systems are missing a date?', 'alle systemer', 'hvornår skifter vi til CH2?',
  'YR', 'Opus', 'hvornår skifter SAPA og Aula?', 'hvilke systemer skifter til CH2 i juni?',
];

describe('cards', () => {
  const registry = new Registry(testData());

  for (const question of QUESTIONS) {
    it(`answers "${question}" with a valid Adaptive Card 1.5`, () => {
      const answered = answerQuestion(question, { registry, today: TEST_TODAY });
      assert.ok(answered);
      assert.deepEqual(cardProblems(answerCard(present(answered))), []);
    });
  }

  for (const lang of ['da', 'en'] as const) {
    it(`help and welcome cards are valid (${lang})`, () => {
      const examples = cardExamples(helpExamplesOf(FEATURES), lang);
      assert.ok(examples.length > 0);
      assert.deepEqual(cardProblems(helpCard(lang, null, 'https://fki.example/calendar/deadlines.ics', examples)), []);
      assert.deepEqual(cardProblems(helpCard(lang, 'Hej', 'https://fki.example/calendar/deadlines.ics', examples)), []);
      assert.deepEqual(cardProblems(messageCard(['one', 'two'])), []);
    });
  }

  it('lists at most 25 systems and says how many more there are', () => {
    const data = testData();
    for (let i = 0; i < 40; i += 1) data.systems.push(system({ name: `Fagsystem ${i}` }));
    const answered = answerQuestion('hvilke systemer mangler en dato?', { registry: new Registry(data), today: TEST_TODAY });
    assert.ok(answered);
    const card = JSON.stringify(answerCard(present(answered)));
    assert.match(card, /og \d+ til/);
    assert.deepEqual(cardProblems(JSON.parse(card)), []);
  });

  it('shows text from the data as plain text: no markdown, links or template expressions', () => {
    const hostile = '**Fed** [klik](https://evil.example) ${name} {{DATE(2025-01-01T00:00:00Z)}} <b>x</b>';
    const data = testData();
    data.systems.push(system({ name: 'Hostile', vendor: hostile, note: hostile, source: hostile }));
    const answered = answerQuestion('Hostile', { registry: new Registry(data), today: TEST_TODAY });
    assert.ok(answered);
    const card = answerCard(present(answered));
    assert.deepEqual(cardProblems(card).filter((p) => !p.includes('${')), []);
    const runs: { type: string; text: string }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const element = node as Record<string, unknown>;
        if (element.type === 'TextBlock') assert.fail(`data shown in a TextBlock, which renders markdown: ${String(element.text)}`);
        if (element.type === 'TextRun') runs.push(element as { type: string; text: string });
        Object.values(element).forEach(walk);
      }
    };
    walk(card);
    assert.ok(runs.some((run) => run.text === hostile), 'the hostile text is shown verbatim in a TextRun');
  });

  it('refuses to render a template field the data does not bind', () => {
    assert.throws(() => renderCard(cardTemplate(new URL('../../cards/templates/message.json', import.meta.url)), {}), /Card "message" has unbound fields: lines/);
  });
});

describe("other features' buttons on a card", () => {
  it('come in rows of at most five, so two features with a button per task of a list make a valid card', () => {
    const answered = answerQuestion('hvornår skifter SAPA til CH2?', { registry: new Registry(testData()), today: TEST_TODAY });
    assert.ok(answered);
    const buttons = Array.from({ length: MAX_CARD_ACTIONS }, (_, index) => ({ title: `Knap ${index + 1}`, verb: 'test.press', data: { index } }));
    const card = answerCard(present(answered), { buttons, refresh: { verb: 'answers.refresh', data: {}, userIds: [] } });
    assert.deepEqual(cardProblems(card), []);
    const sets = card.body.filter((element) => (element as { type?: string }).type === 'ActionSet') as { actions: { title: string }[] }[];
    assert.deepEqual(sets.map((set) => set.actions.length), [5, 5]);
    assert.deepEqual(sets.flatMap((set) => set.actions.map(({ title }) => title)), buttons.map(({ title }) => title));
  });
});
