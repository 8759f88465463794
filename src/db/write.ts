/** Writing articles from a feed: the stored record, what counts as newer, byte counts. */
import type { IDBPTransaction } from 'idb';
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

export function textBytesOf(a: StoredArticle): number {
  return a.textBytes ?? measureArticle(a);
}

