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

  it('never lets a link or the data put a line, an event or a foreign URL of its own into the feed', async () => {
    // A link on the bot's own domain that tries to end the calendar's name and add an event.
    const injected = '?solution=' + encodeURIComponent('SAPA\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Fake\r\nURL:https://evil.example\r\nEND:VEVENT');
    const refused = await fetchFeed(injected);
    assert.equal(refused.status, 404);
    const said = await refused.text();
    assert.match(said, /Der er ingen frister for en løsning der hedder "SAPA END:VCALENDAR/);
    assert.doesNotMatch(said.replace(/\n$/, '').split('\n')[0]!, /\r/);
    for (const query of ['?solution=SAPA%0D%0AX-EVIL:1', '?solution=%1B%5B31mSAPA', '?solution=Ukendt']) {
      const response = await fetchFeed(query);
      assert.equal(response.status, 404, query);
      assert.doesNotMatch(await response.text(), /[\r\u001b]/, query);
    }
    // A known solution in another spelling: the calendar is named with the data's own spelling.
    const sapa = await (await fetchFeed('?solution=%20sApA%20')).text();
    assert.match(sapa, /^X-WR-CALNAME:FKI-frister: SAPA\r$/m);
    assert.equal(sapa.match(/BEGIN:VCALENDAR/g)?.length, 1);

    // Data with line breaks, controls and a url that is no web address stays one line and no link.
    const registry = starterData();
    registry.deadlines = registry.deadlines.map((item) =>
      item.code === 'K53' ? { ...item, title: 'Frist\r\nEND:VEVENT\r\nBEGIN:VEVENT\u001b[2J' + 'x'.repeat(500), url: 'javascript:alert(1)', source: 'Kilde\nURL:https://evil.example' } : item,
    );
    const other = await BotHarness.start({ data: registry });
    try {
      const text = await (await fetch(`${other.server.url}/calendar/deadlines.ics`)).text();
      const events = eventsOf(text);
      assert.equal(events.length, registry.deadlines.filter((item) => item.deadline !== null).length, 'no extra event');
      assert.doesNotMatch(text, /javascript:|\u001b|^URL:https:\/\/evil/m);
      const k53 = events.find((event) => / K53: /.test(event.summary))!;
      assert.ok(k53.summary.length < 300, 'the title is capped');
      assert.equal(k53.url, null);
    } finally {
      await other.stop();
    }
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
