import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReaderStore } from '../../src/db';
import { FeedError } from '../../src/feed/feed-error';
import { parseFeed } from '../../src/feed/parse';
import { MAX_FEED_BYTES } from '../../src/shared/constants';
import { syncFeed, syncOnce } from '../../src/sync/sync';
import { loadSeedFeed, makeItem } from '../fixtures/feeds';

const FEED_URL = 'https://feeds.portal.example/tin-tuc.json';
const APP_ORIGIN = 'https://app.example';
let n = 0;
const freshStore = () => new ReaderStore(`sync-db-${++n}-${Math.random()}`);

interface Call {
  url: string;
  init: RequestInit;
}

/** A feed server in a function: answers with the body it holds, honouring validators like a real one. */
function fakeServer(initial: unknown) {
  let body = JSON.stringify(initial);
  let version = 1;
  const calls: Call[] = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    const etag = `"v${version}"`;
    const inm = (init.headers as Record<string, string> | undefined)?.['If-None-Match'];
    if (inm === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(body, { status: 200, headers: { ETag: etag, 'Content-Type': 'application/feed+json' } });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    publish(feed: unknown) {
      body = JSON.stringify(feed);
      version++;
    },
  };
}

const feedOf = (items: Record<string, unknown>[]) => ({ version: 'https://jsonfeed.org/version/1.1', title: 'Cổng', items });

async function snapshot(store: ReaderStore) {
  return { articles: await store.listArticles({ offset: 0, limit: 10_000 }), state: await store.getFeedState() };
}

describe('syncFeed', () => {
  it('stores new articles from the seed feed', async () => {
    const store = freshStore();
    const server = fakeServer(loadSeedFeed());
    const out = await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 100 });
    expect(out).toMatchObject({ kind: 'updated', added: [loadSeedFeed().items[0]!.id], updated: [], unchanged: 0, skipped: 0 });
    const state = await store.getFeedState();
    expect(state).toMatchObject({ feedUrl: FEED_URL, etag: '"v1"', checkedAt: 100 });
    expect(state?.info.title).toBe('Cổng thông tin điện tử tỉnh Yên Bái');
  });

  it('replaces an article only when date_modified is newer, keeping its read mark', async () => {
    const store = freshStore();
    const server = fakeServer(feedOf([makeItem(1), makeItem(2)]));
    await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 100 });
    await store.markRead('test-1', 150);

    server.publish(
      feedOf([
        makeItem(1, { title: 'Tiêu đề đã sửa', date_modified: '2026-11-26T10:00:00+07:00' }),
        makeItem(2, { title: 'Sửa nhưng không báo ngày sửa' }),
        makeItem(3),
      ]),
    );
    const out = await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 200 });
    expect(out).toMatchObject({ kind: 'updated', added: ['test-3'], updated: ['test-1'], unchanged: 1 });
    const a1 = (await store.getArticle('test-1'))!;
    expect(a1.title).toBe('Tiêu đề đã sửa');
    expect(a1.readAt).toBe(150);
    expect(a1.fetchedAt).toBe(100);
    expect(a1.updatedAt).toBe(200);
    expect((await store.getArticle('test-2'))!.title).not.toBe('Sửa nhưng không báo ngày sửa');

    server.publish(feedOf([makeItem(1, { title: 'Bản cũ hơn', date_modified: '2026-11-20T10:00:00+07:00' })]));
    await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 300 });
    expect((await store.getArticle('test-1'))!.title).toBe('Tiêu đề đã sửa');

    // Never edited before: a date_modified earlier than its publication is no change either.
    server.publish(feedOf([makeItem(2, { title: 'Sửa lùi ngày', date_modified: '2001-01-01T00:00:00Z' })]));
    await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 400 });
    expect((await store.getArticle('test-2'))!.title).toBe(makeItem(2).title);
  });

  it('leaves unchanged articles untouched when the feed body changes elsewhere', async () => {
    const store = freshStore();
    const server = fakeServer(feedOf([makeItem(1)]));
    await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 100 });
    server.publish(feedOf([makeItem(1), makeItem(2)]));
    const out = await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 200 });
    expect(out).toMatchObject({ kind: 'updated', added: ['test-2'], updated: [], unchanged: 1 });
    expect((await store.getArticle('test-1'))!.updatedAt).toBe(100);
  });

  it('same origin: sends If-None-Match, and a 304 means no parsing and no writes', async () => {
    const store = freshStore();
    const sameOriginFeed = `${APP_ORIGIN}/feed.json`;
    const server = fakeServer(feedOf([makeItem(1)]));
    await syncFeed(sameOriginFeed, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 100 });
    const before = await snapshot(store);
    const out = await syncFeed(sameOriginFeed, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 200 });
    expect(out).toEqual({ kind: 'unchanged', checkedAt: 200 });
    const last = server.calls.at(-1)!;
    expect((last.init.headers as Record<string, string>)['If-None-Match']).toBe('"v1"');
    expect(last.init.cache).toBe('no-store');
    expect(await snapshot(store)).toEqual(before);
  });

  it('a 304 with a body that is not JSON is never parsed', async () => {
    const store = freshStore();
    const fetch = (async () => new Response(null, { status: 304 })) as typeof globalThis.fetch;
    await expect(syncFeed(`${APP_ORIGIN}/f.json`, { store, fetch, origin: APP_ORIGIN })).resolves.toMatchObject({ kind: 'unchanged' });
  });

  it('another origin: no hand-set validators (no CORS preflight); an unchanged ETag skips the body', async () => {
    const store = freshStore();
    const server = fakeServer(feedOf([makeItem(1)]));
    await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 100 });
    const before = await snapshot(store);
    const out = await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN, now: () => 200 });
    expect(out.kind).toBe('unchanged');
    const last = server.calls.at(-1)!;
    expect(last.init.headers).toBeUndefined();
    expect(last.init.cache).toBe('no-cache');
    expect(await snapshot(store)).toEqual(before);
  });

  it('a broken feed after a good sync is a FeedError and costs nothing stored', async () => {
    const store = freshStore();
    const server = fakeServer(feedOf([makeItem(1), makeItem(2)]));
    await syncFeed(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN });
    const before = await snapshot(store);
    for (const bad of ['<html>Đăng nhập</html>', '{"version":"https://jsonfeed.org/version/1.1"', '[]', '']) {
      const fetch = (async () => new Response(bad, { status: 200, headers: { ETag: '"bad"' } })) as typeof globalThis.fetch;
      await expect(syncFeed(FEED_URL, { store, fetch, origin: APP_ORIGIN })).rejects.toBeInstanceOf(FeedError);
    }
    const fetch500 = (async () => new Response('oops', { status: 503 })) as typeof globalThis.fetch;
    await expect(syncFeed(FEED_URL, { store, fetch: fetch500, origin: APP_ORIGIN })).rejects.toMatchObject({ reason: 'http', status: 503 });
    expect(await snapshot(store)).toEqual(before);
  });

  it('times out a server that never answers', async () => {
    const store = freshStore();
    const fetch = ((_: unknown, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof globalThis.fetch;
    await expect(syncFeed(FEED_URL, { store, fetch, origin: APP_ORIGIN, timeoutMs: 50 })).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('times out a body that stalls after the headers', async () => {
    const store = freshStore();
    const fetch = ((_: unknown, init: RequestInit) => {
      const body = new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"version":'));
          init.signal!.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    }) as typeof globalThis.fetch;
    await expect(syncFeed(FEED_URL, { store, fetch, origin: APP_ORIGIN, timeoutMs: 50 })).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('refuses a feed larger than MAX_FEED_BYTES', async () => {
    const store = freshStore();
    const huge = 'x'.repeat(MAX_FEED_BYTES + 10);
    const fetch = (async () => new Response(new Blob([huge]).stream(), { status: 200 })) as typeof globalThis.fetch;
    await expect(syncFeed(FEED_URL, { store, fetch, origin: APP_ORIGIN })).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('a network failure is a FeedError("network")', async () => {
    const store = freshStore();
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    await expect(syncFeed(FEED_URL, { store, fetch, origin: APP_ORIGIN })).rejects.toMatchObject({ reason: 'network' });
  });
});

describe('one sync at a time', () => {
  it('callers share the sync in flight', async () => {
    const store = freshStore();
    const server = fakeServer(feedOf([makeItem(1)]));
    const [a, b] = await Promise.all([
      syncOnce(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN }),
      syncOnce(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN }),
    ]);
    expect(a).toBe(b);
    expect(server.calls).toHaveLength(1);
    await syncOnce(FEED_URL, { store, fetch: server.fetch, origin: APP_ORIGIN });
    expect(server.calls).toHaveLength(2);
  });
});

describe('applyFeed lands whole or not at all', () => {
  it('a write that fails half-way leaves no article and no new validators', async () => {
    const store = freshStore();
    const parsed = parseFeed(feedOf([makeItem(1), makeItem(2), makeItem(3)]), FEED_URL);
    // A value IndexedDB cannot clone makes the second put throw DataCloneError mid-transaction.
    (parsed.articles[1] as { raw: unknown }).raw = () => 'not cloneable';
    await expect(store.applyFeed(parsed, FEED_URL, { etag: '"x"' }, 1)).rejects.toThrow();
    expect(await store.countArticles()).toBe(0);
    expect(await store.getFeedState()).toBeUndefined();
  });
});
