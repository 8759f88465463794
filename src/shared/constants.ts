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

/** Lead and inline images of this many newest articles are kept offline automatically. */
export const AUTO_IMAGE_ARTICLES = 50;
/** Largest image stored, in bytes. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Largest attachment stored, in bytes. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** Files larger than this never go over mobile data without the reader's yes, in bytes. */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;
/** Default storage budget for articles, images and files, in bytes. */
export const DEFAULT_BUDGET_BYTES = 200 * 1024 * 1024;
/** A download that has not finished by then is abandoned (and retried later), in milliseconds. */
export const DOWNLOAD_TIMEOUT_MS = 120_000;
/** Attempts before a download is reported as failed. */
export const MAX_DOWNLOAD_ATTEMPTS = 5;
/** First retry delay; each further one doubles, with jitter, in milliseconds. */
export const DOWNLOAD_RETRY_BASE_MS = 30_000;
/** Longest wait between retries, in milliseconds. */
export const DOWNLOAD_RETRY_MAX_MS = 6 * 60 * 60 * 1000;
/** The path the worker answers with stored attachments: `/_files/<encodeURIComponent(url)>`. */
export const FILE_ROUTE = '/_files/';

/** How often the open app checks the feed, unless config.json says `checkIntervalMinutes`. */
export const CHECK_INTERVAL_MS = 15 * 60 * 1000;
/** Shortest interval config.json may set, so a typo cannot hammer the portal. */
export const MIN_CHECK_INTERVAL_MS = 10 * 1000;
/** Longest wait after repeated failures. */
export const MAX_CHECK_BACKOFF_MS = 2 * 60 * 60 * 1000;
/** Visibility and online events closer together than this share one check. */
export const MIN_CHECK_SPACING_MS = 5 * 1000;
/** The Periodic Background Sync tag the worker registers (documented in the README). */
export const PERIODIC_SYNC_TAG = 'feed-check';

/** Cache Storage holding the home screen as last painted, which the worker serves inside index.html on a cold start. */
export const SNAPSHOT_CACHE = 'home-snapshot';
/** The key of that snapshot in its cache (never a real address). */
export const SNAPSHOT_KEY = '/__home-snapshot';
/** The snapshot element in index.html; while it exists, the live app stays hidden behind it. */
export const SNAPSHOT_ID = 'snapshot';
