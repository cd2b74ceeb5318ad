import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { starterData, system } from '../support/fixtures.js';

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

/** Every Action.OpenUrl of a sent activity's card. */
function openUrls(activity: unknown): { title: string; url: string }[] {
  const found: { title: string; url: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.OpenUrl') found.push({ title: String(element.title), url: String(element.url) });
    Object.values(element).forEach(visit);
  };
  visit(activity);
  return found;
}

/** Outlook on the web's page that subscribes to a feed, as Microsoft documents its parameters. */
function outlookAddFromWeb(feedUrl: string, name: string): string {
  const https = feedUrl.replace(/^http:/, 'https:');
  return `https://outlook.office.com/calendar/0/addfromweb?url=${encodeURIComponent(https)}&name=${encodeURIComponent(name)}`;
}

describe('the deadlines in people\'s calendars: GET /calendar/deadlines.ics', function () {
  this.timeout(30_000);
  let bot: BotHarness;
  /** The starter data, with a KLIK link on K53 (the starter data has none). */
  const data = () => {
    const registry = starterData();
    registry.deadlines = registry.deadlines.map((item) => (item.code === 'K53' ? { ...item, url: 'https://klik.example/opgaver/k53' } : item));
    // Switch dates for the switches feed: one system with both, one switched, one without any.
    registry.systems.push(
      system({ name: 'Momentum', ch2Date: '2025-03-27', sts2Date: '2025-02-20', status: 'planned', source: 'KOMBIT programledermøde januar 2025', updatedAt: '2025-01-29T10:15:00.000Z' }),
      system({ name: 'Snart', ch2Date: '2025-01-21', status: 'switched', source: 'KOMBIT programledermøde januar 2025' }),
      system({ name: 'Uden dato' }),
    );
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
    assert.match(await bad.text(), /"meetings" er ikke en type; brug kind=klik, kind=agreement, kind=event eller kind=switches/);
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
      ['kalender', /Få frister, aftaler, møder og skiftedatoer i din kalender/],
      ['hjælp', /Frister, aftaler og møder kan også komme i din kalender/],
      ['vis ugens oversigt', /Få fristerne i din kalender/],
    ] as const) {
      await bot.post(personalMessage(bot.serviceUrl, question));
      const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1);
      assert.match(textOf(reply), expected, question);
      assert.ok(textOf(reply).includes(url), `${question}: the link`);
      const button = openUrls(reply).find((action) => action.title === 'Abonnér i Outlook');
      assert.ok(button, `${question}: the button`);
      // The button subscribes (Outlook on the web's "add from web"), it does not download a copy.
      assert.equal(button.url, outlookAddFromWeb(url, 'FKI-frister og møder'), `${question}: the button subscribes`);
    }
    // The tab's "Abonnér i Outlook" subscribes the same way (its page builds the button from /api/overview).
    const overview = (await (await fetch(`${bot.server.url}/api/overview`)).json()) as { calendars: { kind: string; outlook: string }[] };
    assert.equal(overview.calendars.find((calendar) => calendar.kind === 'deadlines')?.outlook, outlookAddFromWeb(url, 'FKI-frister og møder'), 'the tab subscribes');
  });

  it('writes every timestamp in UTC with a Z (RFC 5545), whatever the zone of the server', async () => {
    for (const query of ['', '?kind=switches']) {
      const text = await (await fetchFeed(query)).text();
      const stamps = text.split('\r\n').filter((line) => /^(DTSTAMP|CREATED|LAST-MODIFIED)[:;]/.test(line));
      assert.ok(stamps.length > 0, `${query}: timestamps`);
      // The bot's clock says 2025-02-10 09:00 in Copenhagen: 08:00 UTC.
      for (const line of stamps.filter((stamp) => stamp.startsWith('DTSTAMP'))) assert.equal(line, 'DTSTAMP:20250210T080000Z', query);
      for (const line of stamps) assert.match(line, /^[A-Z-]+:\d{8}T\d{6}Z$/, `${query}: ${line}`);
      const calendar = new ICAL.Component(ICAL.parse(text));
      for (const event of calendar.getAllSubcomponents('vevent')) {
        const stamp = event.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>;
        assert.equal(stamp.zone?.tzid, 'UTC', `${query}: ical.js reads DTSTAMP as UTC`);
        assert.equal(stamp.toJSDate().toISOString(), '2025-02-10T08:00:00.000Z');
      }
    }
  });

  it('gives the CH2 and STS 2 switch dates with ?kind=switches: an all-day event per system and switch with a known date, the status and the source', async () => {
    const response = await fetchFeed('?kind=switches');
    assert.equal(response.status, 200);
    assert.match(String(response.headers.get('content-type')), /^text\/calendar; charset=utf-8/);
    const text = await response.text();
    assert.match(text, /^X-WR-CALNAME:FKI: skift til CH2 og STS 2\r$/m);
    const events = eventsOf(text);
    const systems = data().systems;
    const expected = systems.flatMap((system) => [
      ...(system.ch2Date ? [`${system.name}: skift til Context Handler 2`] : []),
      ...(system.sts2Date ? [`${system.name}: skift til STS 2`] : []),
    ]);
    assert.ok(expected.length > 1, 'the starter data has switch dates');
    assert.deepEqual(events.map((event) => event.summary).sort(), [...expected].sort());
    assert.equal(new Set(events.map((event) => event.uid)).size, events.length, 'one UID per system and switch');
    for (const event of events) assert.equal(event.start.isDate, true, `${event.summary} is an all-day event`);
    const withCh2 = systems.find((system) => system.ch2Date !== null && system.source !== null)!;
    const event = events.find((candidate) => candidate.summary === `${withCh2.name}: skift til Context Handler 2`)!;
    assert.equal(event.start.toString(), withCh2.ch2Date);
    assert.match(event.description, /^Status: (Skiftet|Planlagt)/);
    assert.ok(event.description.includes(`Kilde: ${withCh2.source}`), 'the source is in the description');
    const undated = systems.find((system) => system.ch2Date === null && system.sts2Date === null);
    if (undated) assert.ok(events.every((candidate) => !candidate.summary.startsWith(`${undated.name}:`)), 'a system without a date is left out');
    const again = eventsOf(await (await fetchFeed('?kind=switches')).text());
    assert.deepEqual(again.map((item) => item.uid), events.map((item) => item.uid), 'the same UIDs on every fetch');
  });

  it('offers both feeds in chat with "Abonnér i Outlook", a webcal: link and the address to copy, in Danish and in English', async () => {
    const base = bot.app.config.publicBaseUrl;
    const feeds = [
      { url: `${base}/calendar/deadlines.ics`, name: 'FKI-frister og møder' },
      { url: `${base}/calendar/deadlines.ics?kind=switches`, name: 'FKI: skift til CH2 og STS 2' },
    ];
    for (const [question, subscribe, webcal, copy] of [
      ['kalender', 'Abonnér i Outlook', 'Anden kalender (webcal)', 'Kopiér link'],
      ['subscribe in outlook', 'Subscribe in Outlook', 'Other calendar (webcal)', 'Copy link'],
    ] as const) {
      await bot.post(personalMessage(bot.serviceUrl, question, { locale: 'en-US' }));
      const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1) as Sent;
      const card = reply.attachments?.[0]?.content;
      assert.deepEqual(cardProblems(card), [], question);
      const actions = openUrls(card);
      for (const feed of feeds) {
        assert.ok(actions.some((action) => action.title === subscribe && action.url === outlookAddFromWeb(feed.url, feed.name)), `${question}: ${subscribe} for ${feed.name}`);
        assert.ok(actions.some((action) => action.title === webcal && action.url === feed.url.replace(/^http:/, 'webcal:')), `${question}: ${webcal}`);
        assert.ok(actions.some((action) => action.title === copy && action.url === feed.url), `${question}: ${copy}`);
        // The address itself is in the card as text, to select and copy.
        assert.ok(JSON.stringify(card).includes(`"text":"${feed.url}"`), `${question}: the address as text`);
      }
    }
  });
});
