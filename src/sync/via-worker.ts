/**
 * The page's sync, run by the service worker when one controls the page: the same code, off the
 * main thread (a big feed's JSON.parse was the page's longest task). Without a worker, or if it
 * does not answer, the page syncs itself.
 */
import type { ReaderStore } from '../db';
import { FeedError } from '../feed/feed-error';
import type { PageToWorker, SyncReply } from '../shared/messages';
import { syncOnce, type SyncOutcome } from './sync';

/** Extra time the worker gets beyond the fetch timeout (parsing, writing) before the page gives up on it. */
const WORKER_GRACE_MS = 30_000;

export async function syncPreferringWorker(feedUrl: string, store: ReaderStore, timeoutMs: number): Promise<SyncOutcome> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return syncOnce(feedUrl, { store, origin: location.origin, timeoutMs });
  const reply = await new Promise<SyncReply | undefined>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(undefined), timeoutMs + WORKER_GRACE_MS);
    channel.port1.onmessage = (e: MessageEvent<SyncReply>) => {
      clearTimeout(timer);
      resolve(e.data);
    };
    const message: PageToWorker = { type: 'SYNC', feedUrl, timeoutMs };
    worker.postMessage(message, [channel.port2]);
  });
  if (!reply) return syncOnce(feedUrl, { store, origin: location.origin, timeoutMs });
  if (!reply.ok) throw reply.reason === 'unknown' ? new Error('The sync failed in the worker') : new FeedError(reply.reason, 'in the worker', reply.status);
  // The worker wrote them: tell this page's listeners (the search index).
  if (reply.outcome.kind === 'updated') store.notify({ type: 'written', ids: [...reply.outcome.added, ...reply.outcome.updated] });
  return reply.outcome;
}
