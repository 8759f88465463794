import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReaderStore, type StoredAsset } from '../../src/db';
import { downloadAsset, DownloadError } from '../../src/assets/download';
import { decideAuto, decideTap } from '../../src/assets/policy';
import { inlineImageUrls } from '../../src/assets/plan';
import { planDownloads, retryDelay, runDownloads } from '../../src/assets/queue';
import { parseFeed } from '../../src/feed/parse';
import { LARGE_FILE_BYTES } from '../../src/shared/constants';
import { makeItem } from '../fixtures/feeds';

const FEED_URL = 'https://portal.example/feed.json';
const NOW = Date.UTC(2026, 10, 27);
let n = 0;
const freshStore = () => new ReaderStore(`assets-db-${++n}-${Math.random()}`);
const feedOf = (items: Record<string, unknown>[]) => parseFeed({ version: 'https://jsonfeed.org/version/1.1', items }, FEED_URL);
const WIFI = { link: 'wifi' as const, saveData: false };
const CELL = { link: 'cellular' as const, saveData: false };

function asset(url: string, articleIds: string[], bytes: number, kind: StoredAsset['kind'] = 'image'): StoredAsset {
  return { url, kind, blob: new Blob([new Uint8Array(bytes)]), type: 'image/jpeg', bytes, articleIds, storedAt: NOW };
}

/** Ten articles, test-0 newest … test-9 oldest; test-8 saved, test-9 urgent. */
async function storeWithTen(): Promise<ReaderStore> {
  const store = freshStore();
  const items = Array.from({ length: 10 }, (_, i) => makeItem(i, i === 9 ? { _portal: { priority: 'urgent' } } : {}));
  await store.applyFeed(feedOf(items), FEED_URL, {}, NOW);
  await store.setSaved('test-8', true);
  return store;
}

describe('data policy', () => {
  it('follows the data mode, Save-Data and the connection', () => {
    expect(decideAuto('always', CELL, 50_000)).toBe('go');
    expect(decideAuto('always', CELL, LARGE_FILE_BYTES + 1)).toBe('wait');
    expect(decideAuto('always', WIFI, LARGE_FILE_BYTES + 1)).toBe('go');
    expect(decideAuto('wifi', CELL, 1)).toBe('wait');
    expect(decideAuto('wifi', { link: 'unknown', saveData: false }, 1)).toBe('wait');
    expect(decideAuto('wifi', WIFI, 1)).toBe('go');
    expect(decideAuto('never', WIFI, 1)).toBe('wait');
    expect(decideAuto('always', { link: 'wifi', saveData: true }, 1)).toBe('wait');
    expect(decideTap(CELL, LARGE_FILE_BYTES + 1)).toBe('ask');
    expect(decideTap({ link: 'unknown', saveData: false }, LARGE_FILE_BYTES + 1)).toBe('ask');
    expect(decideTap(CELL, LARGE_FILE_BYTES)).toBe('go');
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(retryDelay(1, () => 0.5)).toBe(30_000);
    expect(retryDelay(3, () => 0.5)).toBe(120_000);
    expect(retryDelay(2, () => 0)).toBe(45_000);
    expect(retryDelay(40, () => 0.5)).toBe(6 * 3600_000);
  });
});

describe('budget and eviction', () => {
  it('counts bytes by kind, in step with writes', async () => {
    const store = await storeWithTen();
    expect(await store.storeAsset(asset('https://x/a.jpg', ['test-0'], 1000), false)).toBe('stored');
    expect(await store.storeAsset({ ...asset('https://x/b.pdf', ['test-8'], 3000, 'file'), type: 'application/pdf' }, true)).toBe('stored');
    const u = await store.usage();
    expect(u.images).toBe(1000);
    expect(u.files).toBe(3000);
    expect(u.articles).toBeGreaterThan(1000);
    expect(await store.recountUsage()).toEqual(u);
  });

  it('evicts the oldest unprotected bytes first, then their text; never saved or urgent', async () => {
    const store = await storeWithTen();
    for (let i = 0; i < 10; i++) await store.storeAsset(asset(`https://x/${i}.jpg`, [`test-${i}`], 10_000), i >= 8);
    const textBefore = (await store.usage()).articles;
    await store.putSettings({ budgetBytes: textBefore + 75_000 });

    // 100 KB of images stored, budget allows 75 KB: a new 10 KB image needs 35 KB freed.
    expect(await store.storeAsset(asset('https://x/new.jpg', ['test-0'], 10_000), false)).toBe('stored');
    const kept = new Set(await store.storedAssetUrls());
    // test-7, test-6, test-5, test-4 are the oldest unprotected: their images go, in that order.
    for (const i of [7, 6, 5, 4]) expect(kept.has(`https://x/${i}.jpg`)).toBe(false);
    for (const i of [0, 1, 2, 3, 8, 9]) expect(kept.has(`https://x/${i}.jpg`)).toBe(true);
    expect(await store.countArticles()).toBe(10);

    // An ordinary article's image never costs another article its text, nor newer bytes.
    await store.putSettings({ budgetBytes: 1 });
    expect(await store.storeAsset(asset('https://x/late.jpg', ['test-5'], 10), false)).toBe('no-room');
    expect(await store.countArticles()).toBe(10);
    expect(kept.has('https://x/0.jpg') && (await store.getAsset('https://x/0.jpg'))).toBeTruthy();

    // A saved article's file may drop old text: the oldest unprotected articles go, saved and urgent stay.
    expect(await store.storeAsset(asset('https://x/saved.pdf', ['test-8'], 10, 'file'), true)).toBe('stored');
    expect(await store.getArticle('test-8')).toBeDefined();
    expect(await store.getArticle('test-9')).toBeDefined();
    expect(await store.countArticles()).toBe(2);
    const left = new Set(await store.storedAssetUrls());
    expect(left).toEqual(new Set(['https://x/8.jpg', 'https://x/9.jpg', 'https://x/saved.pdf']));
    expect(await store.recountUsage()).toEqual(await store.usage());
  });

  it('does not bring an evicted article back from an unchanged feed', async () => {
    const store = await storeWithTen();
    await store.deleteArticle('test-3');
    expect(await store.getArticle('test-3')).toBeUndefined();
    const items = Array.from({ length: 10 }, (_, i) => makeItem(i));
    const out = await store.applyFeed(feedOf(items), FEED_URL, {}, NOW + 1);
    expect(out.added).toEqual([]);
    expect(await store.countArticles()).toBe(9);
    items[3] = makeItem(3, { date_modified: '2026-11-26T00:00:00Z' });
    expect((await store.applyFeed(feedOf(items), FEED_URL, {}, NOW + 2)).added).toEqual(['test-3']);
  });

  it('keeps no orphan bytes for an article that is gone', async () => {
    const store = await storeWithTen();
    await store.deleteArticle('test-2');
    expect(await store.storeAsset(asset('https://x/2.jpg', ['test-2'], 100), false)).toBe('orphan');
    expect(await store.storedAssetUrls()).toEqual([]);
  });
});

/**
 * Makes the browser refuse one write for space, the way Chromium does at its quota: the `nth`
 * put into `storeName`, in the next read-write transaction over exactly `stores`, fails with
 * QuotaExceededError and the whole transaction aborts.
 */
async function refuseOneWrite(store: ReaderStore, stores: string, storeName: string, nth: number): Promise<() => number> {
  type AnyTx = { abort(): void; objectStore(n: string): { put(v: unknown): Promise<unknown> } };
  const idb = await (store as unknown as { db(): Promise<{ transaction(s: unknown, m?: unknown): AnyTx }> }).db();
  const realTx = idb.transaction.bind(idb);
  let armed = true;
  let refused = 0;
  idb.transaction = (names: unknown, mode?: unknown) => {
    const tx = realTx(names, mode);
    if (!armed || mode !== 'readwrite' || !Array.isArray(names) || names.join() !== stores) return tx;
    armed = false;
    let puts = 0;
    const objectStore = tx.objectStore.bind(tx);
    tx.objectStore = (name: string) => {
      const os = objectStore(name);
      if (name !== storeName) return os;
      return new Proxy(os, {
        get(target, prop) {
          if (prop !== 'put') {
            const v = Reflect.get(target, prop) as unknown;
            return typeof v === 'function' ? v.bind(target) : v;
          }
          return (v: unknown) => {
            if (++puts !== nth) return target.put(v);
            refused++;
            tx.abort();
            // Patching idb's proxy wraps this transaction twice; the inner `done` is ours to handle.
            (tx as unknown as { done: Promise<void> }).done.catch(() => undefined);
            return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
          };
        },
      });
    };
    return tx;
  };
  return () => refused;
}

describe('a quota error in the middle of a write', () => {
  it('evicts unprotected bytes, retries the write, and loses nothing saved', async () => {
    const store = await storeWithTen();
    for (let i = 0; i < 10; i++) await store.storeAsset(asset(`https://x/${i}.jpg`, [`test-${i}`], 400_000), i >= 8);
    const refused = await refuseOneWrite(store, 'articles,assets,meta', 'assets', 1);
    expect(await store.storeAsset(asset('https://x/big.jpg', ['test-0'], 1_000), false)).toBe('stored');
    expect(refused()).toBe(1);
    const urls = new Set(await store.storedAssetUrls());
    expect(urls.has('https://x/big.jpg')).toBe(true);
    expect(urls.has('https://x/8.jpg') && urls.has('https://x/9.jpg')).toBe(true);
    expect(urls.has('https://x/7.jpg')).toBe(false); // the oldest unprotected bytes made room
    expect(await store.getArticle('test-8')).toBeDefined();
    expect(await store.recountUsage()).toEqual(await store.usage());
  });

  it('a sync refused for space half-way lands whole after eviction, never half', async () => {
    const store = await storeWithTen();
    const before = await store.countArticles();
    const refused = await refuseOneWrite(store, 'articles,meta', 'articles', 3);
    const items = Array.from({ length: 5 }, (_, i) => makeItem(20 + i));
    const out = await store.applyFeed(feedOf(items), FEED_URL, { etag: '"e"' }, NOW + 5);
    expect(refused()).toBe(1);
    expect(out.added).toHaveLength(5);
    for (const item of items) expect(await store.getArticle(String(item.id))).toBeDefined();
    expect(await store.getArticle('test-8')).toBeDefined();
    expect(await store.getArticle('test-9')).toBeDefined();
    expect(await store.countArticles()).toBeLessThan(before + 5); // something old made room
    expect((await store.getFeedState())?.etag).toBe('"e"');
    expect(await store.recountUsage()).toEqual(await store.usage());
  });

  it('when nothing can be evicted, the write fails whole and the reader is told', async () => {
    const store = freshStore();
    await store.applyFeed(feedOf([makeItem(1, { _portal: { priority: 'urgent' } })]), FEED_URL, { etag: '"a"' }, NOW);
    await refuseOneWrite(store, 'articles,meta', 'articles', 2);
    await expect(store.applyFeed(feedOf([makeItem(2), makeItem(3)]), FEED_URL, { etag: '"b"' }, NOW + 1)).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    expect(await store.getArticle('test-2')).toBeUndefined();
    expect(await store.getArticle('test-1')).toBeDefined();
    expect((await store.getFeedState())?.etag).toBe('"a"');
  });
});

describe('downloads', () => {
  const pdf = new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
  const respond = (body: BodyInit | null, init: ResponseInit) => (async () => new Response(body, init)) as typeof fetch;

  it('refuses a body cut short of Content-Length', async () => {
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(pdf.slice(0, 1000));
        c.close();
      },
    });
    const fetch = respond(stream, { headers: { 'Content-Type': 'application/pdf', 'Content-Length': '5000' } });
    await expect(downloadAsset({ url: 'https://x/a.pdf', kind: 'file' }, { fetch })).rejects.toMatchObject({ reason: 'truncated' });
  });

  it('refuses fewer bytes than the feed announced, a login page, an HTTP error', async () => {
    const ok = { headers: { 'Content-Type': 'application/pdf' } };
    await expect(
      downloadAsset({ url: 'https://x/a.pdf', kind: 'file', declaredBytes: 6000, expectedType: 'application/pdf' }, { fetch: respond(pdf, ok) }),
    ).rejects.toMatchObject({ reason: 'truncated' });
    await expect(
      downloadAsset(
        { url: 'https://x/a.pdf', kind: 'file', expectedType: 'application/pdf' },
        { fetch: respond('<html>Đăng nhập</html>', { headers: { 'Content-Type': 'text/html' } }) },
      ),
    ).rejects.toMatchObject({ reason: 'wrong-type' });
    await expect(downloadAsset({ url: 'https://x/a.jpg', kind: 'image' }, { fetch: respond('x', { status: 404 }) })).rejects.toMatchObject({
      reason: 'http',
    });
    const got = await downloadAsset(
      { url: 'https://x/a.pdf', kind: 'file', declaredBytes: 5000, expectedType: 'application/pdf' },
      { fetch: respond(pdf, ok) },
    );
    expect(new Uint8Array(await got.blob.arrayBuffer())).toEqual(pdf);
  });

  it('a truncated download is retried with backoff, reported after the last try, and never stored', async () => {
    const store = await storeWithTen();
    await store.setSaved('test-1', true);
    const url = 'https://x/qd.pdf';
    await store.enqueueDownloads([{ url, kind: 'file', articleIds: ['test-1'], declaredBytes: 5000, expectedType: 'application/pdf', origin: 'auto' }], NOW);
    let t = NOW;
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return new Response(pdf.slice(0, 4000), { headers: { 'Content-Type': 'application/pdf' } });
    }) as typeof globalThis.fetch;
    const deps = { store, fetch, network: () => WIFI, now: () => t, random: () => 0.5 };
    let report = await runDownloads(deps);
    expect(report.stored).toBe(0);
    let job = (await store.getDownload(url))!;
    expect(job).toMatchObject({ state: 'queued', attempts: 1, lastError: 'truncated', nextAttemptAt: NOW + 30_000 });
    expect((await runDownloads(deps)).stored).toBe(0); // not due yet: no request
    expect(calls).toBe(1);
    for (let i = 0; i < 4; i++) {
      t = (await store.getDownload(url))!.nextAttemptAt;
      report = await runDownloads(deps);
    }
    job = (await store.getDownload(url))!;
    expect(job.state).toBe('failed');
    expect(report.failed.map((j) => j.url)).toEqual([url]);
    expect(calls).toBe(5);
    expect(await store.getAsset(url)).toBeUndefined();
  });

  it('plans images for the newest articles and files for saved and urgent ones, and stores them whole', async () => {
    const store = freshStore();
    const items = [
      makeItem(1, { image: 'img/1.jpg', attachments: [{ url: 'f/1.pdf', mime_type: 'application/pdf', size_in_bytes: 5000 }] }),
      makeItem(2, { image: 'img/2.jpg', content_html: '<p>x</p><img src="img/inline.jpg">', attachments: [{ url: 'f/2.pdf', mime_type: 'application/pdf', size_in_bytes: 5000 }] }),
    ];
    await store.applyFeed(feedOf(items), FEED_URL, {}, NOW);
    await store.setSaved('test-2', true);
    expect(await planDownloads(store, NOW)).toBe(4);
    const queued = (await store.listDownloads()).map((j) => j.url).sort();
    expect(queued).toEqual(['https://portal.example/f/2.pdf', 'https://portal.example/img/1.jpg', 'https://portal.example/img/2.jpg', 'https://portal.example/img/inline.jpg']);
    const fetch = (async (u: string) =>
      u.endsWith('.pdf')
        ? new Response(pdf, { headers: { 'Content-Type': 'application/pdf' } })
        : new Response(new Uint8Array(300), { headers: { 'Content-Type': 'image/jpeg' } })) as unknown as typeof globalThis.fetch;
    const report = await runDownloads({ store, fetch, network: () => WIFI, now: () => NOW });
    expect(report.stored).toBe(4);
    expect(await store.listDownloads()).toEqual([]);
    const file = (await store.getAsset('https://portal.example/f/2.pdf'))!;
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(pdf);
    expect(await planDownloads(store, NOW)).toBe(0);
  });

  it('text only: automatic downloads wait, a reader\'s tap still goes', async () => {
    const store = await storeWithTen();
    await store.putSettings({ dataMode: 'never' });
    await store.enqueueDownloads([{ url: 'https://x/auto.jpg', kind: 'image', articleIds: ['test-0'], origin: 'auto' }], NOW);
    await store.enqueueDownloads([{ url: 'https://x/tap.jpg', kind: 'image', articleIds: ['test-0'], origin: 'reader' }], NOW);
    const fetch = (async () => new Response(new Uint8Array(10), { headers: { 'Content-Type': 'image/png' } })) as typeof globalThis.fetch;
    const report = await runDownloads({ store, fetch, network: () => WIFI, now: () => NOW });
    expect(report).toMatchObject({ stored: 1, waiting: 1 });
    expect(await store.storedAssetUrls()).toEqual(['https://x/tap.jpg']);
  });

  it('a download interrupted by closing the app starts again from zero', async () => {
    const store = await storeWithTen();
    await store.enqueueDownloads([{ url: 'https://x/a.jpg', kind: 'image', articleIds: ['test-0'], origin: 'auto' }], NOW);
    const job = (await store.getDownload('https://x/a.jpg'))!;
    await store.putDownload({ ...job, state: 'active' });
    expect(await store.dueDownloads(NOW)).toEqual([]);
    expect(await store.requeueInterruptedDownloads(NOW)).toBe(1);
    expect((await store.dueDownloads(NOW)).map((j) => j.url)).toEqual(['https://x/a.jpg']);
  });

  it('finds inline images like the sanitizer resolves them', () => {
    expect(inlineImageUrls('<IMG alt=x SRC=a.jpg><img src="javascript:x"><img src=\'/b.png?x=1&amp;y=2\'>', 'https://p.vn/f/feed.json')).toEqual([
      'https://p.vn/f/a.jpg',
      'https://p.vn/b.png?x=1&y=2',
    ]);
  });
});

describe('DownloadError', () => {
  it('carries a reason', () => {
    expect(new DownloadError('truncated').reason).toBe('truncated');
  });
});

describe('saving after a lack of room', () => {
  it('an image that found no room is tried again once its article is saved', async () => {
    const store = freshStore();
    await store.applyFeed(feedOf([makeItem(1, { image: 'img/1.jpg' })]), FEED_URL, {}, NOW);
    await store.putSettings({ budgetBytes: 1 });
    const fetch = (async () => new Response(new Uint8Array(5000), { headers: { 'Content-Type': 'image/jpeg' } })) as typeof globalThis.fetch;
    await planDownloads(store, NOW);
    expect((await runDownloads({ store, fetch, network: () => WIFI, now: () => NOW })).noRoom).toHaveLength(1);
    expect((await store.getDownload('https://portal.example/img/1.jpg'))?.state).toBe('failed');
    await store.setSaved('test-1', true);
    await planDownloads(store, NOW + 1);
    expect((await store.getDownload('https://portal.example/img/1.jpg'))?.state).toBe('queued');
    // Saved bytes may pass the reader's budget (never the browser's quota).
    expect((await runDownloads({ store, fetch, network: () => WIFI, now: () => NOW + 1 })).stored).toBe(1);
  });
});
