/** The reader end to end in real Chromium: online, then with both servers gone. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { launchChromium, newPhoneContext } from '../support/browser';
import { appHandler, TestServer } from '../support/http-server';
import { loadSeedFeed, seedPlusItems, type JsonFeed } from '../fixtures/feeds';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const seedItem = loadSeedFeed().items[0]!;
const SEED_ID = String(seedItem.id);
const SEED_TITLE = String(seedItem.title);
const SEED_CAPTION = (seedItem._portal as { image_caption: string }).image_caption;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let feed: JsonFeed;
let feedServer: TestServer;
let appServer: TestServer;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  feed = seedPlusItems(30);
  feedServer = await new TestServer(
    (req) => (req.url?.startsWith('/feed.json') ? { body: JSON.stringify(feed), type: 'application/feed+json' } : undefined),
    true,
  ).start();
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

/** The app origin is localhost, the feed 127.0.0.1: two origins, as with a real portal. */
const appUrl = (path: string) => `http://localhost:${appServer.port}${path}`;

async function openOnlineAndWaitForWorker(): Promise<void> {
  await page.goto(appUrl('/'));
  await page.locator('.cards > li').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

async function expectSeedArticle(): Promise<void> {
  await page.locator('h1', { hasText: SEED_TITLE }).waitFor();
  expect(await page.locator('h1').count()).toBe(1);
  const time = page.locator('article time').first();
  expect(await time.getAttribute('datetime')).toBe('2024-01-30T07:23:00+07:00');
  expect(await time.textContent()).toBe('07:23 30/01/2024');
  expect(await page.locator('.article__lead').textContent()).toMatch(/^CTTĐT - Năm 2024/);
  expect(await page.locator('.article__author').textContent()).toContain('Ban Biên tập');
  expect(await page.locator('.article__figure figcaption').textContent()).toBe(SEED_CAPTION);
  await page.locator('.article__body', { hasText: 'Ủy ban nhân dân tỉnh kêu gọi các cơ quan' }).waitFor();
}

describe('the reader', () => {
  it('shows the seed article in Vietnam time, then reads it and an unopened one offline', async () => {
    await openOnlineAndWaitForWorker();
    // The seed is from 2024, older than every generated item: it sits on the second page.
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await page.getByRole('link', { name: SEED_TITLE }).click();
    expect(new URL(page.url()).pathname).toBe(`/article/${encodeURIComponent(SEED_ID)}`);
    await expectSeedArticle();
    // The phone is in New York; the page must still say Vietnam time.
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');

    await feedServer.stop();
    await appServer.stop();
    await page.reload();
    await expectSeedArticle();

    await page.goto(appUrl(`/article/${encodeURIComponent('test-17')}`));
    await page.locator('h1', { hasText: '(bài 17)' }).waitFor();
    await page.locator('.article__body', { hasText: 'Bài số 17' }).waitFor();

    await page.goto(appUrl('/'));
    await page.locator('.status__offline').waitFor();
    expect(await page.locator('.status__offline').textContent()).toContain('ngoại tuyến');
    expect(await page.locator('.status__updated').textContent()).toMatch(/^Cập nhật lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
  });

  it('pages the list with "Xem thêm" and filters by category', async () => {
    await openOnlineAndWaitForWorker();
    const cards = page.locator('.cards > li');
    await expect.poll(() => cards.count()).toBe(20);
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await expect.poll(() => cards.count()).toBe(31);
    expect(await page.getByRole('button', { name: 'Xem thêm' }).count()).toBe(0);
    for (const a of await page.locator('.cards a').all()) {
      expect(await a.getAttribute('href')).toMatch(/^\/article\/[^/]+$/);
    }

    await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Thông báo' }).click();
    expect(new URL(page.url()).pathname).toBe('/category/thong-bao');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thông báo');
    await expect.poll(() => cards.count()).toBe(10);
    const expected = feed.items.filter((i) => (i._portal as { category?: string }).category === 'thong-bao').length;
    expect(await cards.count()).toBe(expected);
  });

  it('puts an urgent item first and keeps a feed without optional fields readable', async () => {
    feed.items.push(
      { id: 42, content_text: 'Mưa lớn kéo dài, nguy cơ lũ quét tại các xã vùng cao.\n\nNgười dân cần chủ động sơ tán.', _portal: { priority: 'urgent' } },
    );
    await page.goto(appUrl('/'));
    const first = page.locator('.cards > li').first();
    await first.locator('.badge--urgent').waitFor();
    expect(await first.textContent()).toContain('Mưa lớn kéo dài, nguy cơ lũ quét');
    await first.locator('a').click();
    expect(new URL(page.url()).pathname).toBe('/article/42');
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toMatch(/^Mưa lớn kéo dài/);
    expect(await page.locator('.article__body p').count()).toBe(2);
    expect(await page.locator('.no-date').count()).toBe(1);
  });
});

describe('a deep link on a first visit', () => {
  it('opens the article once the first sync brings it, without a "not found" on the way', async () => {
    const seen: string[] = [];
    await page.exposeFunction('__h1', (t: string) => seen.push(t));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const h1 = document.querySelector('h1');
        if (h1?.textContent) (window as unknown as { __h1(t: string): void }).__h1(h1.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(appUrl(`/article/${encodeURIComponent(SEED_ID)}`));
    await expectSeedArticle();
    expect(seen.filter((t) => t.includes('Không tìm thấy'))).toEqual([]);
  });
});
