/** The IndexedDB schema as a type: every store, key, value and index. */
import type { DBSchema } from 'idb';
import type { Article, FeedInfo } from '../feed/types';

/** An article as stored: what the feed gave, plus what the app learned about it. */
export interface StoredArticle extends Article {
  /** Category id, '' when the item has none (IndexedDB keys cannot be undefined). */
  categoryKey: string;
  /** 1 for urgent items, which lists show first. */
  pin: 0 | 1;
  /** Newest first within a pin level: publication time, capped so far-future dates cannot stick on top. */
  sortKey: number;
  /** When this article was first fetched (ms). */
  fetchedAt: number;
  /** When the stored copy was last written from the feed (ms). */
  updatedAt: number;
  /** When the reader opened it (ms); undefined while unread. */
  readAt?: number;
  /** When the reader saved it for offline reading (ms); saved articles are never evicted. */
  savedAt?: number;
  /** 1 while an article that arrived as news (after the first sync) is unread: the badge counts these. */
  unreadNews?: 1;
  /** Bytes the record takes as stored text (UTF-8 of its JSON), for the storage screen and budget. */
  textBytes?: number;
}

/**
 * What is left of an article the app evicted for space: enough to not download it again from
 * the same feed. It has no index keys, so lists and counts never see it.
 */
export interface EvictedArticle {
  id: string;
  evictedAt: number;
  modifiedMs?: number;
}

export type ArticleRecord = StoredArticle | EvictedArticle;

export function isLive(a: ArticleRecord | undefined): a is StoredArticle {
  return a !== undefined && !('evictedAt' in a);
}

export type AssetKind = 'image' | 'file';

/** Downloaded bytes (a lead or inline image, an attachment), keyed by their URL. */
export interface StoredAsset {
  url: string;
  kind: AssetKind;
  blob: Blob;
  /** Content type as served (or as the feed declared it for attachments). */
  type: string;
  bytes: number;
  /** Articles that use these bytes; eviction asks all of them. */
  articleIds: string[];
  storedAt: number;
}

export type DownloadFailure = 'network' | 'timeout' | 'http' | 'truncated' | 'wrong-type' | 'too-large' | 'quota';

/** A download the app owes: queued, running, or given up after retries. */
export interface DownloadJob {
  url: string;
  kind: AssetKind;
  articleIds: string[];
  /** What the feed announced (size_in_bytes), when it did. */
  declaredBytes?: number;
  /** The feed's mime_type for attachments; images only need image/*. */
  expectedType?: string;
  /** 'reader': the reader asked (tap, save); 'auto': the app decided. */
  origin: 'reader' | 'auto';
  state: 'queued' | 'active' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError?: DownloadFailure;
  createdAt: number;
}

export type DataMode = 'always' | 'wifi' | 'never';

/** The reader's choices that the worker needs too. */
export interface Settings {
  key: 'settings';
  dataMode: DataMode;
  budgetBytes: number;
  /** Ordinary news notifies too (one grouped notification); urgent items always do. */
  notifyAll: boolean;
}

/** What the app remembers about the feed between checks. */
export interface FeedState {
  key: 'feed-state';
  /** The address these validators belong to; a new feed URL starts over. */
  feedUrl: string;
  etag?: string;
  lastModified?: string;
  /** Last time the feed answered (200 or 304), ms. */
  checkedAt: number;
  info: FeedInfo;
}

/** The runtime configuration, kept for offline starts. */
export interface StoredConfig {
  key: 'config';
  /** Absolute feed URL, resolved against config.json's address. */
  feedUrl: string;
  /** config.json as served, for options read by later features. */
  raw: Record<string, unknown>;
  savedAt: number;
}

/** Bytes stored, by kind, kept in step with every write (in the same transaction). */
export interface Usage {
  key: 'usage';
  articles: number;
  images: number;
  files: number;
}

export type MetaRecord = FeedState | StoredConfig | Settings | Usage;
export type MetaKey = MetaRecord['key'];

export interface ReaderDB extends DBSchema {
  articles: {
    key: string;
    value: ArticleRecord;
    indexes: {
      'by-order': [number, number];
      'by-category': [string, number, number];
      'by-saved': number;
      'by-unread-news': number;
    };
  };
  assets: {
    key: string;
    value: StoredAsset;
    indexes: { 'by-article': string };
  };
  downloads: {
    key: string;
    value: DownloadJob;
    indexes: { 'by-next': number };
  };
  meta: {
    key: MetaKey;
    value: MetaRecord;
  };
}
