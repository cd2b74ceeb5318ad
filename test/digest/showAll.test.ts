import assert from 'node:assert/strict';
import type { Deadline } from '../../src/deadlines/deadline.js';
import { ManualClock } from '../../src/time/clock.js';
import { installation, TEAM_ID } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { starterData } from '../support/fixtures.js';

// Installed on Sunday; the digest goes out Monday 17 February 2025 after its due time (08:00 Copenhagen).
const SUNDAY = '2025-02-16T12:00:00Z';
const MONDAY_AFTER = '2025-02-17T07:05:00Z';

type Card = Record<string, unknown>;
type Sent = { summary?: string; text?: string; attachments?: { content: Card & { fallbackText?: string } }[] };

/** Made-up KLIK tasks due this week (test data, not facts): more than a channel's section shows at once. */
function manyDueThisWeek(count: number, titleLength = 40): Deadline[] {
  return Array.from({ length: count }, (_, index) => ({
    solution: 'Testløsning', code: `T${index + 1}`, kind: 'klik', title: `Opgave nummer ${index + 1} ${'x'.repeat(titleLength)}`,
    published: '2025-02-03', from: null, deadline: index % 2 === 0 ? '2025-02-19' : '2025-02-26',
    url: `https://klik.example.test/opgave/${index + 1}`, source: 'Test', klikStatus: 'published', note: null,
  }));
}

/** Every text a person can reach in the card: its body and what every "Vis alle" opens. */
function reachableTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) reachableTexts(item, out);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.text === 'string') out.push(record.text);
    for (const value of Object.values(record)) reachableTexts(value, out);
  }
  return out;
}

/** The "Vis alle" buttons of a card: ShowCards and links. */
function showAllActions(node: unknown, out: Card[] = []): Card[] {
  if (Array.isArray(node)) for (const item of node) showAllActions(item, out);
  else if (node && typeof node === 'object') {
    const record = node as Card;
    if (typeof record.title === 'string' && /^(Vis alle|Show all) \(\d+\)$/.test(record.title)) out.push(record);
    for (const value of Object.values(record)) showAllActions(value, out);
  }
  return out;
}

async function digestInChannel(deadlines: Deadline[]): Promise<{ bot: BotHarness; card: Card & { fallbackText?: string } }> {
  const data = starterData();
  data.deadlines = [...data.deadlines, ...deadlines];
  const clock = new ManualClock(SUNDAY);
  const bot = await BotHarness.start({ data, clock });
  await bot.post(installation(bot.serviceUrl, 'channel'));
  clock.set(MONDAY_AFTER);
  await bot.app.digests.run(clock.now());
  const digest = (bot.connector.sentTo(TEAM_ID) as Sent[]).find((activity) => /Ugens oversigt/.test(String(activity.summary ?? activity.text ?? '')));
  assert.ok(digest?.attachments?.[0], 'the channel got the digest');
  return { bot, card: digest.attachments[0].content };
}

describe('the weekly digest in a channel: "Vis alle" reaches every item', () => {
  let bot: BotHarness | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('shows a few lines per section and the rest behind "Vis alle (N)" within the card, every item reachable', async () => {
    const items = manyDueThisWeek(20);
    const sent = await digestInChannel(items);
    bot = sent.bot;
    assert.deepEqual(cardProblems(sent.card), []);
    const buttons = showAllActions(sent.card.body);
    assert.ok(buttons.some((button) => button.type === 'Action.ShowCard'), 'a section opens its rest within the card');
    assert.ok(!reachableTexts(sent.card.body).some((text) => /^\+\d+ mere$/.test(text)), 'no "+N mere" without a way to the rest');
    const texts = reachableTexts(sent.card.body).join('\n');
    for (const item of items) assert.ok(texts.includes(item.title), `${item.code} can be reached`);
    // The lines shown at once stay few: the rest is inside the ShowCards.
    const shown = reachableTexts((sent.card.body as unknown[]).map((element) => ({ ...(element as Card), items: ((element as Card).items as Card[] | undefined)?.filter((item) => item.type !== 'ActionSet') })));
    assert.ok(shown.filter((text) => text.startsWith(': Opgave nummer')).length <= 12, 'two weeks of at most 6 lines shown at once');
    assert.ok(Buffer.byteLength(JSON.stringify(sent.card)) < 28_000);
  });

  it('opens the overview tab from "Vis alle" when the rest would outgrow the card, and the card stays within Teams\' limit', async () => {
    const items = manyDueThisWeek(300, 120);
    const sent = await digestInChannel(items);
    bot = sent.bot;
    assert.deepEqual(cardProblems(sent.card), []);
    assert.ok(Buffer.byteLength(JSON.stringify(sent.card)) < 28_000, `the card weighs ${Buffer.byteLength(JSON.stringify(sent.card))} bytes`);
    const links = showAllActions(sent.card.body).filter((button) => button.type === 'Action.OpenUrl');
    assert.ok(links.length > 0, '"Vis alle" opens a page');
    for (const link of links) assert.match(String(link.url), /\/tab\/|teams\.microsoft\.com\/l\/entity\//);
    assert.match(String((links[0] as Card).title), /^Vis alle \(\d+\)$/);
  });
});
