import path from 'node:path';
import type { Page } from 'playwright-core';
import { ask, RESULTS, usePlayground } from '../support/playground.js';

describe('the calendar link and the message extension in Microsoft 365 Agents Playground (headless Chromium)', function () {
  this.timeout(120_000);
  const session = usePlayground(undefined, { openChat: true });
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it('answers "kalender" with the feed\'s link and an "Abonnér i Outlook" button', async () => {
    await ask(page, 'kalender');
    await page.getByText('Få frister, aftaler og møder i din kalender', { exact: false }).waitFor({ timeout: 15_000 });
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
    await page.getByText("No date is known yet for Aula's switch to CH2 and STS 2.").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(RESULTS, 'playground-extension-card.png') });
  });
});
