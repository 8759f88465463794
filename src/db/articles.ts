/** Reading article lists (the first screen needs only this). */
import type { IDBPDatabase } from 'idb';
import { isLive, type ReaderDB, type StoredArticle } from './schema';

export interface ListQuery {
  /** A category id; all articles when undefined. */
  category?: string;
  offset: number;
  limit: number;
}

/** Articles newest first (urgent ones ahead), one page at a time. */
export async function listArticles(db: IDBPDatabase<ReaderDB>, q: ListQuery): Promise<StoredArticle[]> {
  const index = db.transaction('articles').store.index(q.category === undefined ? 'by-order' : 'by-category');
  const range =
    q.category === undefined
      ? null
      : IDBKeyRange.bound([q.category, -Infinity, -Infinity], [q.category, Infinity, Infinity]);
  let cursor = await index.openCursor(range, 'prev');
  if (cursor && q.offset > 0) cursor = await cursor.advance(q.offset);
  const out: StoredArticle[] = [];
  while (cursor && out.length < q.limit) {
    if (isLive(cursor.value)) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** How many articles a list holds. */
export async function countArticles(db: IDBPDatabase<ReaderDB>, category?: string): Promise<number> {
  if (category === undefined) return countLive(db);
  return db.countFromIndex(
    'articles',
    'by-category',
    IDBKeyRange.bound([category, -Infinity, -Infinity], [category, Infinity, Infinity]),
  );
}

/** Live articles only: evicted stubs have no index keys, so count through an index. */
export async function countLive(db: IDBPDatabase<ReaderDB>): Promise<number> {
  return db.countFromIndex('articles', 'by-order');
}
