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

  it('asks a help example when its button is pressed, and a next step under the answer asks its question (issue #23)', async () => {
    const times = (text: string) => page.evaluate((wanted) => document.body.innerText.split(wanted).length - 1, text);
    const waitForMore = (text: string, than: number) =>
      page.waitForFunction(([wanted, count]) => document.body.innerText.split(wanted as string).length - 1 > (count as number), [text, than] as const, { timeout: 15_000 });
    await ask(page, 'hjælp');
    await page.getByText('Tryk på et spørgsmål for at stille det:').last().waitFor({ timeout: 15_000 });
    const answer = 'SAPA skiftede til Context Handler 2 den';
    const before = await times(answer);
    // Teams posts the question as the user's message (imBack); the bot answers it as typed.
    await page.getByRole('button', { name: 'hvornår skifter SAPA til CH2?' }).last().click();
    await waitForMore(answer, before);
    const deadlines = 'Frister og møder for SAPA';
    const listed = await times(deadlines);
    await page.getByRole('button', { name: 'Frister for SAPA' }).last().click();
    await waitForMore(deadlines, listed);
    await page.screenshot({ path: path.join(RESULTS, 'playground-help-buttons-da.png') });
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
