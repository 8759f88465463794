/** Reading, search and install in real Chromium: offline search, saved, text size, manifest, accessibility. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { launchChromium, newPhoneContext } from '../support/browser';
import { appHandler, TestServer } from '../support/http-server';
import { loadSeedFeed, seedPlusItems } from '../fixtures/feeds';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const seed = loadSeedFeed().items[0]!;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let feedServer: TestServer;
let appServer: TestServer;
const appUrl = (p: string) => `http://localhost:${appServer.port}${p}`;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  const feed = seedPlusItems(12);
  feedServer = await new TestServer((req) => (req.url?.startsWith('/feed.json') ? { body: JSON.stringify(feed), type: 'application/feed+json' } : undefined), true).start();
  appServer = await new TestServer(
    appHandler(DIST, `${feedServer.origin}/feed.json`),
  ).start();
  context = await newPhoneContext(browser);
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
  await feedServer?.stop();
  await appServer?.stop();
});

async function openOnline(): Promise<void> {
  await page.goto(appUrl('/'));
  await page.locator('.cards > li').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function goOffline(): Promise<void> {
  await feedServer.stop();
  await appServer.stop();
}

describe('search, offline', () => {
  it('finds the seed article from "yen bai thi dua" typed without marks, and opens it', async () => {
    await openOnline();
    await goOffline();
    await page.goto(appUrl('/search'));
    await page.getByLabel('Tìm bài viết').fill('yen bai thi dua');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=yen%20bai%20thi%20dua');
    const first = page.locator('.cards > li').first();
    await first.waitFor();
    expect(await first.textContent()).toContain(String(seed.title));
    expect(await first.locator('mark').first().textContent()).toBe('Yên');
    await first.locator('a').click();
    await page.locator('h1', { hasText: String(seed.title) }).waitFor();
    // The back button returns to the same search.
    await page.goBack();
    await page.locator('.cards > li').first().waitFor();
    expect(await page.getByLabel('Tìm bài viết').inputValue()).toBe('yen bai thi dua');
  });

  it('a bookmarked /search?q= address shows its results', async () => {
    await openOnline();
    await page.goto(appUrl(`/search?q=${encodeURIComponent('nghi quyet')}`));
    await page.locator('.cards > li').first().waitFor();
    expect(await page.locator('.cards > li').first().textContent()).toContain(String(seed.title));
  });
});

describe('saved and comfort', () => {
  it('a saved article is listed in /saved with no network', async () => {
    await openOnline();
    await page.goto(appUrl(`/article/${encodeURIComponent(String(seed.id))}`));
    await page.getByRole('button', { name: 'Lưu để đọc offline' }).click();
    await page.getByRole('button', { name: 'Đã lưu để đọc offline' }).waitFor();
    await goOffline();
    await page.goto(appUrl('/saved'));
    await page.getByRole('link', { name: new RegExp(String(seed.title)) }).waitFor();
    expect(await page.locator('.cards > li').count()).toBe(1);
  });

  it('the text size persists across reloads', async () => {
    await openOnline();
    const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    const before = await size();
    await page.goto(appUrl('/settings'));
    await page.getByLabel('Rất lớn').check();
    const bigger = await size();
    expect(parseFloat(bigger)).toBeGreaterThan(parseFloat(before));
    await page.reload();
    await page.locator('h1').waitFor();
    expect(await size()).toBe(bigger);
    expect(await page.getByLabel('Rất lớn').isChecked()).toBe(true);
  });
});

describe('install', () => {
  it('the built manifest is complete and its icons and screenshots exist', async () => {
    const manifest = JSON.parse(readFileSync(`${DIST}/manifest.webmanifest`, 'utf8'));
    expect(manifest).toMatchObject({ lang: 'vi', start_url: '/', scope: '/', display: 'standalone' });
    expect(manifest.name).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữự]/);
    expect(manifest.description.length).toBeGreaterThan(20);
    expect(manifest.theme_color).toMatch(/^#/);
    expect(manifest.background_color).toMatch(/^#/);
    const sizes = manifest.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose ?? 'any'}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
    expect(manifest.screenshots.length).toBeGreaterThanOrEqual(1);
    expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toEqual(['/saved', '/search']);
    await page.goto(appUrl('/'));
    for (const src of [...manifest.icons, ...manifest.screenshots].map((i: { src: string }) => i.src)) {
      const res = await page.request.get(appUrl(`/${src}`));
      expect(res.status(), src).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
    }
    const linked = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(linked).toBe('/manifest.webmanifest');
  });
});

describe('accessibility', () => {
  it('home, article, search, saved and settings have no serious or critical axe violations at 360 px', async () => {
    // axe-core is injected as a script of its own: the app's CSP would refuse it.
    await context.close();
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
    page = await context.newPage();
    await openOnline();
    const screens = ['/', `/article/${encodeURIComponent(String(seed.id))}`, '/search?q=thi%20dua', '/saved', '/settings', '/storage'];
    for (const path of screens) {
      await page.goto(appUrl(path));
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      expect(await page.locator('h1').count(), path).toBe(1);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run({ resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      expect(violations, path).toEqual([]);
    }
  });

  it('the article states its language and gives images their captions as text', async () => {
    await openOnline();
    await page.goto(appUrl(`/article/${encodeURIComponent(String(seed.id))}`));
    await page.locator('h1').waitFor();
    expect(await page.locator('article').getAttribute('lang')).toBe('vi');
    const caption = (seed._portal as { image_caption: string }).image_caption;
    expect(await page.locator('.article__figure img').getAttribute('alt')).toBe(caption);
  });
});
