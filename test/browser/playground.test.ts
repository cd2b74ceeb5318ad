import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ask, RESULTS, usePlayground } from '../support/playground.js';

describe('chatting with the bot in Microsoft 365 Agents Playground (headless Chromium): answers, the calendar link, the message extension', function () {
  this.timeout(120_000);
  const session = usePlayground(undefined, { openChat: true });
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it('answers "hvornår skifter SAPA til CH2?" in a personal chat with the date in the card', async () => {
    await ask(page, 'hvornår skifter SAPA til CH2?');
    const answer = page.getByText('SAPA skiftede til Context Handler 2 den 21. januar 2025', { exact: false });
    await answer.waitFor({ timeout: 15_000 });
    assert.ok(await page.getByText('21. januar 2025', { exact: false }).first().isVisible());
    await page.screenshot({ path: path.join(RESULTS, 'playground-personal-da.png') });
  });

  it('answers in English, and a "did you mean" button replaces the card with the answer', async () => {
    await ask(page, 'when does FK switch to CH2?');
    await page.getByText('Which one did you mean?').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'FK OSS' }).last().click();
    await page.getByText("No date is known yet for FK OSS's switch to Context Handler 2").waitFor({ timeout: 15_000 });
    assert.ok(await page.getByRole('button', { name: 'Ask the vendor' }).last().isVisible());
    await page.screenshot({ path: path.join(RESULTS, 'playground-personal-en.png') });
  });

  it('answers an @mention in the General channel, in the thread of the post', async () => {
    await page.getByText('General', { exact: true }).first().click();
    await page.getByText('Start a new post').waitFor();
    // The placeholder lies over the new-post editor: click the editor itself.
    await page.locator('[data-lexical-editor="true"][role="textbox"]').first().click();
    await page.keyboard.type('@');
    await page.getByRole('menuitem').first().click();
    await page.keyboard.type(' hvornår skifter Aula til context handler 2?');
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByText('Der er endnu ingen kendt dato for Aulas skift til Context Handler 2').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(RESULTS, 'playground-channel.png') });
  });

  it('answers "kalender" with the feed\'s link and an "Abonnér i Outlook" button', async () => {
    await ask(page, 'kalender');
    await page.getByText('Få frister, aftaler, møder og skiftedatoer i din kalender', { exact: false }).waitFor({ timeout: 15_000 });
    await page.getByText('/calendar/deadlines.ics', { exact: false }).last().waitFor({ timeout: 5_000 });
    await page.getByText('Abonnér i Outlook', { exact: true }).last().waitFor({ timeout: 5_000 });
    await page.screenshot({ path: path.join(RESULTS, 'playground-calendar-da.png') });
  });

  it('finds a system typed with a typo from the compose box, and inserts its card into the message', async () => {
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByRole('menuitem', { name: 'Search Command' }).click();
    await page.getByRole('button', { name: 'Specify Command ID or Parameter' }).click();
    await page.getByPlaceholder('Command ID').fill('systems');
    await page.getByPlaceholder('Parameter name').fill('query');
    await page.getByPlaceholder('Enter a search term').fill('Aulla');
    await page.keyboard.press('Enter');
    const result = page.getByText('Aula', { exact: true }).last();
    await result.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(RESULTS, 'playground-extension-results.png') });
    await result.click();
    // The Playground reports en-US, as Teams does for many Danes: the card is Danish all the same.
    await page.getByText('Der er endnu ingen kendt dato for Aulas skift til CH2 og STS 2.').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(RESULTS, 'playground-extension-card.png') });
  });
});
