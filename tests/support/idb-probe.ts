/** Reads the app's IndexedDB from inside the page, for assertions (the app's own code is not used). */
import type { Page } from 'playwright-core';

export interface StoreCounts {
  articles: number;
  assets: number;
  downloads: { url: string; state: string; lastError?: string }[];
  assetUrls: string[];
  savedIds: string[];
}

export function readStores(page: Page): Promise<StoreCounts> {
  return page.evaluate(
    () =>
      new Promise<StoreCounts>((resolve, reject) => {
        const open = indexedDB.open('tin-tinh');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['articles', 'assets', 'downloads'], 'readonly');
          const out: StoreCounts = { articles: 0, assets: 0, downloads: [], assetUrls: [], savedIds: [] };
          const arts = tx.objectStore('articles').getAll();
          arts.onsuccess = () => {
            const live = (arts.result as { id: string; evictedAt?: number; savedAt?: number }[]).filter((a) => a.evictedAt === undefined);
            out.articles = live.length;
            out.savedIds = live.filter((a) => a.savedAt !== undefined).map((a) => a.id);
          };
          const keys = tx.objectStore('assets').getAllKeys();
          keys.onsuccess = () => {
            out.assetUrls = keys.result as string[];
            out.assets = keys.result.length;
          };
          const jobs = tx.objectStore('downloads').getAll();
          jobs.onsuccess = () => (out.downloads = jobs.result as StoreCounts['downloads']);
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

/** Every stored article record as JSON, by id: compared before and after a hostile feed. */
export function readArticleRecords(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('tin-tinh');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('articles').objectStore('articles').getAll();
          req.onsuccess = () => {
            const out: Record<string, string> = {};
            for (const a of req.result as { id: string }[]) out[a.id] = JSON.stringify(a);
            db.close();
            resolve(out);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}
