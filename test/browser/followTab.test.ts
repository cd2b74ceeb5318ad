import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { BotHarness } from '../support/botHarness.js';
import { launchChromium } from '../support/browser.js';
import { starterData } from '../support/fixtures.js';
import { RESULTS } from '../support/playground.js';
import { ask } from '../follow/support.js';

describe('Følg\'s count in the overview tab (headless Chromium)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let browser: Browser;

  before(async () => {
    await mkdir(RESULTS, { recursive: true });
    bot = await BotHarness.start({ data: starterData() });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('shows "Følges af N" under a followed system and KLIK task, in the tab\'s language, and nothing under the others', async () => {
    await ask(bot, 'følg SAPA', 'alex');
    await ask(bot, 'følg K53', 'bo');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${bot.server.url}/tab/`);
      await page.locator('#counts').filter({ hasText: /vist/ }).waitFor();
      const sapa = page.locator('#systems tbody tr').filter({ has: page.locator('td:first-child', { hasText: /^SAPA/ }) });
      assert.equal(await sapa.locator('.item-line').innerText(), 'Følges af 1');
      assert.equal(await page.locator('#systems tbody .item-line').count(), 1, 'only under what somebody follows');
      const k53 = page.locator('#deadlines tbody tr').filter({ hasText: 'K53' }).filter({ hasText: 'SAPA' });
      assert.equal(await k53.locator('.item-line').innerText(), 'Følges af 2');
      await page.getByLabel('Søg efter system, leverandør eller frist').fill('SAPA');
      await page.locator('#counts').filter({ hasText: '· 1 vist' }).waitFor();
      await page.screenshot({ path: path.join(RESULTS, 'tab-follow-da.png'), fullPage: true });

      await page.goto(`${bot.server.url}/tab/?lang=en`);
      await page.locator('#counts').filter({ hasText: /shown/ }).waitFor();
      assert.equal(await sapa.locator('.item-line').innerText(), 'Followed by 1');
    } finally {
      await page.close();
    }
  });
});
