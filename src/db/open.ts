/** Opens the database, climbing the upgrade ladder; shipped steps are never edited. */
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME } from '../shared/constants';
import type { ReaderDB } from './schema';

type UpgradeTx = IDBPTransaction<ReaderDB, StoreNames<ReaderDB>[], 'versionchange'>;
type UpgradeStep = (db: IDBPDatabase<ReaderDB>, tx: UpgradeTx) => void;

/** Step N takes a database at version N to version N + 1. Append only. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  // v1: articles newest-first (urgent pinned), and a key-value store for feed state and config.
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('by-order', ['pin', 'sortKey']);
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // v2: category lists read from an index instead of filtering every article.
  (_db, tx) => {
    tx.objectStore('articles').createIndex('by-category', ['categoryKey', 'pin', 'sortKey']);
  },
  // v3: offline images and attachments, their download queue, and saved articles.
  (db, tx) => {
    const assets = db.createObjectStore('assets', { keyPath: 'url' });
    assets.createIndex('by-article', 'articleIds', { multiEntry: true });
    const downloads = db.createObjectStore('downloads', { keyPath: 'url' });
    downloads.createIndex('by-next', 'nextAttemptAt');
    tx.objectStore('articles').createIndex('by-saved', 'savedAt');
  },
  // v4: unread news (articles that arrived after the first sync), counted for the app badge.
  (_db, tx) => {
    tx.objectStore('articles').createIndex('by-unread-news', 'unreadNews');
  },
];

export const DB_VERSION = UPGRADE_STEPS.length;

/**
 * Opens the reader database at `version` (the latest by default). A connection closes itself
 * when another tab or the worker needs a newer version, so upgrades never hang.
 */
export async function openReaderDB(
  name = DB_NAME,
  version = DB_VERSION,
  onClose?: (why: 'newer-version' | 'terminated') => void,
): Promise<IDBPDatabase<ReaderDB>> {
  const db = await openDB<ReaderDB>(name, version, {
    upgrade(database, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < version; v++) UPGRADE_STEPS[v]?.(database, tx);
    },
    blocking() {
      db.close();
      onClose?.('newer-version');
    },
    terminated() {
      onClose?.('terminated');
    },
  });
  return db;
}
