/** Images and attachments offline, in real Chromium with the servers really gone. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { newPhoneContext } from '../support/browser';
import { browserSuite } from '../support/suite';
import { appHandler, TestServer, type Served } from '../support/http-server';
import { readStores } from '../support/idb-probe';
import { loadSeedFeed, makeItem, TEST_CATEGORIES } from '../fixtures/feeds';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../public/sample/', import.meta.url));
const JPEGS = readdirSync(`${SAMPLE}images`).map((f) => readFileSync(`${SAMPLE}images/${f}`));
const PDF = readFileSync(`${SAMPLE}files/${readdirSync(`${SAMPLE}files`)[0]}`);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const suite = browserSuite();

/** A feed of `count` articles (test-0 newest), each with its own lead image, on its own origin. */
async function startServers(count: number, opts: { padImages?: number; attachments?: Record<number, string> } = {}) {
  const images = new Map<string, Buffer>();
  const items = Array.from({ length: count }, (_, i) => {
    const path = `/img/${i}.jpg`;
    // A real JPEG; random bytes after its end marker are ignored by decoders and defeat compression.
    images.set(path, Buffer.concat([JPEGS[i % JPEGS.length]!, randomBytes(opts.padImages ?? 0)]));
    const title = opts.attachments?.[i];
    return makeItem(i, {
      image: path.slice(1),
      ...(title ? { attachments: [{ url: `files/${i}.pdf`, mime_type: 'application/pdf', title, size_in_bytes: PDF.length }] } : {}),
    });
  });
  const feed = { ...loadSeedFeed(), _portal: { categories: TEST_CATEGORIES }, items };
  const feedServer = await new TestServer((req): Served | undefined => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/feed.json') return { body: JSON.stringify(feed), type: 'application/feed+json' };
    const img = images.get(path);
    if (img) return { body: img, type: 'image/jpeg' };
    if (path.startsWith('/files/')) return { body: PDF, type: 'application/pdf' };
    return undefined;
  }, true).start();
  const appServer = await new TestServer(
    appHandler(DIST, `${feedServer.origin}/feed.json`),
  ).start();
  suite.servers = [feedServer, appServer];
  return { feed, feedServer, appServer, appUrl: (p: string) => `http://localhost:${appServer.port}${p}` };
}

async function leadImageWidth(page: Page): Promise<number> {
  const img = page.locator('.article__figure img');
  await img.waitFor({ state: 'attached' });
  return img.evaluate((el) => (el as HTMLImageElement).decode().then(() => (el as HTMLImageElement).naturalWidth, () => 0));
}

describe('images and attachments offline', () => {
  it('shows recent and saved images and opens the exact saved PDF with no network', async () => {
    const title = 'Quyết định số 123/QĐ-UBND về kế hoạch phòng chống thiên tai';
    const { appUrl, feedServer, appServer } = await startServers(60, { attachments: { 58: title } });
    suite.context = await newPhoneContext(suite.browser);
    const page = await suite.context.newPage();
    await page.goto(appUrl('/'));
    await page.locator('.cards > li').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // test-58 is older than the newest 50: only saving it brings its image and file.
    await page.goto(appUrl('/article/test-58'));
    await page.getByRole('button', { name: 'Lưu để đọc offline' }).click();
    await page.getByRole('button', { name: 'Đã lưu để đọc offline' }).waitFor();
    const file = page.locator('.file', { hasText: title });
    await file.getByText('Đã lưu trên máy').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await readStores(page)).assetUrls.length, { timeout: 30_000 }).toBe(52);
    const stores = await readStores(page);
    expect(stores.assetUrls).toContain(`${feedServer.origin}/img/58.jpg`);
    expect(stores.assetUrls).not.toContain(`${feedServer.origin}/img/55.jpg`);
    expect(stores.savedIds).toEqual(['test-58']);

    await feedServer.stop();
    await appServer.stop();
    await page.reload();
    await page.locator('h1', { hasText: '(bài 58)' }).waitFor();
    expect(await leadImageWidth(page)).toBeGreaterThan(0);

    const href = await file.getByRole('link', { name: 'Mở tệp' }).getAttribute('href');
    const opened = await page.evaluate(async (h) => {
      const res = await fetch(h!);
      return { bytes: Array.from(new Uint8Array(await res.arrayBuffer())), type: res.headers.get('Content-Type'), disposition: res.headers.get('Content-Disposition') };
    }, href);
    expect(sha(Uint8Array.from(opened.bytes))).toBe(sha(PDF));
    expect(opened.type).toBe('application/pdf');
    expect(decodeURIComponent(opened.disposition!.split("UTF-8''")[1]!)).toBe(`${title.replace(/\//g, '-')}.pdf`);

    await page.goto(appUrl('/article/test-3'));
    await page.locator('h1', { hasText: '(bài 3)' }).waitFor();
    expect(await leadImageWidth(page)).toBeGreaterThan(0);

    await page.goto(appUrl('/saved'));
    await page.getByRole('link', { name: /\(bài 58\)/ }).waitFor();
  });

  it('under a small quota, evicts unsaved bytes and keeps every saved article whole', async () => {
    // 40 images of ~250 KB of incompressible bytes (10 MB) against a 4 MB quota.
    const { appUrl, feedServer, appServer } = await startServers(40, { padImages: 250_000, attachments: { 30: 'Kế hoạch số 5' } });
    suite.context = await newPhoneContext(suite.browser);
    const page = await suite.context.newPage();
    const cdp = await suite.context.newCDPSession(page);
    const origin = `http://localhost:${appServer.port}`;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 4 * 1024 * 1024 });
    await page.goto(appUrl('/article/test-30'));
    await page.getByRole('button', { name: 'Lưu để đọc offline' }).click();
    await page.getByRole('button', { name: 'Đã lưu để đọc offline' }).waitFor();
    await page.goto(appUrl('/article/test-35'));
    await page.getByRole('button', { name: 'Lưu để đọc offline' }).click();
    await page.getByRole('button', { name: 'Đã lưu để đọc offline' }).waitFor();

    // Let every download settle: nothing queued or running any more.
    await expect
      .poll(async () => (await readStores(page)).downloads.filter((d) => d.state !== 'failed').length, { timeout: 60_000, interval: 500 })
      .toBe(0);
    const after = await readStores(page);
    expect(after.savedIds.sort()).toEqual(['test-30', 'test-35']);
    for (const u of ['/img/30.jpg', '/img/35.jpg', '/files/30.pdf']) expect(after.assetUrls).toContain(`${feedServer.origin}${u}`);
    expect(after.assets).toBeLessThan(41); // the quota could not hold everything
    expect(after.articles).toBe(40); // images of ordinary articles never cost any article its text
    await page.getByRole('alert').getByText(/Không đủ bộ nhớ để lưu \d+ ảnh hoặc tệp/).waitFor();

    await feedServer.stop();
    await appServer.stop();
    await page.reload();
    await page.locator('h1', { hasText: '(bài 35)' }).waitFor();
    expect(await leadImageWidth(page)).toBeGreaterThan(0);
    await page.goto(appUrl('/article/test-30'));
    await page.locator('.file').getByText('Đã lưu trên máy').waitFor();
    expect(await leadImageWidth(page)).toBeGreaterThan(0);
  });
});
