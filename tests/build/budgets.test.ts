/** Byte budgets of the build, exact (not timed): a change that bloats the first screen or the worker fails CI. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { firstScreenJs, workerBytes } from '../support/bundle-size';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** Goals of the performance issue: gzip -9 bytes. */
export const FIRST_SCREEN_JS_GZIP = 20 * 1024;
export const WORKER_GZIP = 15 * 1024;

describe('byte budgets', () => {
  it(`the JS needed to show the home list is at most ${FIRST_SCREEN_JS_GZIP} B gzipped`, () => {
    const b = firstScreenJs(DIST);
    console.log(`first screen: ${b.files.length} files, ${b.rawBytes} B raw, ${b.gzipBytes} B gzip -9`);
    expect(b.gzipBytes).toBeLessThanOrEqual(FIRST_SCREEN_JS_GZIP);
    // DOMPurify, search and settings are not among them.
    expect(b.files.join(' ')).not.toMatch(/sanitize|search|settings|storage/);
  });

  it(`the service worker is at most ${WORKER_GZIP} B gzipped`, () => {
    const w = workerBytes(DIST);
    console.log(`service worker: ${w.rawBytes} B raw, ${w.gzipBytes} B gzip -9`);
    expect(w.gzipBytes).toBeLessThanOrEqual(WORKER_GZIP);
  });
});
