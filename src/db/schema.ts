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

export type MetaRecord = FeedState | StoredConfig;
export type MetaKey = MetaRecord['key'];

export interface ReaderDB extends DBSchema {
  articles: {
    key: string;
    value: StoredArticle;
    indexes: {
      'by-order': [number, number];
      'by-category': [string, number, number];
    };
  };
  meta: {
    key: MetaKey;
    value: MetaRecord;
  };
}
