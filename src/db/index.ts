/** The one facade over IndexedDB: domain verbs for the page, the worker and sync. */
import type { IDBPDatabase } from 'idb';
import type { ParsedFeed } from '../feed/types';
import { DEFAULT_BUDGET_BYTES, SNAPSHOT_CACHE } from '../shared/constants';
import { countArticles, listArticles, type ListQuery } from './articles';
import type { EvictionLimits } from './cleanup';
import type { NewJob } from './downloads';
import { openReaderDB } from './open';
import { inTx } from './tx';
import {
  isLive,
  type DownloadJob,
  type FeedState,
  type ReaderDB,
  type Settings,
  type StoredArticle,
  type StoredAsset,
  type StoredConfig,
  type Usage,
} from './schema';

// Writing, downloads and eviction load when first needed: the first screen only reads.
const write = () => import('./write');
const assets = () => import('./assets');
const cleanup = () => import('./cleanup');
const downloads = () => import('./downloads');
const usage = () => import('./usage');

export type {
  AssetKind,
  DataMode,
  DownloadFailure,
  DownloadJob,
  FeedState,
  Settings,
  StoredArticle,
  StoredAsset,
  StoredConfig,
  Usage,
} from './schema';
export type { ListQuery } from './articles';
export type { NewJob } from './downloads';
/** All bytes counted. */
export function totalBytes(u: Omit<Usage, 'key'>): number {
  return u.articles + u.images + u.files;
}

export interface ApplyResult {
  added: string[];
  updated: string[];
  unchanged: number;
}

export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export type StoreOutcome = 'stored' | 'orphan' | 'no-room';

/** What changed among stored articles: written ids, or "some were removed" (eviction). */
export type StoreChange =
  | { type: 'written'; ids: string[] }
  | { type: 'removed' }
  /** A newer version of the app upgraded the database in another tab: this one must reload. */
  | { type: 'superseded' };

export const DEFAULT_SETTINGS: Settings = {
  key: 'settings',
  dataMode: 'always',
  budgetBytes: DEFAULT_BUDGET_BYTES,
  notifyAll: false,
};

/** True for the browser's "storage is full" refusals. */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || (name === 'UnknownError' && /quota|space/i.test(String((e as Error).message)));
}

/** Domain verbs over one database connection (reopened after another context upgrades it). */
export class ReaderStore {
  private conn: Promise<IDBPDatabase<ReaderDB>> | undefined;
  private listeners = new Set<(change: StoreChange) => void>();

  constructor(private readonly name?: string) {}

  /** Follows changes made through this store (the search index stays current with it). */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces a change; also used for changes another context (the worker) reported. */
  notify(change: StoreChange): void {
    // Removed articles must not show in the next cold start's picture of the home screen.
    if (change.type === 'removed') void globalThis.caches?.delete(SNAPSHOT_CACHE).catch(() => false);
    for (const l of this.listeners) l(change);
  }

  /** Every live article, one at a time, in list order (urgent, then newest first): for building the search index. */
  async forEachArticle(visit: (a: StoredArticle) => void): Promise<void> {
    const tx = (await this.db()).transaction('articles');
    for (let c = await tx.store.index('by-order').openCursor(null, 'prev'); c; c = await c.continue()) if (isLive(c.value)) visit(c.value);
  }

  /** Ids of all live articles. */
  async articleIds(): Promise<string[]> {
    return (await this.db()).getAllKeysFromIndex('articles', 'by-order');
  }

  private db(): Promise<IDBPDatabase<ReaderDB>> {
    this.conn ??= openReaderDB(this.name, undefined, (why) => {
      this.conn = undefined;
      if (why === 'newer-version') this.notify({ type: 'superseded' });
    }).catch((e: unknown) => {
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

  // Articles

  async listArticles(q: ListQuery): Promise<StoredArticle[]> {
    return listArticles(await this.db(), q);
  }

  async countArticles(category?: string): Promise<number> {
    return countArticles(await this.db(), category);
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const a = await (await this.db()).get('articles', id);
    return isLive(a) ? a : undefined;
  }

  /** Saved articles, newest saved first. */
  async listSaved(): Promise<StoredArticle[]> {
    const all = await (await this.db()).getAllFromIndex('articles', 'by-saved');
    return all.filter(isLive).reverse();
  }

  /** Urgent articles (never evicted). */
  async listUrgent(): Promise<StoredArticle[]> {
    const all = await (await this.db()).getAllFromIndex('articles', 'by-order', IDBKeyRange.bound([1, -Infinity], [1, Infinity]));
    return all.filter(isLive);
  }

  /** Records that the reader opened an article (first time only). */
  async markRead(id: string, now = Date.now()): Promise<void> {
    await this.updateArticle(id, (a) => {
      if (a.readAt !== undefined) return undefined;
      const { unreadNews: _, ...rest } = a;
      return { ...rest, readAt: now };
    });
  }

  /** Articles that arrived as news and are still unread (the app badge). */
  async countUnreadNews(): Promise<number> {
    return (await this.db()).countFromIndex('articles', 'by-unread-news');
  }

  /** Several articles by id (missing ones left out). */
  async getArticles(ids: string[]): Promise<StoredArticle[]> {
    const found = await Promise.all(ids.map((id) => this.getArticle(id)));
    return found.filter((a): a is StoredArticle => a !== undefined);
  }

  /** "Lưu để đọc offline": a saved article is never evicted by the app. */
  async setSaved(id: string, saved: boolean, now = Date.now()): Promise<void> {
    await this.updateArticle(id, (a) => ({ ...a, savedAt: saved ? (a.savedAt ?? now) : undefined }));
  }

  private async updateArticle(id: string, change: (a: StoredArticle) => StoredArticle | undefined): Promise<void> {
    await this.withRoom(4_096, async () => {
      const tx = (await this.db()).transaction('articles', 'readwrite');
      await inTx(tx, async () => {
        const a = await tx.store.get(id);
        const next = isLive(a) ? change(a) : undefined;
        if (next) await tx.store.put(next);
      });
    });
  }

  /** Evicts one article (text and the bytes only it uses), unless saved or urgent. */
  async deleteArticle(id: string): Promise<number> {
    return this.removing((await cleanup()).deleteArticle(await this.db(), id));
  }

  /** Announces that articles may have been removed once `work` freed something. */
  private async removing(work: Promise<number>): Promise<number> {
    const freed = await work;
    if (freed > 0) this.notify({ type: 'removed' });
    return freed;
  }

  // Feed state and configuration

  async getFeedState(): Promise<FeedState | undefined> {
    const rec = await (await this.db()).get('meta', 'feed-state');
    return rec?.key === 'feed-state' ? rec : undefined;
  }

  async getConfig(): Promise<StoredConfig | undefined> {
    const rec = await (await this.db()).get('meta', 'config');
    return rec?.key === 'config' ? rec : undefined;
  }

  async putConfig(config: Omit<StoredConfig, 'key'>): Promise<void> {
    await this.withRoom(4_096, async () => void (await (await this.db()).put('meta', { key: 'config', ...config })));
  }

  async getSettings(): Promise<Settings> {
    const rec = await (await this.db()).get('meta', 'settings');
    return rec?.key === 'settings' ? { ...DEFAULT_SETTINGS, ...rec } : DEFAULT_SETTINGS;
  }

  async putSettings(patch: Partial<Omit<Settings, 'key'>>): Promise<Settings> {
    const next = { ...(await this.getSettings()), ...patch };
    await this.withRoom(1_024, async () => void (await (await this.db()).put('meta', next)));
    return next;
  }

  /**
   * Writes a fetched feed in one transaction: new and newer articles, then the feed state with
   * its validators. It lands whole or not at all; when the browser refuses it for space, the
   * oldest unprotected bytes and text go and the write is tried again.
   */
  async applyFeed(feed: ParsedFeed, feedUrl: string, validators: FeedValidators, now: number): Promise<ApplyResult> {
    const result = await this.withRoom(feed.articles.length * 8_192, () => this.applyFeedOnce(feed, feedUrl, validators, now));
    if (result.added.length + result.updated.length > 0) this.notify({ type: 'written', ids: [...result.added, ...result.updated] });
    return result;
  }

  private async applyFeedOnce(feed: ParsedFeed, feedUrl: string, validators: FeedValidators, now: number): Promise<ApplyResult> {
    const { writeArticle } = await write();
    const tx = (await this.db()).transaction(['articles', 'meta'], 'readwrite');
    return inTx(tx, async () => {
      const result: ApplyResult = { added: [], updated: [], unchanged: 0 };
      // The first sync fills the phone; only what arrives after it is news.
      const news = (await tx.objectStore('meta').get('feed-state')) !== undefined;
      for (const article of feed.articles) {
        const w = await writeArticle(tx, article, now, news);
        if (w === 'unchanged') result.unchanged++;
        else result[w].push(article.id);
      }
      const state: FeedState = { key: 'feed-state', feedUrl, ...validators, checkedAt: now, info: feed.info };
      await tx.objectStore('meta').put(state);
      return result;
    });
  }

  // Bytes: images and attachments

  async getAsset(url: string): Promise<StoredAsset | undefined> {
    return (await this.db()).get('assets', url);
  }

  async storedAssetUrls(): Promise<string[]> {
    return (await assets()).storedUrls(await this.db());
  }

  /**
   * Stores downloaded bytes within the reader's budget. Bytes of an ordinary article make room
   * only by evicting bytes of older ordinary articles; bytes of a saved or urgent article may
   * also evict old text, and may pass the budget (never the browser's quota). 'no-room' when
   * nothing more can give way.
   */
  async storeAsset(asset: StoredAsset, forProtected: boolean): Promise<StoreOutcome> {
    const db = await this.db();
    const limits: EvictionLimits = forProtected ? { text: true } : { text: false, olderThan: await this.newestSortKey(asset.articleIds) };
    const { budgetBytes } = await this.getSettings();
    const over = totalBytes(await (await usage()).readUsage(db)) + asset.bytes - budgetBytes;
    if (over > 0) {
      const freed = await this.removing((await cleanup()).evict(db, over, limits));
      if (freed < over && !forProtected) return 'no-room';
    }
    try {
      const { putAsset } = await assets();
      return (await this.withRoom(asset.bytes, () => putAsset(db, asset), limits)) ? 'stored' : 'orphan';
    } catch (e) {
      if (isQuotaError(e)) return 'no-room';
      throw e;
    }
  }

  private async newestSortKey(ids: string[]): Promise<number> {
    const keys = await Promise.all(ids.map(async (id) => (await this.getArticle(id))?.sortKey ?? -Infinity));
    return Math.max(-Infinity, ...keys);
  }

  /**
   * Runs a write; on a quota error evicts at least `need` bytes (more each time) and retries.
   * Even a small bookkeeping write can be refused when the origin is at its quota.
   */
  private async withRoom<T>(need: number, write: () => Promise<T>, limits: EvictionLimits = { text: true }): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await write();
      } catch (e) {
        if (!isQuotaError(e) || attempt >= 3) throw e;
        const { evict } = await cleanup();
        const freed = await this.removing(evict(await this.db(), Math.max(need, 256 * 1024) * 2 ** attempt, limits));
        if (freed === 0) throw e;
      }
    }
  }

  async usage(): Promise<Usage> {
    return (await usage()).readUsage(await this.db());
  }

  async recountUsage(): Promise<Usage> {
    return (await usage()).recountUsage(await this.db());
  }

  /** The "free space" button: every byte of articles that are neither saved nor urgent. */
  async freeUnprotectedBytes(): Promise<number> {
    return (await cleanup()).deleteUnprotectedBytes(await this.db());
  }

  /** The "delete old articles" button: unprotected articles past the newest `keep`; returns bytes freed. */
  async deleteOlderThan(keep: number): Promise<number> {
    const db = await this.db();
    const ids = await db.getAllKeysFromIndex('articles', 'by-order', IDBKeyRange.bound([0, -Infinity], [0, Infinity]));
    let freed = 0;
    // Keys come oldest first; the newest `keep` stay.
    const { deleteArticle } = await cleanup();
    for (const id of ids.slice(0, Math.max(0, ids.length - keep))) freed += await deleteArticle(db, id);
    if (freed > 0) this.notify({ type: 'removed' });
    return freed;
  }

  /** Frees at least `bytes` (oldest unprotected bytes, then text); returns what was freed. */
  async evict(bytes: number): Promise<number> {
    return this.removing((await cleanup()).evict(await this.db(), bytes));
  }

  // The download queue

  async enqueueDownloads(jobs: NewJob[], now = Date.now()): Promise<number> {
    return jobs.length ? (await downloads()).enqueue(await this.db(), jobs, now) : 0;
  }

  async dueDownloads(now = Date.now()): Promise<DownloadJob[]> {
    return (await downloads()).dueJobs(await this.db(), now);
  }

  async listDownloads(): Promise<DownloadJob[]> {
    return (await this.db()).getAll('downloads');
  }

  async getDownload(url: string): Promise<DownloadJob | undefined> {
    return (await this.db()).get('downloads', url);
  }

  async putDownload(job: DownloadJob): Promise<void> {
    await this.withRoom(4_096, async () => void (await (await this.db()).put('downloads', job)));
  }

  async removeDownload(url: string): Promise<void> {
    await (await this.db()).delete('downloads', url);
  }

  async requeueInterruptedDownloads(now = Date.now()): Promise<number> {
    return (await downloads()).requeueInterrupted(await this.db(), now);
  }
}
