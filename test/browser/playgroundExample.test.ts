import assert from 'node:assert/strict';
import path from 'node:path';
import { ask, RESULTS, usePlayground } from '../support/playground.js';

describe('a first run of `npm run playground` on its example data (headless Chromium)', function () {
  this.timeout(120_000);
  const session = usePlayground(undefined, { env: { PLAYGROUND_EXAMPLE_DATA: '1' } });
  const page = () => session.page;

  /** A URL the banner printed after `label`. */
  function printed(label: RegExp): string {
    const match = new RegExp(`${label.source}\\s+(\\S+)`).exec(session.playground.output());
    assert.ok(match, `the banner prints ${label}: ${session.playground.output()}`);
    return match[1]!;
  }

  it('prints the tab, the feed, the survey form and the id that tries approvals', () => {
    assert.match(printed(/The overview tab \(CH2-overblik\):/), /^http:\/\/127\.0\.0\.1:\d+\/tab\/$/);
    assert.match(printed(/The calendar feed:/), /\/calendar\/deadlines\.ics$/);
    assert.match(printed(/subscribe in Outlook:/), /^https:\/\/outlook\.office\.com\/calendar\/0\/addfromweb\?url=/);
    assert.match(printed(/The survey form:/), /\/survey\/…$/);
    assert.match(session.playground.output(), /ADMIN_AAD_OBJECT_IDS=00000000-0000-0000-0000-0000000000020 npm run playground/);
    assert.match(session.playground.output(), /Example data \("Eksempeldata"\)/);
  });

  it('answers with a date near today, marked "Eksempeldata", in the chat', async () => {
    await page().goto(session.playground.url);
    await ask(page(), 'hvornår skifter Eksempel Booking til CH2?');
    await page().getByText('Eksempeldata: systemer, leverandører og datoer er opdigtede', { exact: false }).last().waitFor({ timeout: 20_000 });
    await page().screenshot({ path: path.join(RESULTS, 'playground-example-data-da.png') });
  });

  it('shows the example rows in the tab, each marked', async () => {
    await page().goto(printed(/The overview tab \(CH2-overblik\):/));
    await page().locator('#counts').filter({ hasText: '· 6 vist' }).waitFor({ timeout: 20_000 });
    assert.equal(await page().locator('#systems tbody tr').filter({ hasText: 'Eksempeldata' }).count(), 6);
    assert.ok(await page().locator('#example-note').isVisible());
    await page().screenshot({ path: path.join(RESULTS, 'tab-example-data.png'), fullPage: true });
  });
});
