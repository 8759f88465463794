/** The benchmark's feed host: the feed, and the sample's images by name (as a portal serves both). */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestServer } from '../support/http-server';
import type { JsonFeed } from '../fixtures/feeds';

const IMAGES = fileURLToPath(new URL('../../public/sample/images/', import.meta.url));
/** The sample's JPEG names, which the feed host serves under /images/ (any query string). */
export const SAMPLE_IMAGES = readdirSync(IMAGES).filter((f) => f.endsWith('.jpg'));

/** CORS on, text gzipped: a production-like portal. */
export function benchFeedServer(feed: () => JsonFeed): Promise<TestServer> {
  return new TestServer(
    async (req) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/feed.json') return { body: JSON.stringify(feed()), type: 'application/feed+json' };
      if (path.startsWith('/images/')) {
        const body = await readFile(IMAGES + basename(path)).catch(() => undefined);
        return body && { body, type: 'image/jpeg' };
      }
      return undefined;
    },
    true,
    true,
  ).start();
}
