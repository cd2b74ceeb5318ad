import assert from 'node:assert/strict';
import { personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cardProblems } from '../support/cardCheck.js';
import { starterData } from '../support/fixtures.js';
import { fixedClock } from '../../src/time/clock.js';

type Sent = { attachments?: { content: { fallbackText?: string } }[]; text?: string };

describe('asking about KLIK deadlines over /api/messages', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await BotHarness.start({ data: starterData(), clock: fixedClock('2025-02-10T09:00:00+01:00') });
  });
  after(async () => {
    await bot.stop();
  });

  async function ask(text: string, locale = 'da-DK') {
    await bot.post(personalMessage(bot.serviceUrl, text, { locale }));
    const reply = bot.connector.sentTo('a:personal-chat-alex').at(-1) as Sent;
    return { text: String(reply.attachments?.[0]?.content.fallbackText ?? reply.text), card: reply.attachments?.[0]?.content };
  }

  it('answers the questions people ask, with valid cards', async () => {
    const upcoming = await ask('frister');
    assert.match(upcoming.text, /Frister og møder de næste 14 dage\n\n5 punkter\n  - SAPA K53: .* · Frist: tirsdag den 18\. februar 2025 \(om 8 dage\)/);
    assert.match(upcoming.text, /FK OSS · KLIK-opgave: Kommunens beslutning om at indgå i Parathedsanalyseforløb \(G1\) · Periode: uge 6–13 2025 \(i gang nu\)/, 'a period under way is due within it');
    assert.deepEqual(cardProblems(upcoming.card), []);
    assert.match((await ask('hvornår er fristen for K53?')).text, /Frister for K53[\s\S]*SAPA K53: Opret og underskriv aftale/);
    const udk = (await ask('KLIK-opgaver for UDK Begravelseshjælp')).text;
    assert.match(udk, /^KLIK-opgaver for UDK Begravelseshjælp\n\n7 punkter/, 'KLIK 01–07, the go-live is no KLIK task');
    assert.match(udk, /KLIK 07: Verificer korrekt bogføring .* · Frist: ikke kendt endnu · Ikke publiceret i KLIK endnu/);
    // No source gives a publication day: that is said, with what is known, never "nothing new".
    const news = (await ask('hvad er nyt i KLIK?')).text;
    assert.match(news, /Jeg kender ikke publiceringsdagene i KLIK/);
    assert.match(news, /SAPA K53: .* · Frist: tirsdag den 18\. februar 2025/);
    assert.doesNotMatch(news, /Der er ikke publiceret noget nyt/);
    assert.match((await ask('when is the deadline for K99?', 'en-US')).text, /^Deadlines for K99\nI know no KLIK task with the code K99\.$/);
  });
});
