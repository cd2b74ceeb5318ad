import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateRegistry } from '../../bench/generate.js';
import { BotHarness } from '../support/botHarness.js';
import { launchChromium } from '../support/browser.js';
import { system, testData } from '../support/fixtures.js';
import { RESULTS } from '../support/playground.js';

describe('the overview tab "CH2-overblik" (headless Chromium)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let browser: Browser;
  let page: Page;

  before(async () => {
    await mkdir(RESULTS, { recursive: true });
    bot = await BotHarness.start({ data: testData() });
    browser = await launchChromium();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });
  afterEach(async () => {
    await page.close();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  const counts = () => page.locator('#counts');
  const names = async () => (await page.locator('#systems tbody tr td:first-child').allInnerTexts()).map((text) => text.replace(/ \(.*\)$/, ''));

  async function open(query = '') {
    await page.goto(`${bot.server.url}/tab/${query}`);
    await counts().filter({ hasText: /vist|shown/ }).waitFor();
  }

  it('shows every system, counts those without a date, and searches the way the bot matches', async () => {
    await open();
    assert.equal(await counts().innerText(), '23 af 28 systemer mangler en dato · 28 vist');
    await page.getByLabel('Søg efter system eller leverandør').fill('koreprovebooking');
    await counts().filter({ hasText: '· 1 vist' }).waitFor();
    assert.deepEqual(await names(), ['Køreprøvebooking']);
    await page.getByLabel('Søg efter system eller leverandør').fill('eksempel');
    await counts().filter({ hasText: '· 2 vist' }).waitFor();
    assert.deepEqual(await names(), ['Aula', 'Momentum']);
    await page.getByLabel('Søg efter system eller leverandør').fill('Sags- og Partsoverblik');
    await counts().filter({ hasText: '· 1 vist' }).waitFor();
    assert.deepEqual(await names(), ['SAPA']);
    await page.screenshot({ path: path.join(RESULTS, 'tab-search-da.png') });
  });

  it('filters by status and by month, and sorts by any column with the keyboard', async () => {
    await open();
    await page.getByLabel('Status').selectOption({ label: 'Planlagt' });
    assert.deepEqual((await names()).sort(), ['Momentum', 'Nexus', 'Opus']);
    await page.getByLabel('Status').selectOption({ label: 'Alle' });
    await page.getByLabel('Måned').selectOption({ label: 'marts 2025' });
    assert.deepEqual(await names(), ['Momentum', 'Nexus']);
    await page.getByLabel('Måned').selectOption({ label: 'Alle måneder' });

    const ch2 = page.getByRole('button', { name: 'CH2-dato' });
    await ch2.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('th', { has: page.getByRole('button', { name: 'CH2-dato' }) }).getAttribute('aria-sort'), 'ascending');
    assert.deepEqual((await names()).slice(0, 4), ['Opus', 'SAPA', 'Nexus', 'Momentum']);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('th', { has: page.getByRole('button', { name: 'CH2-dato' }) }).getAttribute('aria-sort'), 'descending');
    assert.deepEqual((await names()).slice(0, 4), ['Momentum', 'Nexus', 'SAPA', 'Opus'], 'systems without a date stay last');
  });

  it('downloads what is shown as CSV', async () => {
    await open();
    await page.getByLabel('Søg efter system eller leverandør').fill('eksempel');
    await counts().filter({ hasText: '· 2 vist' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'ch2-overblik.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'name;fullName;vendor;ch2Date;sts2Date;status;source;updatedAt');
    assert.deepEqual(lines.slice(1).map((line) => line.split(';')[0]), ['Aula', 'Momentum']);
    assert.match(csv, /Momentum;;Eksempel A\/S;2025-03-27;2025-02-20;planned;/);
  });

  it('neutralises cells a spreadsheet would run as formulas in the download', async () => {
    const data = testData();
    data.systems.push(system({ name: 'Formelsystem', fullName: '=HYPERLINK("http://example.test/x";"Klik her")', vendor: '+45 1234', note: null }));
    const formulas = await BotHarness.start({ data });
    try {
      await page.goto(`${formulas.server.url}/tab/`);
      await page.getByLabel('Søg efter system eller leverandør').fill('formelsystem');
      await counts().filter({ hasText: '· 1 vist' }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
      const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
      assert.match(csv, /^Formelsystem;"'=HYPERLINK\(""http:\/\/example\.test\/x"";""Klik her""\)";'\+45 1234;/m);
    } finally {
      await formulas.stop();
    }
  });

  it('lists the KLIK deadlines, and comes in English and in the dark theme', async () => {
    await open('?theme=light');
    assert.match(await page.locator('#deadlines tbody').innerText(), /K53\tKLIK-opgave\tOpret og underskriv aftale/);
    await page.screenshot({ path: path.join(RESULTS, 'tab-light.png'), fullPage: false });
    await open('?theme=dark&lang=en');
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    assert.equal(await counts().innerText(), '23 of 28 systems have no date · 28 shown');
    assert.ok(await page.getByRole('button', { name: 'Download CSV' }).isVisible());
    await page.screenshot({ path: path.join(RESULTS, 'tab-dark.png'), fullPage: false });
  });

  it('stays usable with 5,000 systems', async () => {
    const big = await BotHarness.start({ data: generateRegistry(5000) });
    try {
      await page.goto(`${big.server.url}/tab/`);
      await counts().filter({ hasText: '· 5000 vist' }).waitFor({ timeout: 30_000 });
      await page.getByLabel('Søg efter system eller leverandør').fill('online 4711');
      await counts().filter({ hasText: '· 1 vist' }).waitFor({ timeout: 10_000 });
    } finally {
      await big.stop();
    }
  });
});
