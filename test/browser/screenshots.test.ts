import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { cliInProcess } from '../support/cli.js';
import { ask, RESULTS, usePlayground } from '../support/playground.js';

/**
 * The README's screenshots, Danish first, taken of the product as a new user meets it: one
 * `npm run playground` on the shipped facts for the whole file. Each test asserts what its picture
 * shows, then saves it to test-results/ (the good ones are copied to docs/images/ by hand).
 */
describe('the README\'s screenshots, in Danish (Agents Playground and the tab in headless Chromium)', function () {
  this.timeout(180_000);
  // No quiet hours: the change message must come while the test waits, whatever the hour.
  const session = usePlayground(undefined, { env: { FOLLOW_QUIET_HOURS: '' }, pagePerTest: false });
  let page: Page;

  /** The overview tab's address, as the banner prints it. */
  function tabUrl(): string {
    const match = /The overview tab \(CH2-overblik\):\s+(\S+)/.exec(session.playground.output());
    assert.ok(match, `the banner prints the tab: ${session.playground.output()}`);
    return match[1]!;
  }

  const shot = (target: Page, name: string) => target.screenshot({ path: path.join(RESULTS, name) });
  /** The Playground's chat without its log panel (the right-hand 330 px), which tells a reader nothing. */
  const chatShot = (name: string) => page.screenshot({ path: path.join(RESULTS, name), clip: { x: 0, y: 0, width: 950, height: 900 } });

  describe('the personal chat', () => {
    before(async () => {
      page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(session.playground.url);
    });
    after(async () => {
      await page?.close();
    });

    it('shows the help card with its questions as buttons', async () => {
      await ask(page, 'hjælp');
      await page.getByText('Sådan bruger du FKI Bot').last().waitFor({ timeout: 20_000 });
      assert.ok(await page.getByRole('button', { name: 'hvad følger jeg?' }).last().isVisible(), 'a question as a button');
      await chatShot('readme-help-da.png');
    });

    it('answers "hvornår skifter SAPA til CH2?" with the date in its first sentence and next steps as buttons', async () => {
      await ask(page, 'hvornår skifter SAPA til CH2?');
      await page.getByText('SAPA skiftede til Context Handler 2 den', { exact: false }).last().waitFor({ timeout: 20_000 });
      assert.ok(await page.getByText('21. januar 2025', { exact: true }).last().isVisible(), 'the date, emphasised on its own');
      for (const next of ['Frister for SAPA', 'Åbn CH2-overblik', 'Følg SAPA']) {
        assert.ok(await page.getByText(next, { exact: true }).last().isVisible(), `the button "${next}"`);
      }
      await chatShot('readme-answer-da.png');
    });

    it('follows SAPA from the answer\'s button, and the next answer\'s button says "Følger SAPA ✓"', async () => {
      await page.getByRole('button', { name: 'Følg SAPA' }).last().click();
      // The Playground shows the bot's reply to the button under the card; it does not refresh the
      // card itself ("User specific view is not supported yet"), so the next answer shows the new state.
      await page.getByText('Du følger nu SAPA.', { exact: false }).last().waitFor({ timeout: 20_000 });
      await ask(page, 'hvornår skifter SAPA til CH2?');
      await page.getByRole('button', { name: 'Følger SAPA ✓' }).last().waitFor({ timeout: 20_000 });
      await chatShot('readme-follow-button-da.png');
    });

    it('answers "følg K53" and "hvad følger jeg?"', async () => {
      await ask(page, 'følg K53');
      await page.getByText('Du følger nu', { exact: false }).last().waitFor({ timeout: 20_000 });
      await ask(page, 'hvad følger jeg?');
      await page.getByText('Du følger 2 ting:', { exact: false }).last().waitFor({ timeout: 20_000 });
      await chatShot('readme-follow-list-da.png');
    });

    it('tells the follower in the 1:1 chat when an import moves SAPA\'s date', async () => {
      const file = path.join(session.dataDir, 'sapa.csv');
      await writeFile(file, 'name;ch2Date;status\nSAPA;2027-03-04;planned\n');
      const imported = await cliInProcess(['import', file], { DATA_DIR: session.dataDir });
      assert.equal(imported.code, 0, imported.stderr);
      // Changes go out on the bot's every-minute run.
      await page.getByText('4. marts 2027', { exact: false }).last().waitFor({ timeout: 120_000 });
      assert.ok(await page.getByText('2 ændringer i det du følger').last().isVisible(), 'one message for both changes');
      await chatShot('readme-follow-change-da.png');
    });
  });

  describe('the overview tab', () => {
    it('on a desktop, with the "today" line among the deadlines', async () => {
      const desktop = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await desktop.goto(tabUrl());
        await desktop.locator('#counts').filter({ hasText: 'vist' }).waitFor({ timeout: 20_000 });
        const today = desktop.locator('#deadlines tbody tr.today');
        assert.match(await today.innerText(), /^I dag, /);
        await today.scrollIntoViewIfNeeded();
        await desktop.evaluate(() => window.scrollBy(0, -250));
        await shot(desktop, 'readme-tab-today-da.png');
      } finally {
        await desktop.close();
      }
    });

    it('on a phone, 390 px wide, each row stacked', async () => {
      const phone = await session.browser.newPage({ viewport: { width: 390, height: 844 } });
      try {
        await phone.goto(tabUrl());
        await phone.locator('#counts').filter({ hasText: 'vist' }).waitFor({ timeout: 20_000 });
        assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 390), 'nothing runs off the side');
        await shot(phone, 'readme-tab-phone-da.png');
      } finally {
        await phone.close();
      }
    });
  });
});
