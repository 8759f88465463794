/** Messages between the page and the service worker: one union, switched on `type`. */
export type PageToWorker = { type: 'SKIP_WAITING' };

export function isPageToWorker(v: unknown): v is PageToWorker {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'SKIP_WAITING';
}
