import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ask, RESULTS, usePlayground } from '../support/playground.js';

describe('vendor surveys in a browser (headless Chromium)', function () {
  this.timeout(120_000);
  const session = usePlayground({ width: 1280, height: 1500 });
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  /** Asks for a survey in the Playground's personal chat; returns the survey link the card shows. */
  async function openSurveyCard(system: string): Promise<string> {
    await page.goto(session.playground.url);
    await ask(page, `spørg leverandøren om ${system}`);
    await page.getByRole('button', { name: 'Send svaret' }).last().waitFor({ timeout: 15_000 });
    const text = await page.locator('body').innerText();
    const link = /Leverandører uden for Teams kan svare her:\s*(http\S+)/.exec(text)?.[1];
    assert.ok(link, 'the card shows the survey link');
    return link;
  }

  it('fills in and sends the survey card in the Playground, and gets the receipt', async () => {
    await openSurveyCard('Aula');
    await page.screenshot({ path: path.join(RESULTS, 'survey-card-da.png'), fullPage: true });
    await page.getByRole('radio', { name: 'Skiftet er planlagt' }).last().check();
    await page.getByLabel('Dato for skift til Context Handler 2').last().fill('2026-03-03');
    // No source names Aula's vendor, so the survey asks for it.
    // Required there, so Teams marks its label with an asterisk.
    await page.getByLabel(/^Leverandør\s*\*?$/).last().fill('Eksempel A/S');
    await page.getByLabel('Kontaktperson', { exact: true }).last().fill('Kari Leverandør');
    await page.getByLabel('Kontaktpersonens e-mail').last().fill('kari@netcompany.example');
    await page.getByRole('button', { name: 'Send svaret' }).last().click();
    await page.getByText('Tak — registreret: Aula skifter til Context Handler 2 den 3. marts 2026.').waitFor({ timeout: 15_000 });
    assert.ok(await page.getByRole('button', { name: 'Ret svaret' }).last().isVisible());
    await page.screenshot({ path: path.join(RESULTS, 'survey-receipt-da.png') });

    await ask(page, 'hvornår skifter Aula til CH2?');
    await page.getByText('KOMBIT har endnu ikke bekræftet det', { exact: false }).last().waitFor({ timeout: 15_000 });
  });

  it('fills in the web form from the survey link: errors first, then the answer', async () => {
    const link = await openSurveyCard('FBS');
    await page.goto(link);
    assert.equal(await page.title(), 'Spørgeskema: FBS');
    await page.getByRole('button', { name: 'Send svaret' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.match(await summary.innerText(), /Svaret er ikke gemt/);
    assert.match(await summary.innerText(), /Hvor langt er skiftet\?: Vælg hvor langt skiftet er\./);

    await page.getByLabel('Systemet er allerede skiftet').check();
    await page.getByLabel('Dato for skift til Context Handler 2').fill('2025-06-02');
    await page.getByLabel('Leverandør', { exact: true }).fill('Systematic');
    await page.getByLabel('Bemærkning').fill('Skiftet gik planmæssigt. <b>ikke fed</b>');
    await page.screenshot({ path: path.join(RESULTS, 'survey-form-da.png'), fullPage: true });
    await page.getByRole('button', { name: 'Send svaret' }).click();
    await page.getByText('Tak — registreret: FBS skiftede til Context Handler 2 den 2. juni 2025.').waitFor();
    assert.ok(await page.getByText('Skiftet gik planmæssigt. <b>ikke fed</b>').isVisible(), 'the comment is shown as the text it is');
    await page.screenshot({ path: path.join(RESULTS, 'survey-form-saved-da.png') });
  });
});
