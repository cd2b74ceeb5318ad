import assert from 'node:assert/strict';
import { defineFeature } from '../../src/app/feature.js';
import { FEATURES } from '../../src/app/features.js';
import { exampleDataMark } from '../../src/exampleData/feature.js';
import { exampleRegistryData } from '../../src/registry/exampleData.js';
import { KNOWN_PAGES } from '../../src/links/sources.js';
import { deckFacts } from '../../src/facts/fact.js';
import { channelMessage, installation, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { starterData, system, TEST_TODAY } from '../support/fixtures.js';

/** Issue #23: every answer offers one to three next steps that answer; examples that answer on the data in use; lines that stay lines. */

type Card = Record<string, unknown>;
type Sent = { text?: string; textFormat?: string; attachments?: { content: Card }[] };
type Lang = 'da' | 'en';
type Where = 'personal' | 'channel';

/** Every element of a card with a `type` (not the Action.Submit fallbacks of Action.Execute). */
function elements(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string') found.push(element);
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback' && key !== 'selectAction') visit(value);
  };
  visit(card);
  return found;
}

/** The buttons that ask a question as the user (imBack). */
function askButtons(card: unknown): { title: string; question: string }[] {
  return elements(card).flatMap((element) => {
    const msteams = (element.data as { msteams?: { type?: string; value?: string } } | undefined)?.msteams;
    return element.type === 'Action.Submit' && msteams?.type === 'imBack' && typeof msteams.value === 'string' ? [{ title: String(element.title), question: msteams.value }] : [];
  });
}

/** The next steps a card offers: questions it asks, pages it opens, and "ask the vendor". */
function nextSteps(card: unknown): { asks: { title: string; question: string }[]; opens: string[]; askVendor: number } {
  const opens = elements(card).filter((element) => element.type === 'Action.OpenUrl').map((element) => String(element.url));
  const askVendor = elements(card).filter((element) => element.type === 'Action.Execute' && element.verb === 'survey.request').length;
  return { asks: askButtons(card), opens, askVendor };
}

const NOT_AN_ANSWER = {
  da: /Det forstod jeg ikke helt|Jeg forstod ikke|kender ikke systemet|Er ".*" et system\?/,
  en: /didn't quite get that|I did not understand|I don't know the system|Is ".*" a system\?/,
};
/** Words only one of the languages writes, in what the bot says (not in names or KOMBIT's quoted notes). */
const OTHER_LANGUAGE = {
  da: /\b(the|and|switched|switches|deadlines|What|When|Which|none)\b/,
  en: /\b(ikke|skifter|skiftede|frister|Frister|Hvad|siger|ingen)\b/,
};

/** How the bot's own step titles begin in each language (what follows may be a name of the data). */
const STEP_TITLE = {
  da: /^(Frister for|Hvornår skifter|Hvad sker der i næste uge\?|Alle systemer)/,
  en: /^(Deadlines for|When does|What happens next week\?|All systems)/,
};

describe('next steps and examples that answer, lines that stay lines (issue #23)', function () {
  this.timeout(120_000);

  const ask = async (bot: BotHarness, text: string, lang: Lang, where: Where = 'personal') => {
    bot.connector.clear();
    const locale = lang === 'da' ? 'da-DK' : 'en-US';
    await bot.post(where === 'personal' ? personalMessage(bot.serviceUrl, text, { locale }) : channelMessage(bot.serviceUrl, text, { locale }));
    const sent = bot.connector.calls.at(-1)?.activity as Sent | undefined;
    const card = sent?.attachments?.[0]?.content ?? {};
    return { text: String(card.fallbackText ?? sent?.text ?? ''), card };
  };

  /** A real answer, in the language asked: not "did not understand", not an unknown name, not empty. */
  const assertAnswers = async (bot: BotHarness, question: string, lang: Lang, where: Where, from: string) => {
    const { text, card } = await ask(bot, question, lang, where);
    assert.ok(text.trim().length > 0, `"${question}" (from ${from}) gets an answer`);
    assert.doesNotMatch(text, NOT_AN_ANSWER[lang], `"${question}" (from ${from}) is answered`);
    // Names of the data and KOMBIT's own Danish notes may stand in an English answer: the first line is the bot's own.
    const first = text.split('\n').find((line) => !line.startsWith('Eksempeldata')) ?? '';
    assert.doesNotMatch(first, OTHER_LANGUAGE[lang], `"${question}" (from ${from}) is answered in ${lang}: ${text.slice(0, 200)}`);
    if (Object.keys(card).length > 0) assert.deepEqual(cardProblems(card), [], question);
  };

  /** Each answer offers one to three next steps, known pages only, and each question step pressed gets a real answer. */
  const assertStepsAnswer = async (bot: BotHarness, sample: readonly string[], lang: Lang, where: Where) => {
    const known = new Set([...deckFacts().flatMap((fact) => (fact.url ? [fact.url] : [])), KNOWN_PAGES.retirementPlan]);
    let pressed = 0;
    for (const question of sample) {
      const { text, card } = await ask(bot, question, lang, where);
      assert.doesNotMatch(text, NOT_AN_ANSWER[lang], question);
      const steps = nextSteps(card);
      const count = steps.asks.length + steps.opens.length + steps.askVendor;
      assert.ok(count >= 1 && count <= 3, `"${question}" offers ${count} next steps: ${JSON.stringify(steps)}`);
      for (const url of steps.opens) assert.ok(url.startsWith(bot.server.url) || known.has(url), `"${question}" opens ${url}, which no source gives`);
      for (const step of steps.asks) {
        assert.match(step.title, STEP_TITLE[lang], `"${step.title}" is ${lang}`);
        await assertAnswers(bot, step.question, lang, where, question);
        pressed += 1;
      }
    }
    assert.ok(pressed >= sample.length, `most answers offer a question to ask next (${pressed} pressed)`);
  };

  describe('on the bundled data', () => {
    let bot: BotHarness;
    before(async () => {
      const data = starterData();
      data.systems.push(system({ name: 'Momentum', vendor: 'Eksempel A/S', ch2Date: '2025-03-27', status: 'planned' }));
      bot = await BotHarness.start({ data });
    });
    after(async () => {
      await bot.stop();
    });

    const SAMPLE: Record<Lang, string[]> = {
      da: [
        'hvornår skifter SAPA til CH2?',
        'hvornår skifter Momentum?',
        'frister for SAPA',
        'hvornår er fristen for K53?',
        'alle systemer',
        'hvilke systemer mangler en dato?',
        'hvilke frister er der i marts?',
        'hvornår er næste spørgetime?',
        'hvilke aftaler skal vi underskrive?',
        'hvad koster DOS?',
        'hvem kan jeg kontakte hos KOMBIT?',
      ],
      en: [
        'when does SAPA switch to CH2?',
        'deadlines for SAPA',
        'when is the deadline for K53?',
        'all systems',
        'which deadlines are there in March?',
        'when is the next Q&A meeting?',
        'what does DOS cost?',
      ],
    };

    for (const lang of ['da', 'en'] as const) {
      for (const where of ['personal', 'channel'] as const) {
        it(`every answer of a broad sample (${lang}, ${where}) offers one to three next steps, and each one pressed gets a real answer`, async () => {
          await assertStepsAnswer(bot, SAMPLE[lang], lang, where);
        });
      }
    }

    it('offers "Frister for X" only where X has deadlines, and never the list just given', async () => {
      const momentum = await ask(bot, 'hvornår skifter Momentum?', 'da');
      assert.ok(!askButtons(momentum.card).some((step) => /^frister for/i.test(step.question)), JSON.stringify(askButtons(momentum.card)));
      const sapa = await ask(bot, 'frister for SAPA', 'da');
      assert.ok(!askButtons(sapa.card).some((step) => step.question === 'frister for SAPA'), JSON.stringify(askButtons(sapa.card)));
      const k53 = await ask(bot, 'hvornår er fristen for K53?', 'da');
      assert.deepEqual(askButtons(k53.card).slice(0, 2).map((step) => step.title), ['Hvornår skifter SAPA?', 'Frister for SAPA']);
    });

    it('a fact answer opens its source from its source row and offers the overview', async () => {
      const withLink = deckFacts().find((fact) => fact.url?.startsWith('https://digitaliseringskataloget.dk/kommune-opsamlings-spoergetime'));
      assert.ok(withLink);
      const { card } = await ask(bot, 'hvor er oversigten over KOMBIT-løsningers planer for skifte til Context Handler 2?', 'da');
      const opens = nextSteps(card).opens;
      assert.ok(opens.includes(`${bot.server.url}/tab/`), JSON.stringify(opens));
      const sourceRow = JSON.stringify(card).includes('"selectAction":{"type":"Action.OpenUrl"');
      assert.ok(sourceRow, 'the source row opens its page');
    });
  });

  for (const [name, data, features] of [
    ['the bundled data', () => starterData(), FEATURES],
    ['the Playground\'s example data', () => exampleRegistryData(TEST_TODAY), [...FEATURES, exampleDataMark]],
  ] as const) {
    describe(`examples on ${name}`, () => {
      let bot: BotHarness;
      before(async () => {
        bot = await BotHarness.start({ data: data(), features });
      });
      after(async () => {
        await bot.stop();
      });

      for (const [lang, helpWord, greeting, nonsense] of [['da', 'hjælp', 'godmorgen', 'blomkål og kartofler'], ['en', 'help', 'hi there', 'cauliflower and potatoes']] as const) {
        it(`every help, welcome, greeting and "didn't understand" example (${lang}) is a button that gets a real answer`, async () => {
          const help = await ask(bot, helpWord, lang);
          const examples = askButtons(help.card);
          assert.ok(examples.length >= 5, JSON.stringify(examples));
          const greeted = askButtons((await ask(bot, greeting, lang)).card);
          const fallback = askButtons((await ask(bot, nonsense, lang)).card);
          assert.ok(greeted.length > 0 && fallback.length > 0);
          const questions = new Set([...examples, ...greeted, ...fallback].map((button) => button.question));
          if (lang === 'da') {
            bot.connector.clear();
            await bot.post(installation(bot.serviceUrl, 'personal'));
            await bot.settled();
            const welcome = bot.connector.calls.at(-1)?.activity as Sent;
            const welcomed = askButtons(welcome.attachments?.[0]?.content);
            assert.ok(welcomed.length >= 5);
            for (const button of welcomed) questions.add(button.question);
          }
          for (const question of questions) {
            if (question === helpWord) continue;
            await assertAnswers(bot, question, lang, 'personal', 'an example');
            const { text } = await ask(bot, question, lang);
            // A real answer names something of the data in use, not only that nothing is known.
            assert.doesNotMatch(text, /^(Jeg kender ingen|I know no)/, question);
          }
        });
      }

      if (name === 'the bundled data') {
        it("keeps KOMBIT's examples on KOMBIT's data", async () => {
          const examples = askButtons((await ask(bot, 'hjælp', 'da')).card).map((button) => button.question);
          assert.deepEqual(examples.slice(0, 3), ['hvornår skifter SAPA til CH2?', 'STS 2 for KY?', 'hvilke systemer mangler en dato?']);
        });
      } else {
        const SAMPLE: Record<Lang, string[]> = {
          da: ['hvornår skifter Eksempel Booking til CH2?', 'frister for Eksempel Booking', 'hvornår er fristen for K01?', 'alle systemer', 'hvornår er næste spørgetime?', 'hvilke aftaler skal vi underskrive?'],
          en: ['when does Eksempel Booking switch to CH2?', 'deadlines for Eksempel Booking', 'when is the deadline for K01?', 'all systems'],
        };
        for (const lang of ['da', 'en'] as const) {
          it(`every answer of a sample on it (${lang}, channel) offers one to three next steps that answer`, async () => {
            await assertStepsAnswer(bot, SAMPLE[lang], lang, 'channel');
          });
        }

        it('offers "Frister for X" only where the data has deadlines of X (none of DOS here)', async () => {
          const { card } = await ask(bot, 'hvad koster DOS?', 'da');
          assert.ok(!askButtons(card).some((step) => /frister for/i.test(step.question)), JSON.stringify(askButtons(card)));
          assert.ok(nextSteps(card).opens.length >= 1, 'the overview is still offered');
        });

        it('names the systems and KLIK codes of the example data, never SAPA or K53', async () => {
          for (const lang of ['da', 'en'] as const) {
            const examples = askButtons((await ask(bot, lang === 'da' ? 'hjælp' : 'help', lang)).card).map((button) => button.question);
            assert.ok(examples.some((question) => question.includes('Eksempel')), JSON.stringify(examples));
            assert.ok(!examples.some((question) => /SAPA|K53|\bKY\b/.test(question)), JSON.stringify(examples));
          }
        });
      }
    });
  }

  describe('a reply of several lines', () => {
    let bot: BotHarness;
    // A feature of the test's own that says back what it was told, "|" between lines, as several features reply in lines (lists, failures).
    const echo = defineFeature({
      name: 'echo',
      register: (router) =>
        router.message(
          (turn) => (turn.words[0]?.folded === 'ekko' ? turn.text.slice(turn.text.indexOf(' ') + 1) : null),
          (_turn, said) => ({ text: said.split(/\s*\|\s*/).join('\n') }),
        ),
    });
    before(async () => {
      bot = await BotHarness.start({ data: starterData(), features: [echo, ...FEATURES] });
    });
    after(async () => {
      await bot.stop();
    });

    it('arrives as a card with each line a block of its own, what was typed shown as typed', async () => {
      bot.connector.clear();
      await bot.post(personalMessage(bot.serviceUrl, 'ekko Du skrev: | **x** [a](b) <b>fed</b> _y_ | | - sidste linje'));
      const sent = bot.connector.calls.at(-1)?.activity as Sent;
      assert.equal(sent.text, undefined, 'no plain text whose lines Teams would run together');
      const card = sent.attachments?.[0]?.content as Card;
      assert.deepEqual(cardProblems(card), []);
      const blocks = (card.body as { type: string; inlines: { type: string; text: string }[] }[]).map((block) => [block.type, ...block.inlines.map((run) => `${run.type}:${run.text}`)]);
      // Teams turns "<b>" in a message's text into a space; the bot reads the words as Teams sends them.
      assert.deepEqual(blocks, [
        ['RichTextBlock', 'TextRun:Du skrev:'],
        ['RichTextBlock', 'TextRun:**x** [a](b)  fed  _y_'],
        ['RichTextBlock', 'TextRun:- sidste linje'],
      ]);
      assert.equal((card.body as { spacing?: string }[])[2]?.spacing, 'Medium', 'the blank line is space, not an empty block');
      assert.equal(card.fallbackText, 'Du skrev:\n**x** [a](b)  fed  _y_\n\n- sidste linje');
    });

    it('of one line stays plain text', async () => {
      bot.connector.clear();
      await bot.post(personalMessage(bot.serviceUrl, 'ekko **kun** én linje'));
      const sent = bot.connector.calls.at(-1)?.activity as Sent;
      assert.equal(sent.text, '**kun** én linje');
      assert.equal(sent.textFormat, 'plain');
      assert.equal(sent.attachments, undefined);
    });
  });
});
