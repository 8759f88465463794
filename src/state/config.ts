/** Reads config.json beside index.html; keeps the last good copy for offline starts. */
import type { ReaderStore, StoredConfig } from '../db';
import { FeedError } from '../feed/feed-error';
import { readUrl, isObject } from '../feed/values';
import { CHECK_INTERVAL_MS, CONFIG_FETCH_TIMEOUT_MS, FEED_FETCH_TIMEOUT_MS, MIN_CHECK_INTERVAL_MS } from '../shared/constants';

/** Options config.json may set besides `feedUrl`. */
export interface ConfigOptions {
  checkIntervalMs: number;
  /** How long a feed request may take before the app gives up (config: `fetchTimeoutSeconds`, 2–120). */
  fetchTimeoutMs: number;
  push?: { endpoint: string; vapidPublicKey: string };
}

/** Reads the optional settings: `checkIntervalMinutes`, and `push: { endpoint, vapidPublicKey }`. */
export function readOptions(raw: Record<string, unknown>, base: string): ConfigOptions {
  const minutes = raw.checkIntervalMinutes;
  const checkIntervalMs =
    typeof minutes === 'number' && Number.isFinite(minutes) ? Math.max(MIN_CHECK_INTERVAL_MS, minutes * 60_000) : CHECK_INTERVAL_MS;
  const p = isObject(raw.push) ? raw.push : undefined;
  const endpoint = p ? readUrl(p.endpoint, base) : undefined;
  const key = p && typeof p.vapidPublicKey === 'string' && /^[A-Za-z0-9_-]{40,200}$/.test(p.vapidPublicKey) ? p.vapidPublicKey : undefined;
  const t = raw.fetchTimeoutSeconds;
  const fetchTimeoutMs = typeof t === 'number' && Number.isFinite(t) ? Math.min(120_000, Math.max(2_000, t * 1000)) : FEED_FETCH_TIMEOUT_MS;
  return { checkIntervalMs, fetchTimeoutMs, push: endpoint && key ? { endpoint, vapidPublicKey: key } : undefined };
}

/** The configuration file's address: beside the app's index.html, never from the page's query. */
export function configUrl(): string {
  return new URL('config.json', new URL(import.meta.env.BASE_URL, location.origin)).href;
}

/** Checks a config.json value; the feed address may be absolute or relative to the config file. */
export function readConfig(json: unknown, fromUrl: string, now: number): Omit<StoredConfig, 'key'> {
  if (!isObject(json)) throw new FeedError('config', 'not an object');
  const feedUrl = readUrl(json.feedUrl, fromUrl);
  if (!feedUrl) throw new FeedError('config', 'feedUrl missing or not http(s)');
  return { feedUrl, raw: json, savedAt: now };
}

/** The live config when the network gives it, else the stored one; FeedError('config') when neither. */
export async function loadConfig(store: ReaderStore): Promise<Omit<StoredConfig, 'key'>> {
  const url = configUrl();
  try {
    const res = await fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(CONFIG_FETCH_TIMEOUT_MS) });
    if (!res.ok) throw new FeedError('config', `HTTP ${res.status}`);
    const config = readConfig(await res.json(), res.url || url, Date.now());
    // Kept for offline starts and the worker's checks; the check itself need not wait for the write.
    void store.putConfig(config).catch((e: unknown) => console.error(e));
    return config;
  } catch (e) {
    const stored = await store.getConfig();
    if (stored) return stored;
    throw e instanceof FeedError ? e : new FeedError('config', String(e));
  }
}
