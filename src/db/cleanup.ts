/**
 * Eviction: when the budget is reached or the browser refuses a write, the oldest bytes of
 * unsaved, non-urgent articles go first, then their text. Saved and urgent articles stay.
 */
import type { IDBPDatabase } from 'idb';
import { isProtected } from '../assets/plan';
import { deleteAssetsIn } from './assets';
import { textBytesOf } from './write';
import { isLive, type ReaderDB, type StoredArticle, type StoredAsset } from './schema';
import { inTx } from './tx';
import { forgetUsage } from './usage';

export interface EvictionLimits {
  /** Only articles ordered before this sort key (older) give way; everything older by default. */
  olderThan?: number;
  /** Whether text may go too, after all evictable bytes (not for the bytes of an ordinary article). */
  text: boolean;
}

/** Frees at least `need` bytes if it can; returns how many were freed. */
export async function evict(db: IDBPDatabase<ReaderDB>, need: number, limits: EvictionLimits = { text: true }): Promise<number> {
  let freed = await evictBytes(db, need, limits.olderThan);
  if (freed < need && limits.text) freed += await evictText(db, need - freed, limits.olderThan);
  return freed;
}

/** Ids of articles the app must never evict. */
async function protectedIds(db: IDBPDatabase<ReaderDB>): Promise<Set<string>> {
  const ids = new Set<string>(await db.getAllKeysFromIndex('articles', 'by-saved'));
  const urgent = IDBKeyRange.bound([1, -Infinity], [1, Infinity]);
  for (const id of await db.getAllKeysFromIndex('articles', 'by-order', urgent)) ids.add(id);
  return ids;
}

/** Unprotected articles, oldest first (and older than `olderThan`, when given). */
async function* oldestUnprotected(db: IDBPDatabase<ReaderDB>, olderThan = Infinity): AsyncGenerator<StoredArticle> {
  const normal = IDBKeyRange.bound([0, -Infinity], [0, olderThan], false, true);
  const keys = await db.getAllKeysFromIndex('articles', 'by-order', normal);
  for (const id of keys) {
    const a = await db.get('articles', id);
    if (isLive(a) && !isProtected(a)) yield a;
  }
}

async function evictBytes(db: IDBPDatabase<ReaderDB>, need: number, olderThan?: number): Promise<number> {
  const keep = await protectedIds(db);
  let freed = 0;
  for await (const a of oldestUnprotected(db, olderThan)) {
    if (freed >= need) break;
    const tx = db.transaction(['assets', 'meta'], 'readwrite');
    freed += await inTx(tx, async () => {
      const assets = await tx.objectStore('assets').index('by-article').getAll(a.id);
      return deleteAssetsIn(tx, assets.filter((x) => x.articleIds.every((id) => !keep.has(id))));
    });
  }
  return freed;
}

async function evictText(db: IDBPDatabase<ReaderDB>, need: number, olderThan?: number): Promise<number> {
  let freed = 0;
  for await (const a of oldestUnprotected(db, olderThan)) {
    if (freed >= need) break;
    freed += await deleteArticle(db, a.id);
  }
  return freed;
}

/**
 * Evicts an article with the bytes no other live article uses and its pending downloads, in one
 * transaction of deletes only (so it works at the quota), then leaves a stub so the same feed
 * does not bring it back unchanged. Returns the bytes freed.
 */
export async function deleteArticle(db: IDBPDatabase<ReaderDB>, id: string): Promise<number> {
  const tx = db.transaction(['articles', 'assets', 'downloads', 'meta'], 'readwrite');
  const evicted = await inTx(tx, async () => {
    const a = await tx.objectStore('articles').get(id);
    if (!isLive(a) || isProtected(a)) return undefined;
    const assets: StoredAsset[] = await tx.objectStore('assets').index('by-article').getAll(id);
    const orphaned: StoredAsset[] = [];
    for (const x of assets) {
      let shared = false;
      for (const other of x.articleIds) if (other !== id && isLive(await tx.objectStore('articles').get(other))) shared = true;
      if (!shared) orphaned.push(x);
    }
    let freed = await deleteAssetsIn(tx, orphaned);
    for (const job of await tx.objectStore('downloads').getAll()) {
      if (job.articleIds.includes(id)) await tx.objectStore('downloads').delete(job.url);
    }
    await tx.objectStore('articles').delete(id);
    await forgetUsage(tx);
    freed += textBytesOf(a);
    return { freed, modifiedMs: a.modifiedMs ?? a.publishedMs };
  });
  if (!evicted) return 0;
  try {
    await db.put('articles', { id, evictedAt: Date.now(), modifiedMs: evicted.modifiedMs });
  } catch {
    // No room even for the stub: the article may come back with a later sync, which is harmless.
  }
  return evicted.freed;
}

/** The reader's "free space" button: bytes of articles that are neither saved nor urgent. */
export async function deleteUnprotectedBytes(db: IDBPDatabase<ReaderDB>): Promise<number> {
  return evictBytes(db, Infinity);
}
