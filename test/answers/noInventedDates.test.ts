import assert from 'node:assert/strict';
import { answerQuestion } from '../../src/answers/answer.js';
import { present, viewToText } from '../../src/answers/present.js';
import { formatDay, formatTimestampDay } from '../../src/i18n/format.js';
import { Registry } from '../../src/registry/registry.js';
import { TEST_TODAY, testData } from '../support/fixtures.js';

const DANISH_DAY = /\d{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}/g;
const ENGLISH_DAY = /\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/g;

const TEMPLATES = [
  'hvornår skifter {name} til CH2?',
  'STS2 for {name}?',
  'when does {name} switch to CH2?',
  'what is the status of {name}',
  '{name}',
];

describe('dates in answers', () => {
  const data = testData();
  const registry = new Registry(data);

  it('are only ever dates the registry holds for the systems answered about', () => {
    let checked = 0;
    for (const system of data.systems) {
      for (const typed of [system.name, system.name.toLowerCase(), ...system.aliases]) {
        for (const template of TEMPLATES) {
          const answered = answerQuestion(template.replace('{name}', typed), { registry, today: TEST_TODAY });
          if (answered === null || answered.answer.kind !== 'found') continue;
          const lang = answered.lang;
          const allowed = new Set(
            answered.answer.facts.flatMap(({ system: s }) => [
              ...[s.ch2Date, s.sts2Date].filter((d): d is string => d !== null).map((d) => formatDay(d, lang)),
              ...(s.updatedAt ? [formatTimestampDay(s.updatedAt, lang)] : []),
            ]),
          );
          const quoted = answered.answer.facts.map(({ system: s }) => `${s.note ?? ''} ${s.source ?? ''}`).join(' ');
          const shown = viewToText(present(answered)).match(lang === 'da' ? DANISH_DAY : ENGLISH_DAY) ?? [];
          for (const day of shown) {
            // A date the registry's own note or source mentions is the registry's too ("går i drift 1. september 2025").
            assert.ok(allowed.has(day) || quoted.includes(day), `"${day}" is not in the registry for ${template} / ${typed}`);
          }
          checked += shown.length;
        }
      }
    }
    assert.ok(checked > 50, `only ${checked} dates were checked`);
  });
});
