import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { ask, RESULTS, startPlayground, stopPlayground, type RunningPlayground } from '../support/playground.js';

describe('chatting with the bot in Microsoft 365 Agents Playground (headless Chromium)', function () {
  this.timeout(120_000);
  let dataDir: string;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;

  before(async () => {
    await mkdir(RESULTS, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'fki-playground-'));
    browser = await launchChromium();
    playground = await startPlayground(dataDir);
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.url);
  });

  afterEach(async () => {
    await page.close();
  });

  after(async () => {
    await browser?.close();
    stopPlayground(playground);
    await rm(dataDir, { recursive: true, force: true });
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
    await page.getByText('No date is known yet for when FK OSS switches to Context Handler 2').waitFor({ timeout: 15_000 });
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
    await page.getByText('Der er endnu ingen kendt dato for, hvornår Aula skifter til Context Handler 2').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(RESULTS, 'playground-channel.png') });
  });
});
