/** One sync: fetch → parse → diff → write in one transaction. Shared by the page and the worker. */
import type { ApplyResult, ReaderStore } from '../db';
import { fetchFeed, type FetchFeedOptions } from '../feed/fetch-feed';
import { parseFeedTextInSlices } from '../feed/parse';
import { SYNC_LOCK_NAME } from '../shared/constants';

export type SyncOutcome =
  | { kind: 'unchanged'; checkedAt: number }
  | ({ kind: 'updated'; checkedAt: number; skipped: number } & ApplyResult);

export interface SyncDeps extends Omit<FetchFeedOptions, 'signal'> {
  store: ReaderStore;
  now?: () => number;
  signal?: AbortSignal;
}

/**
 * Checks the feed once. A 304 (or an unchanged ETag) costs no parsing and no writes.
 * Throws FeedError when the feed cannot be fetched or read; stored articles are untouched then.
 */
export async function syncFeed(feedUrl: string, deps: SyncDeps): Promise<SyncOutcome> {
  const now = deps.now ?? Date.now;
  const state = await deps.store.getFeedState();
  const validators = state?.feedUrl === feedUrl ? { etag: state.etag, lastModified: state.lastModified } : {};
  const res = await fetchFeed(feedUrl, validators, deps);
  if (res.status === 'not-modified') return { kind: 'unchanged', checkedAt: now() };
  // In slices, with a task between them: on a page without a worker, hundreds of items never
  // hold the main thread for long (in the worker it costs nothing).
  const feed = await parseFeedTextInSlices(res.text, res.url, () => new Promise((r) => setTimeout(r)));
  const checkedAt = now();
  const applied = await deps.store.applyFeed(
    feed,
    feedUrl,
    { etag: res.etag, lastModified: res.lastModified },
    checkedAt,
  );
  return { kind: 'updated', checkedAt, skipped: feed.skipped, ...applied };
}

let inFlight: Promise<SyncOutcome> | undefined;

interface LockManagerLike {
  request<T>(name: string, cb: () => Promise<T>): Promise<T>;
}

/**
 * Runs syncFeed with at most one sync at a time: callers in this context share the running
 * one, and a Web Lock (where the browser has it) queues the page and the worker behind each other.
 */
export function syncOnce(feedUrl: string, deps: SyncDeps): Promise<SyncOutcome> {
  if (inFlight) return inFlight;
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  const run = () => syncFeed(feedUrl, deps);
  inFlight = (locks ? locks.request(SYNC_LOCK_NAME, run) : run()).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}
