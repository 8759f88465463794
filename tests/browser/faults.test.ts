/** Network and storage faults in real Chromium: the app times out and says so, and nothing stored is lost. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { newPhoneContext } from '../support/browser';
import { browserSuite } from '../support/suite';
import { appHandler, TestServer, type RawHandler } from '../support/http-server';
import { readArticleRecords, readStores } from '../support/idb-probe';
import { makeItem, seedPlusItems, type JsonFeed } from '../fixtures/feeds';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Last-Modified' };

const suite = browserSuite();

async function setup(feed: JsonFeed = seedPlusItems(8)) {
  const feedServer = await new TestServer((req) => (req.url?.startsWith('/feed.json') ? { body: JSON.stringify(feed), type: 'application/feed+json' } : undefined), true).start();
  const config = { feedUrl: `${feedServer.origin}/feed.json`, fetchTimeoutSeconds: 2 };
  const appServer = await new TestServer(appHandler(DIST, config.feedUrl, { fetchTimeoutSeconds: config.fetchTimeoutSeconds })).start();
  suite.servers = [feedServer, appServer];
  suite.context = await newPhoneContext(suite.browser);
  const page = await suite.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const url = (p: string) => `http://localhost:${appServer.port}${p}`;
  await page.goto(url('/'));
  await page.locator('.cards > li').first().waitFor();
  return { page, feedServer, url, errors, feed };
}

/** Clicks refresh and waits for the check to end. */
async function refresh(page: Page): Promise<void> {
  await page.locator('.status__refresh').click();
  await page.waitForFunction(() => !(document.querySelector('.status__refresh') as HTMLButtonElement).disabled, undefined, { timeout: 30_000 });
}

/** Records without the read marks the reader sets by opening an article. */
function withoutReadMarks(records: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(records).map(([id, r]) => {
    const { readAt: _r, unreadNews: _u, ...rest } = JSON.parse(r) as Record<string, unknown>;
    return [id, rest];
  }));
}

const hang: RawHandler = (req) => req.url?.startsWith('/feed.json') === true; // never answers
const hangAfterHeaders: RawHandler = (req, res) => {
  if (!req.url?.startsWith('/feed.json')) return false;
  res.writeHead(200, { 'Content-Type': 'application/feed+json', ...CORS });
  res.write('{"version":"https://jsonfeed.org/version/1.1","items":[');
  return true;
};

describe('network faults', () => {
  for (const [name, raw] of [
    ['hangs before the headers', hang],
    ['hangs after the headers', hangAfterHeaders],
  ] as const) {
    it(`a server that ${name}: reading never waits, the check times out and says so`, async () => {
      const { page, feedServer, url, errors } = await setup();
      const before = withoutReadMarks(await readArticleRecords(page));
      feedServer.raw = raw;
      await page.locator('.status__refresh').click();
      // While the check hangs, a stored article opens at once.
      const started = Date.now();
      await page.getByRole('link', { name: /\(bài 3\)/ }).click();
      await page.locator('h1', { hasText: '(bài 3)' }).waitFor();
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(await page.locator('.status__refresh').isDisabled()).toBe(true); // still checking
      await page.locator('.status__error', { hasText: 'phản hồi quá chậm' }).waitFor({ timeout: 10_000 });
      // Only the reader's own read mark changed.
      expect(withoutReadMarks(await readArticleRecords(page))).toEqual(before);
      expect(errors).toEqual([]);
      void url;
    });
  }

  it('a connection cut mid-body stores nothing and tells the reader', async () => {
    const { page, feedServer, errors } = await setup();
    const before = await readArticleRecords(page);
    feedServer.raw = (req, res) => {
      if (!req.url?.startsWith('/feed.json')) return false;
      const body = JSON.stringify(seedPlusItems(20));
      res.writeHead(200, { 'Content-Type': 'application/feed+json', 'Content-Length': String(Buffer.byteLength(body)), ...CORS });
      res.write(body.slice(0, body.length / 2));
      setTimeout(() => res.socket?.destroy(), 50);
      return true;
    };
    await refresh(page);
    expect(await page.locator('.status__offline, .status__error').count()).toBeGreaterThan(0);
    expect(await readArticleRecords(page)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('5xx: a clear message, nothing lost; the next good answer lands', async () => {
    const { page, feedServer, feed } = await setup();
    const before = await readArticleRecords(page);
    feedServer.raw = (req, res) => {
      if (!req.url?.startsWith('/feed.json')) return false;
      res.writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '60', ...CORS });
      res.end('<h1>Service Unavailable</h1>');
      return true;
    };
    await refresh(page);
    await page.locator('.status__error', { hasText: 'mã 503' }).waitFor();
    expect(await readArticleRecords(page)).toEqual(before);
    feedServer.raw = undefined;
    feed.items.unshift(makeItem(0, { id: 'sau-503', title: 'Bài đến sau khi máy chủ hồi phục' }));
    await refresh(page);
    await page.getByRole('link', { name: /Bài đến sau khi máy chủ hồi phục/ }).waitFor();
  });

  it('a 304 without a body is "no news"; a redirect is followed; a feed past the size limit is refused', async () => {
    const { page, feedServer, feed } = await setup();
    const before = await readArticleRecords(page);
    feedServer.raw = (req, res) => {
      if (!req.url?.startsWith('/feed.json')) return false;
      res.writeHead(304, CORS);
      res.end();
      return true;
    };
    await refresh(page);
    await page.locator('.status__message', { hasText: 'Không có tin mới' }).waitFor();
    expect(await readArticleRecords(page)).toEqual(before);

    const moved = { ...feed, items: [makeItem(0, { id: 'chuyen-huong', title: 'Bài từ địa chỉ mới', image: 'anh/moi.jpg' }), ...feed.items] };
    feedServer.raw = (req, res) => {
      if (req.url?.startsWith('/feed.json')) {
        res.writeHead(301, { Location: '/v2/feed.json', ...CORS });
        res.end();
        return true;
      }
      if (req.url?.startsWith('/v2/feed.json')) {
        res.writeHead(200, { 'Content-Type': 'application/feed+json', ...CORS });
        res.end(JSON.stringify(moved));
        return true;
      }
      return false;
    };
    await refresh(page);
    await page.getByRole('link', { name: /Bài từ địa chỉ mới/ }).waitFor();
    // Relative URLs resolve against where the feed really came from.
    await page.getByRole('link', { name: /Bài từ địa chỉ mới/ }).click();
    expect(await page.locator('.article__figure img').getAttribute('src')).toBe(`${feedServer.origin}/v2/anh/moi.jpg`);
    // Opening it marks it read (the screen may paint from the list's copy before that is stored).
    await expect.poll(async () => JSON.parse((await readArticleRecords(page))['chuyen-huong'] ?? '{}').readAt).toBeGreaterThan(0);

    const stored = await readArticleRecords(page);
    feedServer.raw = (req, res) => {
      if (!req.url?.startsWith('/feed.json')) return false;
      res.writeHead(200, { 'Content-Type': 'application/feed+json', ...CORS });
      res.end(JSON.stringify({ ...feed, items: [makeItem(0, { id: 'qua-lon', content_text: 'x'.repeat(9 * 1024 * 1024) })] }));
      return true;
    };
    await refresh(page);
    await page.locator('.status__error', { hasText: 'quá lớn' }).waitFor();
    expect(await readArticleRecords(page)).toEqual(stored);
    void before;
  });
});

describe('storage faults', () => {
  it('closing the page in the middle of syncs, again and again, leaves no half-written article and no orphan bytes', async () => {
    const feed = seedPlusItems(5);
    const feedServer = await new TestServer((req) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/feed.json') return { body: JSON.stringify(feed), type: 'application/feed+json' };
      if (path.startsWith('/img/')) return { body: Buffer.alloc(40_000, 7), type: 'image/jpeg' };
      return undefined;
    }, true).start();
    const appServer = await new TestServer(
      appHandler(DIST, `${feedServer.origin}/feed.json`),
    ).start();
    suite.servers = [feedServer, appServer];
    suite.context = await newPhoneContext(suite.browser);
    const url = `http://localhost:${appServer.port}/`;
    for (let round = 0; round < 8; round++) {
      // Every round the feed has 60 more articles, each with an image, and the page dies part-way.
      feed.items.push(...Array.from({ length: 60 }, (_, i) => makeItem(100 + round * 60 + i, { image: `img/${round}-${i}.jpg` })));
      const page = await suite.context.newPage();
      await page.goto(url);
      await page.waitForTimeout(50 + ((round * 37) % 200));
      await page.close();
    }
    const page = await suite.context.newPage();
    await page.goto(url);
    await page.locator('.cards > li').first().waitFor();
    // Let the last check finish (the worker may still be writing what an earlier page asked for).
    await page.waitForFunction(() => !(document.querySelector('.status__refresh') as HTMLButtonElement).disabled, undefined, { timeout: 60_000 });
    // …and until the stores stop changing.
    let last = -1;
    for (let i = 0; i < 40; i++) {
      const n = (await readStores(page)).articles;
      if (n === last) break;
      last = n;
      await page.waitForTimeout(500);
    }
    const records = Object.values(await readArticleRecords(page)).map((r) => JSON.parse(r) as Record<string, unknown>);
    for (const r of records) {
      if ('evictedAt' in r) continue;
      // Whole records only: every field a stored article always has.
      for (const key of ['id', 'baseUrl', 'priority', 'authors', 'tags', 'attachments', 'sortKey', 'fetchedAt', 'updatedAt', 'textBytes']) expect(r, `${String(r.id)}.${key}`).toHaveProperty(key);
    }
    const stores = await readStores(page);
    const live = new Set(records.filter((r) => !('evictedAt' in r)).map((r) => r.id));
    const orphans = await page.evaluate(
      (ids) =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('tin-tinh');
          open.onsuccess = () => {
            const req = open.result.transaction('assets').objectStore('assets').getAll();
            req.onsuccess = () => {
              const keep = new Set(ids);
              resolve((req.result as { url: string; articleIds: string[] }[]).filter((a) => !a.articleIds.some((id) => keep.has(id))).map((a) => a.url));
              open.result.close();
            };
          };
        }),
      [...live] as string[],
    );
    expect(orphans).toEqual([]);
    expect(stores.articles).toBe(live.size);
  });
});
