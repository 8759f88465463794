/** Named limits and timings shared by the page and the service worker. */

/** Largest feed body the app will read, in bytes (decoded). */
export const MAX_FEED_BYTES = 8 * 1024 * 1024;
/** Most items taken from one feed document; the rest are skipped and counted. */
export const MAX_FEED_ITEMS = 2000;
/** Longest article HTML (or text) kept, in UTF-16 code units. */
export const MAX_HTML_CHARS = 500_000;
/** Longest title, summary, caption or other short field kept, in characters. */
export const MAX_SHORT_TEXT_CHARS = 2_000;
/** Most tags, authors or attachments kept per item. */
export const MAX_LIST_ENTRIES = 50;
/** Longest URL kept, in characters. */
export const MAX_URL_CHARS = 2_048;
/** A feed request that has not finished by then is abandoned, in milliseconds. */
export const FEED_FETCH_TIMEOUT_MS = 20_000;
/** The config.json request gives up sooner: a stored copy is good enough. */
export const CONFIG_FETCH_TIMEOUT_MS = 8_000;
/** Articles per page in lists ("Xem thêm" loads another page). */
export const LIST_PAGE_SIZE = 20;
/** Vietnam's offset from UTC; Asia/Ho_Chi_Minh has kept it without DST since 1975. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
/** Name of the Web Lock that keeps one sync at a time across tabs and the worker. */
export const SYNC_LOCK_NAME = 'feed-sync';
/** IndexedDB database name. */
export const DB_NAME = 'tin-tinh';
