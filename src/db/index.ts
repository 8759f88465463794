/** The one facade over IndexedDB: domain verbs for the page, the worker and sync. */
import type { IDBPDatabase } from 'idb';
import type { ParsedFeed } from '../feed/types';
import { countArticles, listArticles, writeArticle, type ListQuery } from './articles';
import { openReaderDB } from './open';
import type { FeedState, ReaderDB, StoredArticle, StoredConfig } from './schema';

export type { FeedState, StoredArticle, StoredConfig } from './schema';
export type { ListQuery } from './articles';

export interface ApplyResult {
  added: string[];
  updated: string[];
  unchanged: number;
}

export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

/** Domain verbs over one database connection (reopened after another context upgrades it). */
export class ReaderStore {
  private conn: Promise<IDBPDatabase<ReaderDB>> | undefined;

  constructor(private readonly name?: string) {}

  private db(): Promise<IDBPDatabase<ReaderDB>> {
    this.conn ??= openReaderDB(this.name, undefined, () => (this.conn = undefined)).catch((e: unknown) => {
      this.conn = undefined;
      throw e;
    });
    return this.conn;
  }

  /** Closes the connection; the next call reopens it. */
  async close(): Promise<void> {
    const conn = this.conn;
    this.conn = undefined;
    (await conn)?.close();
  }

  async listArticles(q: ListQuery): Promise<StoredArticle[]> {
    return listArticles(await this.db(), q);
  }

  async countArticles(category?: string): Promise<number> {
    return countArticles(await this.db(), category);
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    return (await this.db()).get('articles', id);
  }

  /** Records that the reader opened an article (first time only). */
  async markRead(id: string, now = Date.now()): Promise<void> {
    const tx = (await this.db()).transaction('articles', 'readwrite');
    const a = await tx.store.get(id);
    if (a && a.readAt === undefined) await tx.store.put({ ...a, readAt: now });
    await tx.done;
  }

  async getFeedState(): Promise<FeedState | undefined> {
    const rec = await (await this.db()).get('meta', 'feed-state');
    return rec?.key === 'feed-state' ? rec : undefined;
  }

  async getConfig(): Promise<StoredConfig | undefined> {
    const rec = await (await this.db()).get('meta', 'config');
    return rec?.key === 'config' ? rec : undefined;
  }

  async putConfig(config: Omit<StoredConfig, 'key'>): Promise<void> {
    await (await this.db()).put('meta', { key: 'config', ...config });
  }

  /**
   * Writes a fetched feed in one transaction: new and newer articles, then the feed state with
   * its validators. It lands whole or not at all.
   */
  async applyFeed(feed: ParsedFeed, feedUrl: string, validators: FeedValidators, now: number): Promise<ApplyResult> {
    const tx = (await this.db()).transaction(['articles', 'meta'], 'readwrite');
    const result: ApplyResult = { added: [], updated: [], unchanged: 0 };
    try {
      for (const article of feed.articles) {
        const w = await writeArticle(tx, article, now);
        if (w === 'unchanged') result.unchanged++;
        else result[w].push(article.id);
      }
      const state: FeedState = { key: 'feed-state', feedUrl, ...validators, checkedAt: now, info: feed.info };
      await tx.objectStore('meta').put(state);
      await tx.done;
    } catch (e) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      throw e;
    }
    return result;
  }
}

/** Aborts a transaction that may already have aborted itself (quota errors do). */
function abortQuietly(tx: IDBTransaction | { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // InvalidStateError: already finished or aborted; nothing left to undo.
  }
}
