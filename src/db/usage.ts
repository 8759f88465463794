/** Byte accounting: the app's own counts, kept in the same transaction as the writes they count. */
import type { IDBPDatabase, IDBPObjectStore, StoreNames } from 'idb';
import { isLive, type ReaderDB, type StoredArticle, type Usage } from './schema';
import { inTx } from './tx';

/** Any read-write transaction that includes the meta store. */
export interface MetaTx {
  objectStore(name: 'meta'): IDBPObjectStore<ReaderDB, ArrayLike<StoreNames<ReaderDB>>, 'meta', 'readwrite'>;
}

/** UTF-8 length of a string without allocating it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes an article record takes as text. */
export function measureArticle(a: Omit<StoredArticle, 'textBytes'>): number {
  return utf8Length(JSON.stringify(a));
}

export const ZERO_USAGE: Usage = { key: 'usage', articles: 0, images: 0, files: 0 };

/** Adds `delta` to the stored counts inside `tx` (which must include 'meta'). */
export async function addUsage(tx: MetaTx, delta: Partial<Omit<Usage, 'key'>>): Promise<void> {
  const meta = tx.objectStore('meta');
  const rec = await meta.get('usage');
  const u = rec?.key === 'usage' ? rec : undefined;
  if (!u) return; // not counted yet: the next readUsage() recounts everything
  await meta.put({
    key: 'usage',
    articles: Math.max(0, u.articles + (delta.articles ?? 0)),
    images: Math.max(0, u.images + (delta.images ?? 0)),
    files: Math.max(0, u.files + (delta.files ?? 0)),
  });
}

/**
 * Marks the counts stale inside an eviction's transaction. A delete needs no space, while
 * updating the counts would be a write the browser can refuse at its quota, and block the very
 * eviction that makes room. The next readUsage() recounts.
 */
export async function forgetUsage(tx: MetaTx): Promise<void> {
  await tx.objectStore('meta').delete('usage');
}

/** The counts, recounted from the records when there are none yet. */
export async function readUsage(db: IDBPDatabase<ReaderDB>): Promise<Usage> {
  const rec = await db.get('meta', 'usage');
  if (rec?.key === 'usage') return rec;
  return recountUsage(db);
}

/** Counts every record again, in one transaction, and stores the result. */
export async function recountUsage(db: IDBPDatabase<ReaderDB>): Promise<Usage> {
  const tx = db.transaction(['articles', 'assets', 'meta'], 'readwrite');
  return inTx(tx, async () => {
    const usage: Usage = { ...ZERO_USAGE };
    for (let c = await tx.objectStore('articles').openCursor(); c; c = await c.continue()) {
      if (isLive(c.value)) usage.articles += c.value.textBytes ?? measureArticle(c.value);
    }
    for (let c = await tx.objectStore('assets').openCursor(); c; c = await c.continue()) {
      usage[c.value.kind === 'image' ? 'images' : 'files'] += c.value.bytes;
    }
    await tx.objectStore('meta').put(usage);
    return usage;
  });
}

export function totalBytes(u: Omit<Usage, 'key'>): number {
  return u.articles + u.images + u.files;
}
