/**
 * Eviction: when the budget is reached or the browser refuses a write, the oldest bytes of
 * unsaved, non-urgent articles go first, then their text. Saved and urgent articles stay.
 */
import type { IDBPDatabase } from 'idb';
import { isProtected } from '../assets/plan';
import { deleteAssetsIn } from './assets';
import { textBytesOf } from './articles';
import { isLive, type ReaderDB, type StoredArticle, type StoredAsset } from './schema';
import { inTx } from './tx';
import { addUsage } from './usage';

export type EvictionStage = 'bytes' | 'text';

/** Frees at least `need` bytes if it can; returns how many were freed. */
export async function evict(db: IDBPDatabase<ReaderDB>, need: number, stages: EvictionStage[] = ['bytes', 'text']): Promise<number> {
  let freed = 0;
  for (const stage of stages) {
    if (freed >= need) break;
    freed += stage === 'bytes' ? await evictBytes(db, need - freed) : await evictText(db, need - freed);
  }
  return freed;
}

/** Ids of articles the app must never evict. */
async function protectedIds(db: IDBPDatabase<ReaderDB>): Promise<Set<string>> {
  const ids = new Set<string>(await db.getAllKeysFromIndex('articles', 'by-saved'));
  const urgent = IDBKeyRange.bound([1, -Infinity], [1, Infinity]);
  for (const id of await db.getAllKeysFromIndex('articles', 'by-order', urgent)) ids.add(id);
  return ids;
}

/** Unprotected articles, oldest first. */
async function* oldestUnprotected(db: IDBPDatabase<ReaderDB>): AsyncGenerator<StoredArticle> {
  const normal = IDBKeyRange.bound([0, -Infinity], [0, Infinity]);
  const keys = await db.getAllKeysFromIndex('articles', 'by-order', normal);
  for (const id of keys) {
    const a = await db.get('articles', id);
    if (isLive(a) && !isProtected(a)) yield a;
  }
}

async function evictBytes(db: IDBPDatabase<ReaderDB>, need: number): Promise<number> {
  const keep = await protectedIds(db);
  let freed = 0;
  for await (const a of oldestUnprotected(db)) {
    if (freed >= need) break;
    const tx = db.transaction(['assets', 'meta'], 'readwrite');
    freed += await inTx(tx, async () => {
      const assets = await tx.objectStore('assets').index('by-article').getAll(a.id);
      return deleteAssetsIn(tx, assets.filter((x) => x.articleIds.every((id) => !keep.has(id))));
    });
  }
  return freed;
}

async function evictText(db: IDBPDatabase<ReaderDB>, need: number): Promise<number> {
  let freed = 0;
  for await (const a of oldestUnprotected(db)) {
    if (freed >= need) break;
    freed += await deleteArticle(db, a.id);
  }
  return freed;
}

/**
 * Evicts an article (leaving a stub, so the same feed does not bring it back unchanged) with the bytes only it uses and its pending downloads, in one transaction.
 * Bytes shared with another article stay, with this article's id removed from them.
 */
export async function deleteArticle(db: IDBPDatabase<ReaderDB>, id: string): Promise<number> {
  const tx = db.transaction(['articles', 'assets', 'downloads', 'meta'], 'readwrite');
  return inTx(tx, async () => {
  const a = await tx.objectStore('articles').get(id);
  if (!isLive(a) || isProtected(a)) return 0;
  const assets: StoredAsset[] = await tx.objectStore('assets').index('by-article').getAll(id);
  const orphaned = assets.filter((x) => x.articleIds.length === 1);
  for (const x of assets) {
    if (x.articleIds.length > 1) await tx.objectStore('assets').put({ ...x, articleIds: x.articleIds.filter((i) => i !== id) });
  }
  let freed = await deleteAssetsIn(tx, orphaned);
  for (const job of await tx.objectStore('downloads').getAll()) {
    if (!job.articleIds.includes(id)) continue;
    const rest = job.articleIds.filter((i) => i !== id);
    if (rest.length) await tx.objectStore('downloads').put({ ...job, articleIds: rest });
    else await tx.objectStore('downloads').delete(job.url);
  }
  const textBytes = textBytesOf(a);
  await tx.objectStore('articles').put({ id, evictedAt: Date.now(), modifiedMs: a.modifiedMs });
  await addUsage(tx, { articles: -textBytes });
  return freed + textBytes;
  });
}

/** The reader's "free space" button: bytes of articles that are neither saved nor urgent. */
export async function deleteUnprotectedBytes(db: IDBPDatabase<ReaderDB>): Promise<number> {
  return evictBytes(db, Infinity);
}
