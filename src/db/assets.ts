/** Stored bytes (images, attachments): write, read, forget. */
import type { IDBPDatabase, IDBPObjectStore, StoreNames } from 'idb';
import { isLive, type AssetKind, type ReaderDB, type StoredAsset } from './schema';
import { inTx } from './tx';
import { addUsage, forgetUsage, type MetaTx } from './usage';

const usageKey = (kind: AssetKind) => (kind === 'image' ? 'images' : 'files');

/**
 * Stores bytes for the articles that still exist, in one transaction with the byte counts.
 * Returns false (nothing written) when none of `articleIds` is stored any more: no orphan bytes.
 */
export async function putAsset(db: IDBPDatabase<ReaderDB>, asset: StoredAsset): Promise<boolean> {
  const tx = db.transaction(['articles', 'assets', 'meta'], 'readwrite');
  return inTx(tx, async () => {
    const live: string[] = [];
    for (const id of asset.articleIds) if (isLive(await tx.objectStore('articles').get(id))) live.push(id);
    if (live.length === 0) return false;
    const old = await tx.objectStore('assets').get(asset.url);
    const articleIds = [...new Set([...(old?.articleIds ?? []), ...live])];
    await tx.objectStore('assets').put({ ...asset, articleIds });
    await addUsage(tx, { [usageKey(asset.kind)]: asset.bytes - (old ? old.bytes : 0) });
    return true;
  });
}

/** Deletes assets inside an open transaction (deletes only: it must work at the quota). */
export async function deleteAssetsIn(
  tx: MetaTx & { objectStore(name: 'assets'): IDBPObjectStore<ReaderDB, ArrayLike<StoreNames<ReaderDB>>, 'assets', 'readwrite'> },
  assets: Pick<StoredAsset, 'url' | 'kind' | 'bytes'>[],
): Promise<number> {
  let freed = 0;
  for (const a of assets) {
    await tx.objectStore('assets').delete(a.url);
    freed += a.bytes;
  }
  if (freed > 0) await forgetUsage(tx);
  return freed;
}

export async function storedUrls(db: IDBPDatabase<ReaderDB>): Promise<string[]> {
  return db.getAllKeys('assets');
}
