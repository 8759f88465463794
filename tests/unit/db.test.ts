import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { ReaderStore } from '../../src/db';
import { toStored } from '../../src/db/write';
import { DB_VERSION, openReaderDB, UPGRADE_STEPS } from '../../src/db/open';
import type { ReaderDB } from '../../src/db/schema';
import { parseFeed } from '../../src/feed/parse';
import { makeItem } from '../fixtures/feeds';

const FEED_URL = 'https://yenbai.gov.vn/feed.json';
let n = 0;
const freshName = () => `test-db-${++n}-${Math.random()}`;

function feedOf(items: Record<string, unknown>[]) {
  return parseFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items }, FEED_URL);
}

describe('upgrade ladder', () => {
  it('has one step per version', () => {
    expect(DB_VERSION).toBe(UPGRADE_STEPS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  for (let from = 1; from < DB_VERSION; from++) {
    it(`keeps every record when upgrading from version ${from}`, async () => {
      const name = freshName();
      const old = await openReaderDB(name, from);
      const articles = feedOf(Array.from({ length: 25 }, (_, i) => makeItem(i))).articles.map((a) => toStored(a, 1000));
      const tx = old.transaction(['articles', 'meta'], 'readwrite');
      for (const a of articles) await tx.objectStore('articles').put(a);
      await tx.objectStore('meta').put({ key: 'config', feedUrl: FEED_URL, raw: {}, savedAt: 1 });
      await tx.done;
      old.close();

      const store = new ReaderStore(name);
      expect(await store.countArticles()).toBe(25);
      for (const a of articles) expect(await store.getArticle(a.id)).toEqual(a);
      expect((await store.getConfig())?.feedUrl).toBe(FEED_URL);
      // Indexes added by later steps cover the old records too.
      const byCategory = await store.listArticles({ category: 'thong-bao', offset: 0, limit: 100 });
      expect(byCategory.map((a) => a.id).sort()).toEqual(articles.filter((a) => a.category === 'thong-bao').map((a) => a.id).sort());
      await store.close();
    });
  }

  it('a tab on this version gives way to a newer one opened elsewhere: no hang, no data lost, and it reopens', async () => {
    const name = freshName();
    const store = new ReaderStore(name);
    await store.applyFeed(feedOf([makeItem(1), makeItem(2)]), FEED_URL, { etag: '"a"' }, Date.UTC(2026, 10, 27));
    const changes: string[] = [];
    store.onChange((c) => changes.push(c.type));
    let blocked = false;
    const newer = await openDB<ReaderDB>(name, DB_VERSION + 1, {
      upgrade() {},
      blocked() {
        blocked = true;
      },
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(await newer.count('articles')).toBe(2);
    newer.close();
    // The old tab's store reconnects on its next call (to whatever version is there now).
    await expect(store.countArticles()).rejects.toThrow(); // VersionError: its code is older than the database
    expect(blocked).toBe(false);
    // The old tab hears of it and asks the reader to reload.
    expect(changes).toContain('superseded');
  });
});

describe('ReaderStore lists', () => {
  it('orders newest first with urgent items pinned ahead, and pages by offset', async () => {
    const store = new ReaderStore(freshName());
    const items = Array.from({ length: 30 }, (_, i) => makeItem(i));
    items.push(makeItem(99, { id: 'khan', _portal: { priority: 'urgent', category: 'thong-bao' } }));
    await store.applyFeed(feedOf(items), FEED_URL, {}, Date.UTC(2026, 10, 27));
    const page1 = await store.listArticles({ offset: 0, limit: 20 });
    const page2 = await store.listArticles({ offset: 20, limit: 20 });
    expect(page1[0]!.id).toBe('khan');
    expect(page1.slice(1).map((a) => a.id)).toEqual(Array.from({ length: 19 }, (_, i) => `test-${i}`));
    expect(page2.map((a) => a.id)).toEqual(Array.from({ length: 11 }, (_, i) => `test-${i + 19}`));
    expect(await store.countArticles()).toBe(31);
    expect(await store.countArticles('thong-bao')).toBe(11);
  });

  it('puts undated articles at the time they were fetched and far-future ones no later than a day ahead', async () => {
    const store = new ReaderStore(freshName());
    const now = Date.UTC(2026, 10, 27);
    await store.applyFeed(
      feedOf([makeItem(1), { id: 'undated', content_text: 'x' }, makeItem(2, { id: 'future', date_published: '2099-01-01T00:00:00Z' })]),
      FEED_URL,
      {},
      now,
    );
    expect((await store.getArticle('undated'))!.sortKey).toBe(now);
    expect((await store.getArticle('future'))!.sortKey).toBe(now + 86_400_000);
  });

  it('marks an article read once', async () => {
    const store = new ReaderStore(freshName());
    await store.applyFeed(feedOf([makeItem(1)]), FEED_URL, {}, 1);
    await store.markRead('test-1', 10);
    await store.markRead('test-1', 20);
    expect((await store.getArticle('test-1'))!.readAt).toBe(10);
  });
});
