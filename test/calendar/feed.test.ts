import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { starterData } from '../support/fixtures.js';

type Sent = { text?: string; attachments?: { content: Record<string, unknown> }[] };
const textOf = (activity: unknown) => {
  const sent = activity as Sent | undefined;
  return String(sent?.attachments?.[0]?.content.fallbackText ?? sent?.text ?? '');
};

/** The feed's events as ical.js (Mozilla's parser, not the library that wrote it) reads them. */
function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate, url: component.getFirstPropertyValue('url') };
  });
}

describe('the deadlines in people\'s calendars: GET /calendar/deadlines.ics', function () {
  this.timeout(30_000);
  let bot: BotHarness;
  /** The starter data, with a KLIK link on K53 (the starter data has none). */
  const data = () => {
    const registry = starterData();
    registry.deadlines = registry.deadlines.map((item) => (item.code === 'K53' ? { ...item, url: 'https://klik.example/opgaver/k53' } : item));
    return registry;
  };
  before(async () => {
    bot = await BotHarness.start({ data: data() });
  });
  after(async () => {
    await bot.stop();
  });
  const fetchFeed = async (query = '') => fetch(`${bot.server.url}/calendar/deadlines.ics${query}`);

  it('is an RFC 5545 feed of every dated item: all-day events, stable UIDs, code and solution in the summary, link and source in the description', async () => {
    const response = await fetchFeed();
    assert.equal(response.status, 200);
    assert.match(String(response.headers.get('content-type')), /^text\/calendar; charset=utf-8/);
    const text = await response.text();
    const lines = text.split('\r\n');
    assert.ok(lines.every((line) => !line.includes('\n')), 'every line ends in CRLF');
    assert.ok(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75), 'lines are folded at 75 octets');
    assert.match(text, /X-WR-TIMEZONE:Europe\/Copenhagen/);

    const dated = data().deadlines.filter((item) => item.deadline !== null);
    const events = eventsOf(text);
    assert.equal(events.length, dated.length);
    assert.equal(new Set(events.map((event) => event.uid)).size, events.length, 'one UID per item');
    for (const event of events) assert.equal(event.start.isDate, true, `${event.summary} is an all-day event`);

    const k53 = dated.find((item) => item.code === 'K53')!;
    const event = events.find((candidate) => candidate.summary.startsWith(`${k53.solution} K53: `))!;
    assert.ok(event, 'the summary names the solution and the code');
    assert.equal(event.start.toString(), k53.deadline);
    assert.match(event.description, new RegExp(`^Frist: ${k53.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.ok(event.description.includes('https://klik.example/opgaver/k53'), 'the KLIK link is in the description');
    assert.equal(event.url, 'https://klik.example/opgaver/k53');
    assert.ok(event.description.includes(`Kilde: ${k53.source}`), 'and the source');

    const again = eventsOf(await (await fetchFeed()).text());
    assert.deepEqual(again.map((item) => item.uid), events.map((item) => item.uid), 'the same UIDs on every fetch');
  });

  it('narrows to one solution or one kind, and says what is wrong with a kind it does not know', async () => {
    const sapa = eventsOf(await (await fetchFeed('?solution=sapa')).text());
    const expected = data().deadlines.filter((item) => item.deadline !== null && item.solution.toLowerCase() === 'sapa');
    assert.ok(expected.length > 0);
    assert.equal(sapa.length, expected.length);
    assert.ok(sapa.every((event) => event.summary.startsWith('SAPA')));
    const events = eventsOf(await (await fetchFeed('?kind=event')).text());
    assert.equal(events.length, data().deadlines.filter((item) => item.deadline !== null && item.kind === 'event').length);
    const bad = await fetchFeed('?kind=meetings');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /"meetings" er ikke en type; brug kind=klik, kind=agreement eller kind=event/);
  });

  it('is offered in chat ("kalender"), in the help answer, in the digest and in the tab', async () => {
    const url = `${bot.app.config.publicBaseUrl}/calendar/deadlines.ics`;
    for (const [question, expected] of [
      ['kalender', /Få frister, aftaler og møder i din kalender/],
      ['hjælp', /Frister, aftaler og møder kan også komme i din kalender/],
      ['vis ugens oversigt', /Få fristerne i din kalender/],
    ] as const) {
      await bot.post(personalMessage(bot.serviceUrl, question));
      const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1);
      assert.match(textOf(reply), expected, question);
      assert.ok(textOf(reply).includes(url), `${question}: the link`);
      assert.match(JSON.stringify(reply), /"type":"Action\.OpenUrl","title":"Abonnér i Outlook"/, `${question}: the button`);
    }
    const tab = await (await fetch(`${bot.server.url}/tab/index.html`)).text();
    assert.match(tab, /<a id="calendar" href="\.\.\/calendar\/deadlines\.ics"/);
  });
});
