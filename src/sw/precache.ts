/**
 * The app shell, precached by revision. vite-plugin-pwa injects the build's file list
 * (`self.__WB_MANIFEST`); each version keeps its files in a cache of its own, named after the
 * list, and removes older ones when it activates. A few lines of our own instead of
 * workbox-precaching keep the worker inside its byte budget.
 */
declare const self: ServiceWorkerGlobalScope;

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

const PREFIX = 'app-shell-';

export class Precache {
  private readonly cacheName: string;
  /** absolute URL → the cache key holding it (the URL plus its revision) */
  private readonly keys = new Map<string, string>();

  constructor(entries: (PrecacheEntry | string)[]) {
    let signature = '';
    for (const e of entries) {
      const entry = typeof e === 'string' ? { url: e, revision: null } : e;
      const url = new URL(entry.url, self.registration.scope).href;
      const key = entry.revision ? `${url}${url.includes('?') ? '&' : '?'}__rev=${entry.revision}` : url;
      this.keys.set(url, key);
      signature += key;
    }
    this.cacheName = PREFIX + hash(signature);
  }

  /** install: fetch every file of this version; any failure fails the install (the old version stays). */
  async install(): Promise<void> {
    const cache = await caches.open(this.cacheName);
    await Promise.all(
      [...this.keys].map(async ([url, key]) => {
        if (await cache.match(key)) return;
        const res = await fetch(url, { cache: 'reload', credentials: 'same-origin' });
        if (!res.ok) throw new Error(`precache ${url}: ${res.status}`);
        await cache.put(key, res);
      }),
    );
  }

  /** activate: drop the shells of earlier versions. */
  async cleanup(): Promise<void> {
    for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== this.cacheName) await caches.delete(name);
  }

  /** The precached response for `url` (search ignored), if it is one of ours. */
  async match(url: string): Promise<Response | undefined> {
    const u = new URL(url);
    u.search = '';
    u.hash = '';
    const key = this.keys.get(u.href);
    if (!key) return undefined;
    return (await caches.open(this.cacheName)).match(key);
  }

  has(url: string): boolean {
    const u = new URL(url);
    u.search = '';
    return this.keys.has(u.href);
  }
}

/** A short, stable hash (FNV-1a) of the file list: the cache name changes with any revision. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
