/** Article records: turning parsed articles into stored ones, and reading lists. */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Article } from '../feed/types';
import { isLive, type ArticleRecord, type ReaderDB, type StoredArticle } from './schema';
import { addUsage, measureArticle } from './usage';

/** Publication dates further ahead than this are not trusted for ordering. */
const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;

export type ArticleWrite = 'added' | 'updated' | 'unchanged';

/** Builds the stored record for `article`, keeping what the app learned about an older copy. */
export function toStored(article: Article, now: number, old?: StoredArticle, news = false): StoredArticle {
  const published = article.publishedMs ?? old?.fetchedAt ?? now;
  const rec: StoredArticle = {
    ...article,
    categoryKey: article.category ?? '',
    pin: article.priority === 'urgent' ? 1 : 0,
    sortKey: Math.min(published, (old?.fetchedAt ?? now) + MAX_FUTURE_SKEW_MS),
    fetchedAt: old?.fetchedAt ?? now,
    updatedAt: now,
    readAt: old?.readAt,
    savedAt: old?.savedAt,
  };
  if (old ? old.unreadNews : news) rec.unreadNews = 1;
  rec.textBytes = measureArticle(rec);
  return rec;
}

/**
 * True when `incoming` should replace `stored`: its date_modified is later than the stored
 * version's (its date_modified, or else its publication date). No date_modified: no change.
 */
export function isNewer(incoming: Article, stored: ArticleRecord): boolean {
  if (incoming.modifiedMs === undefined) return false;
  const storedVersion = stored.modifiedMs ?? ('publishedMs' in stored ? stored.publishedMs : undefined);
  return storedVersion === undefined || incoming.modifiedMs > storedVersion;
}

type WriteTx = IDBPTransaction<ReaderDB, ('articles' | 'meta')[], 'readwrite'>;

/** Writes one article inside `tx`; says whether it was new, replaced or left alone. */
export async function writeArticle(tx: WriteTx, article: Article, now: number, news: boolean): Promise<ArticleWrite> {
  const store = tx.objectStore('articles');
  const found = await store.get(article.id);
  // An evicted article comes back only when the feed says it changed.
  if (found && !isNewer(article, found)) return 'unchanged';
  const old = isLive(found) ? found : undefined;
  const rec = toStored(article, now, old, news);
  await store.put(rec);
  await addUsage(tx, { articles: (rec.textBytes ?? 0) - (old ? textBytesOf(old) : 0) });
  return old ? 'updated' : 'added';
}

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

export function textBytesOf(a: StoredArticle): number {
  return a.textBytes ?? measureArticle(a);
}

/** Live articles only: evicted stubs have no index keys, so count through an index. */
export async function countLive(db: IDBPDatabase<ReaderDB>): Promise<number> {
  return db.countFromIndex('articles', 'by-order');
}
