import assert from 'node:assert/strict';
import { deckFacts } from '../../src/facts/fact.js';
import { readFileSync } from 'node:fs';
import { OVERVIEW_TAB_ENTITY_ID, OVERVIEW_TAB_LABEL } from '../../src/links/overview.js';
import { KNOWN_PAGES } from '../../src/links/sources.js';
import { cardAction, channelMessage, installation, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { starterData, system } from '../support/fixtures.js';

/** Issue #23: questions as buttons, every fact with its source's link, cards with hierarchy, no survey for what is not a system. */

type Card = Record<string, unknown>;
type Sent = { text?: string; attachments?: { content: Card }[] };

const K53_LINK = 'https://klik.example/opgaver/k53';
const TEAMS_APP = '11111111-2222-3333-4444-555555555555';

/** Every element of a card (actions, inlines, a ShowCard's card) with a `type`. */
function elements(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string') found.push(element);
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback') visit(value);
  };
  visit(card);
  return found;
}

/** The buttons that ask a question as the user (imBack): title and the text Teams sends back. */
function questionButtons(card: unknown): { title: string; question: string }[] {
  return elements(card)
    .filter((element) => element.type === 'Action.Submit')
    .flatMap((element) => {
      const msteams = (element.data as { msteams?: { type?: string; value?: string } } | undefined)?.msteams;
      return msteams?.type === 'imBack' && typeof msteams.value === 'string' ? [{ title: String(element.title), question: msteams.value }] : [];
    });
}

function openUrls(card: unknown): { title: string; url: string }[] {
  return elements(card)
    .filter((element) => element.type === 'Action.OpenUrl')
    .map((element) => ({ title: String(element.title), url: String(element.url) }));
}

function executes(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  return elements(card)
    .filter((element) => element.type === 'Action.Execute')
    .map((element) => ({ title: String(element.title), verb: String(element.verb), data: element.data as Record<string, unknown> }));
}

/** The lines of the top level of a card (what shows before "Vis alle" is pressed), as text. */
function visibleRuns(card: Card): string[] {
  const runs: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.ShowCard') return;
    if (element.type === 'TextRun') runs.push(String(element.text));
    Object.values(element).forEach(visit);
  };
  visit(card.body);
  return runs;
}

describe('buttons that ask, links to the source, cards with hierarchy (issue #23)', function () {
  this.timeout(60_000);
  const data = () => {
    const registry = starterData();
    registry.deadlines = registry.deadlines.map((item) => (item.code === 'K53' && item.solution === 'SAPA' ? { ...item, url: K53_LINK } : item));
    registry.systems.push(system({ name: 'Momentum', vendor: 'Eksempel A/S', ch2Date: '2025-03-27', status: 'planned' }));
    return registry;
  };

  describe('outside Teams (no app id: the Playground)', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await BotHarness.start({ data: data() });
    });
    after(async () => {
      await bot.stop();
    });

    const ask = async (text: string, where: 'personal' | 'channel' = 'personal', locale = 'da-DK') => {
      bot.connector.clear();
      const activity = where === 'personal' ? personalMessage(bot.serviceUrl, text, { locale }) : channelMessage(bot.serviceUrl, text, { locale });
      await bot.post(activity);
      const sent = bot.connector.calls.at(-1)?.activity as Sent | undefined;
      const card = sent?.attachments?.[0]?.content ?? {};
      return { text: String(card.fallbackText ?? sent?.text ?? ''), card };
    };
    const overviewPage = () => `${bot.server.url}/tab/`;

    it('the welcome on install (before anything was said: Danish) offers the questions as buttons', async () => {
      bot.connector.clear();
      await bot.post(installation(bot.serviceUrl, 'personal'));
      await bot.settled();
      const welcome = bot.connector.calls.at(-1)?.activity as Sent;
      const card = welcome.attachments?.[0]?.content ?? {};
      assert.match(String(card.fallbackText), /^Hej! Jeg er FKI Bot/);
      const buttons = questionButtons(card);
      assert.ok(buttons.some((button) => button.question === 'hvornår skifter SAPA til CH2?'), JSON.stringify(buttons));
      assert.deepEqual(cardProblems(card), []);
    });

    for (const [lang, helpWord, locale] of [['da', 'hjælp', 'da-DK'], ['en', 'help', 'en-US']] as const) {
      it(`help (${lang}): every example is a button that asks it, and each asked question is understood by the router`, async () => {
        const { card } = await ask(helpWord, 'personal', locale);
        const buttons = questionButtons(card);
        assert.ok(buttons.length >= 6, `the examples are buttons: ${JSON.stringify(buttons)}`);
        assert.deepEqual(cardProblems(card), []);
        assert.ok(!elements(card).some((element) => element.type === 'TextRun' && element.italic === true), 'no italic example text');
        for (const { title, question } of buttons) {
          assert.equal(title, question, 'the button says what it asks');
          const answered = await ask(question, 'personal', locale);
          assert.doesNotMatch(answered.text, /Det forstod jeg ikke helt|didn't quite get that/, `"${question}" is understood`);
        }
        assert.ok(openUrls(card).some((link) => link.url === overviewPage()), 'the help opens the overview');
      });
    }

    it('a greeting and the "didn\'t understand" reply offer questions as buttons that route to their answers', async () => {
      const greeting = await ask('godmorgen');
      const asked = questionButtons(greeting.card);
      assert.deepEqual(asked.map((button) => button.question), ['hvornår skifter SAPA til CH2?', 'hvad sker der i næste uge?', 'hjælp']);
      assert.match((await ask(asked[0]!.question)).text, /SAPA skiftede til Context Handler 2 den 21\. januar 2025/);
      const english = await ask('hi there', 'personal', 'en-US');
      assert.match((await ask(questionButtons(english.card)[1]!.question, 'personal', 'en-US')).text, /^What happens in week \d+/);

      const fallback = await ask('blomkål og kartofler');
      assert.match(fallback.text, /^Det forstod jeg ikke helt/);
      const offered = questionButtons(fallback.card);
      assert.ok(offered.length > 0, 'the fallback offers questions');
      assert.doesNotMatch((await ask(offered[0]!.question)).text, /Det forstod jeg ikke helt/);
    });

    it('answers a system in one bold sentence with the date emphasised, each switch its own status, and offers next steps that work', async () => {
      const { text, card } = await ask('hvornår skifter SAPA?');
      assert.deepEqual(cardProblems(card), []);
      const runs = elements(card).filter((element) => element.type === 'TextRun');
      const date = runs.find((run) => run.text === '21. januar 2025');
      assert.ok(date, 'the date is a run of its own');
      assert.equal(date.weight, 'Bolder');
      assert.equal(date.color, 'Accent');
      assert.ok(runs.some((run) => run.weight === 'Bolder' && String(run.text).startsWith('SAPA skiftede til Context Handler 2 den ')));
      // No record-wide status beside a switch whose day is not known.
      assert.doesNotMatch(text, /Status:/);
      assert.match(text, /CH2: 21\. januar 2025 \([^)]*\) · skiftet\n/);
      assert.match(text, /STS 2: ikke kendt endnu\n/);

      const deadlines = questionButtons(card).find((button) => button.title === 'Frister for SAPA');
      assert.ok(deadlines, JSON.stringify(questionButtons(card)));
      const followed = await ask(deadlines.question);
      assert.match(followed.text, /^Frister og møder for SAPA/);
      assert.match(followed.text, /SAPA K53/);
      assert.deepEqual(openUrls(card), [{ title: 'Åbn CH2-overblik', url: overviewPage() }]);
    });

    it('an English answer offers the same next steps in English', async () => {
      const { card } = await ask('when did SAPA switch to CH2?', 'personal', 'en-US');
      const deadlines = questionButtons(card).find((button) => button.title === 'Deadlines for SAPA');
      assert.ok(deadlines, JSON.stringify(questionButtons(card)));
      assert.match((await ask(deadlines.question, 'personal', 'en-US')).text, /^Deadlines and meetings for SAPA/);
      assert.deepEqual(openUrls(card), [{ title: 'Open CH2 overview', url: overviewPage() }]);
    });

    it('a KLIK task opens its KLIK page from the data, in answers and in the digest', async () => {
      const { text, card } = await ask('hvornår er fristen for K53?');
      assert.ok(text.includes(K53_LINK), text);
      const linked = elements(card).filter((element) => element.type === 'TextRun' && (element.selectAction as { url?: string } | undefined)?.url === K53_LINK);
      assert.equal(linked.length, 1, 'SAPA K53 opens its KLIK task');
      assert.equal(linked[0]!.text, 'SAPA K53');
      assert.deepEqual(cardProblems(card), []);
      // The weekly digest draws its lines with the same card: the link is there too.
      const preview = await ask('vis ugens oversigt');
      assert.ok(elements(preview.card).some((element) => (element.selectAction as { url?: string } | undefined)?.url === K53_LINK), preview.text);
      assert.ok(openUrls(preview.card).some((link) => link.title === 'Åbn CH2-overblik' && link.url === overviewPage()), 'the digest opens the overview');
      assert.deepEqual(cardProblems(preview.card), []);
    });

    it('links only to addresses the data, the deck or the bot itself give', async () => {
      const known = new Set<string>([
        K53_LINK,
        ...data().deadlines.flatMap((item) => (item.url ? [item.url] : [])),
        ...deckFacts().flatMap((fact) => (fact.url ? [fact.url] : [])),
        KNOWN_PAGES.retirementPlan,
      ]);
      const ours = (url: string) => url.startsWith(bot.server.url) || url.startsWith('https://outlook.office.com/calendar/0/addfromweb?url=');
      const questions = ['hvornår lukker Context Handler 1?', 'hvad koster DOS?', 'hvornår er fristen for K53?', 'alle systemer', 'status for SAPA', 'hvilke frister er der i februar?'];
      let links = 0;
      for (const question of questions) {
        const { card } = await ask(question);
        const urls = [...openUrls(card).map((link) => link.url), ...elements(card).flatMap((element) => {
          const url = (element.selectAction as { url?: string } | undefined)?.url;
          return url ? [url] : [];
        })];
        for (const url of urls) assert.ok(known.has(url) || ours(url), `"${question}" links to ${url}, which no source gives`);
        links += urls.length;
      }
      assert.ok(links >= questions.length);
      const retirement = await ask('hvornår lukker Context Handler 1?');
      assert.ok(openUrls(retirement.card).some((link) => link.url === KNOWN_PAGES.retirementPlan), 'the plan on Digitaliseringskataloget is linked');
    });

    it('a fact with a link opens it as a button, not as a bare address in a line', async () => {
      const withLink = deckFacts().find((fact) => fact.url?.startsWith('https://digitaliseringskataloget.dk/kommune-opsamlings-spoergetime'));
      assert.ok(withLink);
      const { card } = await ask('hvor er oversigten over KOMBIT-løsningers planer for skifte til Context Handler 2?');
      const opened = openUrls(card);
      assert.ok(opened.some((link) => link.title === 'Åbn kilden' && deckFacts().some((fact) => fact.url === link.url)), JSON.stringify(opened));
      assert.ok(!elements(card).some((element) => element.type === 'TextRun' && /^https?:/.test(String(element.text))), 'no bare address');
    });

    for (const [lang, question, showAll, locale] of [['da', 'alle systemer', 'Vis alle (24)', 'da-DK'], ['en', 'all systems', 'Show all (24)', 'en-US']] as const) {
      it(`a list (${lang}) shows a few lines in a channel with "${showAll}", every line in a personal chat`, async () => {
        const personal = await ask(question, 'personal', locale);
        const systems = data().systems.length;
        assert.equal(systems, 24);
        assert.equal(elements(personal.card).filter((element) => element.type === 'Action.ShowCard').length, 0);
        assert.ok(visibleRuns(personal.card).filter((run) => run.startsWith(' · ')).length === systems);

        const channel = await ask(question, 'channel', locale);
        assert.deepEqual(cardProblems(channel.card), []);
        assert.equal(visibleRuns(channel.card).filter((run) => run.startsWith(' · ')).length, 5, 'five lines in the thread');
        const show = elements(channel.card).find((element) => element.type === 'Action.ShowCard');
        assert.ok(show, 'a "show all" button');
        assert.equal(show.title, showAll);
        assert.equal(elements(show.card).filter((element) => element.type === 'TextRun' && String(element.text).startsWith(' · ')).length, systems - 5);
        // One short line per system: no wall of "CH2: ukendt · STS 2: ukendt".
        assert.doesNotMatch(channel.text, /CH2: ukendt · STS 2: ukendt|CH2: unknown · STS 2: unknown/);
        assert.ok(openUrls(channel.card).some((link) => link.url === overviewPage()), 'a list opens the overview');
      });
    }

    it('a deadline list in a channel shows a few lines with "Vis alle", and past items newest first', async () => {
      const channel = await ask('frister for SAPA', 'channel');
      const show = elements(channel.card).find((element) => element.type === 'Action.ShowCard');
      assert.ok(show, channel.text);
      assert.match(String(show.title), /^Vis alle \(\d+\)$/);
      assert.deepEqual(cardProblems(channel.card), []);
      const personal = await ask('frister for SAPA');
      assert.equal(elements(personal.card).filter((element) => element.type === 'Action.ShowCard').length, 0);
    });

    for (const [lang, question, isIt, yes, no, locale] of [
      ['da', 'hvornår skifter Nexsu til CH2?', 'Er "Nexsu" et system?', 'Ja', 'Nej', 'da-DK'],
      ['en', 'when does Nexsu switch to CH2?', 'Is "Nexsu" a system?', 'Yes', 'No', 'en-US'],
    ] as const) {
      it(`an unknown name (${lang}) is asked about before any survey: "${isIt}"`, async () => {
        const { text, card } = await ask(question, 'personal', locale);
        assert.ok(text.includes(isIt), text);
        assert.deepEqual(cardProblems(card), []);
        assert.ok(!executes(card).some((button) => button.verb === 'survey.request'), 'no survey offered yet');
        const buttons = executes(card).filter((button) => button.verb === 'answers.isSystem');
        assert.deepEqual(buttons.map((button) => button.title), [yes, no]);

        const saidYes = await bot.post(cardAction(bot.serviceUrl, 'answers.isSystem', buttons[0]!.data));
        const offer = (saidYes.body as { value: Card }).value;
        assert.deepEqual(cardProblems(offer), []);
        const survey = executes(offer).find((button) => button.verb === 'survey.request');
        assert.ok(survey, 'yes offers the vendor survey');
        assert.equal(survey.data.system, 'Nexsu');

        const saidNo = await bot.post(cardAction(bot.serviceUrl, 'answers.isSystem', buttons[1]!.data));
        const declined = (saidNo.body as { value: Card }).value;
        assert.ok(!executes(declined).some((button) => button.verb === 'survey.request'), 'no offers nothing');
        assert.match(JSON.stringify(declined), lang === 'da' ? /spørger jeg ingen leverandør om \\"Nexsu\\"/ : /will not ask any vendor about \\"Nexsu\\"/);
      });
    }

    it('never offers a survey or asks "is it a system" for a municipality, KOMBIT or a vendor', async () => {
      for (const question of ['hvornår skal Aarhus Kommune skifte?', 'hvornår skifter KOMBIT?', 'hvornår skifter KMD?', 'hvem kan jeg kontakte hos KOMBIT?']) {
        const { text, card } = await ask(question);
        assert.ok(!executes(card).some((button) => button.verb === 'survey.request' || button.verb === 'answers.isSystem'), `${question}: ${text}`);
        assert.doesNotMatch(text, /et system\?|spørge leverandøren/, question);
      }
    });
  });

  describe('in Teams (an app id)', () => {
    let bot: BotHarness;
    before(async () => {
      bot = await BotHarness.start({ data: data(), env: { TEAMS_APP_ID: TEAMS_APP } });
    });
    after(async () => {
      await bot.stop();
    });

    it('builds the deep link from the tab the manifest declares', () => {
      const manifest = JSON.parse(readFileSync(new URL('../../manifest/manifest.json', import.meta.url), 'utf8')) as { id: string; staticTabs: { entityId: string; name: string }[] };
      assert.equal(manifest.id, '{{MicrosoftAppId}}', 'the app id is the bot id, as TEAMS_APP_ID defaults to');
      assert.deepEqual(manifest.staticTabs.map((tab) => [tab.entityId, tab.name]), [[OVERVIEW_TAB_ENTITY_ID, OVERVIEW_TAB_LABEL]]);
    });

    it('"Åbn CH2-overblik" is a Teams deep link to the app\'s overview tab, with the page as its web fallback', async () => {
      bot.connector.clear();
      await bot.post(personalMessage(bot.serviceUrl, 'hvilke systemer mangler en dato?'));
      const card = (bot.connector.calls.at(-1)?.activity as Sent).attachments?.[0]?.content;
      const link = openUrls(card).find((candidate) => candidate.title === 'Åbn CH2-overblik');
      assert.ok(link, JSON.stringify(openUrls(card)));
      const url = new URL(link.url);
      assert.equal(`${url.origin}${url.pathname}`, `https://teams.microsoft.com/l/entity/${TEAMS_APP}/ch2-overblik`);
      assert.equal(url.searchParams.get('webUrl'), `${bot.server.url}/tab/`);
      assert.equal(url.searchParams.get('label'), 'CH2-overblik');
    });
  });
});
