/** The download queue: jobs survive the app being closed and run again later. */
import type { IDBPDatabase } from 'idb';
import type { DownloadJob, ReaderDB } from './schema';
import { inTx } from './tx';

export type NewJob = Omit<DownloadJob, 'state' | 'attempts' | 'nextAttemptAt' | 'createdAt' | 'lastError'> & {
  /** For a saved or urgent article: a download that failed for lack of room is tried again now. */
  retryNoRoom?: boolean;
};

/** Adds jobs (or widens existing ones) for URLs not stored yet; a reader's request runs at once. */
export async function enqueue(db: IDBPDatabase<ReaderDB>, jobs: NewJob[], now: number): Promise<number> {
  const tx = db.transaction(['downloads', 'assets'], 'readwrite');
  return inTx(tx, async () => {
  let added = 0;
  for (const job of jobs) {
    if ((await tx.objectStore('assets').getKey(job.url)) !== undefined) continue;
    const { retryNoRoom, ...fields } = job;
    const old = await tx.objectStore('downloads').get(job.url);
    if (old) {
      // A tap retries a failed download now; so does saving an article whose bytes found no room before.
      const reader = job.origin === 'reader' || (retryNoRoom === true && old.state === 'failed' && old.lastError === 'quota');
      await tx.objectStore('downloads').put({
        ...old,
        articleIds: [...new Set([...old.articleIds, ...job.articleIds])],
        origin: job.origin === 'reader' ? 'reader' : old.origin,
        ...(reader && old.state !== 'active' ? { state: 'queued' as const, attempts: 0, nextAttemptAt: now } : {}),
      });
      continue;
    }
    await tx.objectStore('downloads').put({ ...fields, state: 'queued', attempts: 0, nextAttemptAt: now, createdAt: now });
    added++;
  }
  return added;
  });
}

/** Queued jobs whose time has come, soonest first. */
export async function dueJobs(db: IDBPDatabase<ReaderDB>, now: number): Promise<DownloadJob[]> {
  const jobs = await db.getAllFromIndex('downloads', 'by-next', IDBKeyRange.upperBound(now));
  return jobs.filter((j) => j.state === 'queued');
}

/** Jobs left 'active' by a closed app restart from the beginning: no half file is ever kept. */
export async function requeueInterrupted(db: IDBPDatabase<ReaderDB>, now: number): Promise<number> {
  const tx = db.transaction('downloads', 'readwrite');
  return inTx(tx, async () => {
    let n = 0;
    for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
      if (c.value.state !== 'active') continue;
      await c.update({ ...c.value, state: 'queued', nextAttemptAt: now });
      n++;
    }
    return n;
  });
}
