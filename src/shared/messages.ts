/** Messages between the page and the service worker: one union each way, switched on `type`. */
import type { FeedErrorReason } from '../feed/feed-error';
import type { SyncOutcome } from '../sync/sync';

/** Page → worker. */
export type PageToWorker =
  /** The reader accepted the waiting version. */
  | { type: 'SKIP_WAITING' }
  /** Run a sync here, off the page's main thread; the answer comes back on the message's port. */
  | { type: 'SYNC'; feedUrl: string; timeoutMs: number };

/** Worker → page (broadcast): a background check stored new articles. */
export type WorkerToPage = { type: 'SYNCED'; added: string[] };

/** Worker → page, on the SYNC message's port. */
export type SyncReply = { ok: true; outcome: SyncOutcome } | { ok: false; reason: FeedErrorReason | 'unknown'; status?: number };

function hasType(v: unknown): v is { type: unknown } {
  return typeof v === 'object' && v !== null && 'type' in v;
}

export function isPageToWorker(v: unknown): v is PageToWorker {
  if (!hasType(v)) return false;
  if (v.type === 'SKIP_WAITING') return true;
  const m = v as { feedUrl?: unknown; timeoutMs?: unknown };
  return v.type === 'SYNC' && typeof m.feedUrl === 'string' && typeof m.timeoutMs === 'number';
}

export function isWorkerToPage(v: unknown): v is WorkerToPage {
  return hasType(v) && v.type === 'SYNCED' && Array.isArray((v as { added?: unknown }).added);
}
