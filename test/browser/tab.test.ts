import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateRegistry } from '../../bench/generate.js';
import { BotHarness } from '../support/botHarness.js';
import { launchChromium } from '../support/browser.js';
import { system, testData } from '../support/fixtures.js';
import { RESULTS } from '../support/playground.js';
import { DEADLINES_FEED_NAME, outlookSubscribeUrl, SWITCHES_FEED_NAME } from '../../src/calendar/link.js';
import { EXAMPLE_DATA_SOURCE } from '../../src/registry/exampleData.js';
import type { RegistryData } from '../../src/registry/registryData.js';

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
    await page.getByLabel('Søg efter system, leverandør eller frist').fill('koreprovebooking');
    await counts().filter({ hasText: '· 1 vist' }).waitFor();
    assert.deepEqual(await names(), ['Køreprøvebooking']);
    await page.getByLabel('Søg efter system, leverandør eller frist').fill('eksempel');
    await counts().filter({ hasText: '· 2 vist' }).waitFor();
    assert.deepEqual(await names(), ['Aula', 'Momentum']);
    await page.getByLabel('Søg efter system, leverandør eller frist').fill('Sags- og Partsoverblik');
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
    await page.getByLabel('Søg efter system, leverandør eller frist').fill('eksempel');
    await counts().filter({ hasText: '· 2 vist' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'ch2-overblik.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'System;Fulde navn;Leverandør;CH2-dato;STS2-dato;Status;Kilde;Senest ændret', 'Danish headers, as the page');
    assert.deepEqual(lines.slice(1).map((line) => line.split(';')[0]), ['Aula', 'Momentum']);
    assert.match(csv, /Momentum;;Eksempel A\/S;2025-03-27;2025-02-20;Planlagt;/);
  });

  it('neutralises cells a spreadsheet would run as formulas in the download', async () => {
    const data = testData();
    data.systems.push(system({ name: 'Formelsystem', fullName: '=HYPERLINK("http://example.test/x";"Klik her")', vendor: '+45 1234', note: null }));
    const formulas = await BotHarness.start({ data });
    try {
      await page.goto(`${formulas.server.url}/tab/`);
      await page.getByLabel('Søg efter system, leverandør eller frist').fill('formelsystem');
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
      await page.getByLabel('Søg efter system, leverandør eller frist').fill('online 4711');
      await counts().filter({ hasText: '· 1 vist' }).waitFor({ timeout: 10_000 });
    } finally {
      await big.stop();
    }
  });

  describe('on a phone, 390 px wide', () => {
    let phone: Page;
    let linked: BotHarness;
    const K53_URL = 'https://klik.example.test/opgaver/K53';

    /** The test data with a KLIK link on K53 and one row of the Playground's example data. */
    function phoneData(): RegistryData {
      const data = testData();
      const k53 = data.deadlines.find((d) => d.code === 'K53');
      if (k53) k53.url = K53_URL;
      data.systems.push(system({ name: 'Eksempel Booking', vendor: 'Eksempel Leverandør A/S', ch2Date: '2025-02-19', source: EXAMPLE_DATA_SOURCE }));
      return data;
    }

    before(async () => {
      linked = await BotHarness.start({ data: phoneData() });
    });
    after(async () => {
      await linked?.stop();
    });
    beforeEach(async () => {
      phone = await browser.newPage({ viewport: { width: 390, height: 844 }, permissions: ['clipboard-read', 'clipboard-write'] });
    });
    afterEach(async () => {
      await phone.close();
    });

    async function openPhone(query = '') {
      await phone.goto(`${linked.server.url}/tab/${query}`);
      await phone.locator('#counts').filter({ hasText: 'vist' }).waitFor();
    }

    it('stacks each row, so every column of a system and of a deadline is on the screen', async () => {
      await openPhone();
      assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 390), 'nothing runs off the side of the page');
      for (const table of ['#systems', '#deadlines']) {
        const cells = phone.locator(`${table} tbody tr:first-child td`);
        assert.equal(await cells.count(), table === '#systems' ? 7 : 6);
        let above = -1;
        for (const box of await Promise.all((await cells.all()).map((cell) => cell.boundingBox()))) {
          assert.ok(box && box.width > 0 && box.x >= 0 && box.x + box.width <= 390, `${table}: a cell inside the screen: ${JSON.stringify(box)}`);
          assert.ok(box.y > above, `${table}: the cells stack, one under the other`);
          above = box.y;
        }
      }
      // Each value is shown beside its column's name.
      const first = await phone.locator('#systems tbody tr:first-child td').evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, '::before').content));
      assert.deepEqual(first, ['"System"', '"Leverandør"', '"CH2-dato"', '"STS2-dato"', '"Status"', '"Kilde"', '"Senest ændret"']);
      await phone.screenshot({ path: path.join(RESULTS, 'tab-phone-da.png'), fullPage: true });
    });

    it('finds the KLIK task K53 by its code, says that no system matches, and clears the search with one button', async () => {
      await openPhone();
      await phone.getByLabel('Søg efter system, leverandør eller frist').fill('K53');
      await phone.locator('#deadline-counts').filter({ hasText: '· 1 vist' }).waitFor();
      assert.match(await phone.locator('#deadlines tbody tr').first().innerText(), /K53/);
      assert.match(await phone.locator('#counts').innerText(), /· 0 vist$/);
      const empty = phone.locator('#systems-empty');
      assert.equal(await empty.locator('p').innerText(), 'Ingen systemer passer til søgningen "K53".');
      assert.equal(await phone.locator('#systems').isVisible(), false, 'no empty table under the message');
      await phone.screenshot({ path: path.join(RESULTS, 'tab-phone-search-k53.png'), fullPage: true });
      await empty.getByRole('button', { name: 'Ryd søgning og filtre' }).click();
      await phone.locator('#counts').filter({ hasText: '· 29 vist' }).waitFor();
      assert.equal(await phone.getByLabel('Søg efter system, leverandør eller frist').inputValue(), '');
      assert.equal(await empty.isVisible(), false);
    });

    it('puts what is next first, then a line for today, then what has passed, latest first', async () => {
      await openPhone();
      const rows = await phone.locator('#deadlines tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ today: tr.classList.contains('today'), text: (tr as HTMLElement).innerText })),
      );
      const line = rows.findIndex((row) => row.today);
      assert.ok(line > 0, 'a today line with deadlines above it');
      assert.match(rows[line]!.text, /^I dag, 10\. feb\. 2025/);
      // The deadlines' own days, in the order shown, from the test data (today is 10 February 2025).
      const data = phoneData().deadlines;
      const dated = data.filter((d) => d.deadline !== null);
      const coming = dated.filter((d) => d.deadline! >= '2025-02-10').sort((a, b) => a.deadline!.localeCompare(b.deadline!));
      const passed = dated.filter((d) => d.deadline! < '2025-02-10').sort((a, b) => b.deadline!.localeCompare(a.deadline!));
      assert.equal(line, coming.length + data.filter((d) => d.deadline === null).length);
      assert.ok(rows[0]!.text.includes(coming[0]!.title), `the next deadline first: ${coming[0]!.title}`);
      assert.ok(rows[line + 1]!.text.includes(passed[0]!.title), `the latest passed one just under the line: ${passed[0]!.title}`);
      assert.equal(rows.length - line - 1, passed.length);
    });

    it("links a KLIK task to KLIK from the data's own address", async () => {
      await openPhone();
      const task = phone.getByRole('link', { name: 'Opret og underskriv aftale for visning af forskudsopgørelse for sygedagpengeområdet' });
      assert.equal(await task.getAttribute('href'), K53_URL);
      assert.equal(await task.getAttribute('rel'), 'noopener');
    });

    it('subscribes in Outlook on the web with the feed, beside a webcal: link and "Kopiér link", and downloads no .ics', async () => {
      await openPhone();
      const feed = `${linked.server.url}/calendar/deadlines.ics`;
      const deadlines = phone.locator('#deadlines-calendar');
      assert.equal(await deadlines.getByRole('link', { name: 'Abonnér i Outlook' }).getAttribute('href'), outlookSubscribeUrl(feed, DEADLINES_FEED_NAME));
      assert.equal(await deadlines.getByRole('link', { name: 'Anden kalender (webcal)' }).getAttribute('href'), feed.replace(/^http:/, 'webcal:'));
      const switches = phone.locator('#switches-calendar');
      assert.equal(
        await switches.getByRole('link', { name: 'Abonnér i Outlook' }).getAttribute('href'),
        outlookSubscribeUrl(`${feed}?kind=switches`, SWITCHES_FEED_NAME),
      );
      const hrefs = await phone.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      const downloads = hrefs.filter((href) => /^https?:$/.test(new URL(href).protocol) && new URL(href).pathname.endsWith('.ics'));
      assert.deepEqual(downloads, [], 'no link downloads the feed as a file');
      await deadlines.getByRole('button', { name: 'Kopiér link' }).click();
      await deadlines.getByText('Linket er kopieret.').waitFor();
      assert.equal(await phone.evaluate(() => navigator.clipboard.readText()), feed);
    });

    it('marks the rows of example data', async () => {
      await openPhone();
      await phone.getByLabel('Søg efter system, leverandør eller frist').fill('eksempel booking');
      await phone.locator('#counts').filter({ hasText: '· 1 vist' }).waitFor();
      assert.match(await phone.locator('#systems tbody tr').innerText(), /Eksempel Booking\s+Eksempeldata/);
      assert.ok(await phone.locator('#example-note').isVisible());
    });

    it('shows every text at 4.5:1 contrast or more, in the light, dark and high-contrast themes', async () => {
      for (const theme of ['light', 'dark', 'contrast']) {
        await openPhone(`?theme=${theme}`);
        // An empty state and the example badge are on the page too.
        await phone.getByLabel('Søg efter system, leverandør eller frist').fill('K53');
        await phone.locator('#deadline-counts').filter({ hasText: '· 1 vist' }).waitFor();
        const poor = await phone.evaluate(inPage(lowContrastTexts));
        assert.deepEqual(poor, [], `${theme}: texts below 4.5:1`);
        await phone.getByLabel('Søg efter system, leverandør eller frist').fill('');
        await phone.locator('#counts').filter({ hasText: '· 29 vist' }).waitFor();
        assert.deepEqual(await phone.evaluate(inPage(lowContrastTexts)), [], `${theme}: texts below 4.5:1`);
      }
    });
  });

  it('shows an empty overview as empty, and says so', async () => {
    const empty = await BotHarness.start({ data: { systems: [], deadlines: [] } });
    try {
      await page.goto(`${empty.server.url}/tab/`);
      await counts().filter({ hasText: 'vist' }).waitFor();
      assert.equal(await page.locator('#systems-empty p').innerText(), 'Der er ingen systemer i oversigten endnu.');
      assert.equal(await page.locator('#deadlines-empty p').innerText(), 'Der er ingen frister i oversigten endnu.');
      assert.equal(await page.locator('#systems-empty button').isVisible(), false, 'nothing to clear');
    } finally {
      await empty.stop();
    }
  });
});

/**
 * A function of this file as the page runs it: tsx names functions with a helper (`__name`) that
 * exists here only, so the page gets one that does nothing.
 */
function inPage<T>(fn: () => T): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(); })()`;
}

/**
 * Every visible text on the page (text nodes, and the column names a phone shows before each value)
 * whose colour on its background is below 4.5:1 (WCAG 2), measured from the rendered styles.
 */
function lowContrastTexts(): string[] {
  const rgb = (color: string) => {
    const parts = color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 1];
    return { r: parts[0] ?? 0, g: parts[1] ?? 0, b: parts[2] ?? 0, a: parts[3] ?? 1 };
  };
  const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element: Element | null): { r: number; g: number; b: number } => {
    for (let at = element; at; at = at.parentElement) {
      const color = rgb(getComputedStyle(at).backgroundColor);
      if (color.a > 0) return color;
    }
    return { r: 255, g: 255, b: 255 };
  };
  const ratio = (fg: { r: number; g: number; b: number }, bg: { r: number; g: number; b: number }) => {
    const [x, y] = [luminance(fg), luminance(bg)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };
  const poor: string[] = [];
  const check = (element: Element, text: string, pseudo?: string) => {
    const fg = rgb(getComputedStyle(element, pseudo).color);
    const value = ratio(fg, background(element));
    if (value < 4.5) poor.push(`${text.slice(0, 40)} (${getComputedStyle(element, pseudo).color} on ${JSON.stringify(background(element))}: ${value.toFixed(2)})`);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !node.textContent?.trim() || !(element as HTMLElement).checkVisibility()) continue;
    check(element, node.textContent.trim());
  }
  for (const element of document.querySelectorAll('td[data-label], select, input')) {
    if (!(element as HTMLElement).checkVisibility()) continue;
    if (element.matches('td')) {
      const content = getComputedStyle(element, '::before').content;
      if (content && content !== 'none') check(element, content, '::before');
    } else check(element, (element as HTMLInputElement).value || element.tagName);
  }
  return poor;
}
