/** Plans and runs downloads; the same code runs in the page and in the worker. No DOM. */
import { isQuotaError, type DownloadFailure, type DownloadJob, type NewJob, type ReaderStore, type StoredArticle } from '../db';
import {
  AUTO_IMAGE_ARTICLES,
  DOWNLOAD_RETRY_BASE_MS,
  DOWNLOAD_RETRY_MAX_MS,
  MAX_DOWNLOAD_ATTEMPTS,
} from '../shared/constants';
import { downloadAsset, DownloadError } from './download';
import { fileNeeds, imageNeeds, isProtected } from './plan';
import { decideAuto, type NetworkFacts } from './policy';

/** Queues what should be offline: images of the newest articles; images and files of saved and urgent ones. */
export async function planDownloads(store: ReaderStore, now = Date.now()): Promise<number> {
  const [newest, saved, urgent] = await Promise.all([
    store.listArticles({ offset: 0, limit: AUTO_IMAGE_ARTICLES }),
    store.listSaved(),
    store.listUrgent(),
  ]);
  const jobs: NewJob[] = [];
  const add = (a: StoredArticle, withFiles: boolean) => {
    for (const need of [...imageNeeds(a), ...(withFiles ? fileNeeds(a) : [])]) {
      jobs.push({ ...need, articleIds: [a.id], origin: 'auto', retryNoRoom: isProtected(a) });
    }
  };
  for (const a of newest) add(a, isProtected(a));
  for (const a of [...saved, ...urgent]) add(a, true);
  return store.enqueueDownloads(jobs, now);
}

/** Delay before retry `attempt` (1-based): doubling from the base, capped, with ±25 % jitter. */
export function retryDelay(attempt: number, random = Math.random): number {
  const base = Math.min(DOWNLOAD_RETRY_BASE_MS * 2 ** (attempt - 1), DOWNLOAD_RETRY_MAX_MS);
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface RunDeps {
  store: ReaderStore;
  network(): NetworkFacts;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  signal?: AbortSignal;
  timeoutMs?: number;
  onProgress?(url: string, received: number, total: number | undefined): void;
  /** Called after each job settles: stored, retried later, failed, or skipped for now. */
  onSettled?(job: DownloadJob, outcome: JobOutcome): void;
}

export type JobOutcome = 'stored' | 'retry' | 'failed' | 'waiting' | 'no-room' | 'orphan';

export interface RunReport {
  stored: number;
  failed: DownloadJob[];
  noRoom: DownloadJob[];
  waiting: number;
}

/** Runs every due job once, one at a time. Bytes are stored only when whole. */
export async function runDownloads(deps: RunDeps): Promise<RunReport> {
  const now = deps.now ?? Date.now;
  const report: RunReport = { stored: 0, failed: [], noRoom: [], waiting: 0 };
  const { dataMode } = await deps.store.getSettings();
  for (const job of await deps.store.dueDownloads(now())) {
    if (deps.signal?.aborted) break;
    if (job.origin === 'auto' && decideAuto(dataMode, deps.network(), job.declaredBytes) === 'wait') {
      report.waiting++;
      deps.onSettled?.(job, 'waiting');
      continue;
    }
    let outcome: JobOutcome;
    try {
      outcome = await runJob(job, deps, now);
    } catch (e) {
      // Storage refused even bookkeeping: report it and go on with the other jobs.
      if (!isQuotaError(e)) throw e;
      outcome = 'no-room';
    }
    if (outcome === 'stored') report.stored++;
    if (outcome === 'failed') report.failed.push(job);
    if (outcome === 'no-room') report.noRoom.push(job);
    deps.onSettled?.(job, outcome);
  }
  return report;
}

async function runJob(job: DownloadJob, deps: RunDeps, now: () => number): Promise<JobOutcome> {
  const { store } = deps;
  await store.putDownload({ ...job, state: 'active' });
  try {
    const got = await downloadAsset(job, {
      fetch: deps.fetch,
      signal: deps.signal,
      timeoutMs: deps.timeoutMs,
      onProgress: (received, total) => deps.onProgress?.(job.url, received, total),
    });
    const articles = await Promise.all(job.articleIds.map((id) => store.getArticle(id)));
    const forProtected = articles.some((a) => a && isProtected(a));
    const outcome = await store.storeAsset(
      { url: job.url, kind: job.kind, blob: got.blob, type: got.type, bytes: got.bytes, articleIds: job.articleIds, storedAt: now() },
      forProtected,
    );
    if (outcome === 'no-room') {
      await store.putDownload({ ...job, state: 'failed', lastError: 'quota', attempts: job.attempts + 1 });
      return 'no-room';
    }
    await store.removeDownload(job.url);
    return outcome;
  } catch (e) {
    if (!(e instanceof DownloadError)) {
      // Aborted by the caller (page closing): leave it queued to start again later.
      await store.putDownload({ ...job, state: 'queued' }).catch(() => undefined);
      if (deps.signal?.aborted) return 'retry';
      throw e;
    }
    return retryOrFail(job, e.reason, deps, now);
  }
}

async function retryOrFail(job: DownloadJob, reason: DownloadFailure, deps: RunDeps, now: () => number): Promise<JobOutcome> {
  const attempts = job.attempts + 1;
  // A file bigger than our limit will not shrink: no point retrying.
  const final = attempts >= MAX_DOWNLOAD_ATTEMPTS || reason === 'too-large';
  await deps.store.putDownload({
    ...job,
    attempts,
    lastError: reason,
    state: final ? 'failed' : 'queued',
    nextAttemptAt: now() + retryDelay(attempts, deps.random),
  });
  return final ? 'failed' : 'retry';
}
