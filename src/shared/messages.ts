/** Messages between the page and the service worker: one union each way, switched on `type`. */

/** Page → worker: the reader accepted the waiting version. */
export type PageToWorker = { type: 'SKIP_WAITING' };

/** Worker → page: a background check stored new articles. */
export type WorkerToPage = { type: 'SYNCED'; added: string[] };

function hasType(v: unknown): v is { type: unknown } {
  return typeof v === 'object' && v !== null && 'type' in v;
}

export function isPageToWorker(v: unknown): v is PageToWorker {
  return hasType(v) && v.type === 'SKIP_WAITING';
}

export function isWorkerToPage(v: unknown): v is WorkerToPage {
  return hasType(v) && v.type === 'SYNCED' && Array.isArray((v as { added?: unknown }).added);
}
