/** The build as shipped: its own config.json points at the bundled sample feed. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium, newPhoneContext } from '../support/browser';
import { staticHandler, TestServer } from '../support/http-server';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const sample = JSON.parse(readFileSync(`${DIST}/sample/feed.json`, 'utf8')) as {
  _portal: { categories: { id: string }[] };
  items: { id: string; image?: string; attachments?: { mime_type: string }[]; _portal: { priority: string; image_caption?: string } }[];
};

let browser: Browser;
let server: TestServer;
beforeAll(async () => {
  browser = await launchChromium();
  server = await new TestServer(staticHandler(DIST)).start();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the bundled sample', () => {
  it('holds the seed article and enough realistic articles', () => {
    const seed = JSON.parse(readFileSync(new URL('../../../shared/fixtures/seed-feed.json', import.meta.url), 'utf8'));
    expect(sample.items).toContainEqual(seed.items[0]);
    expect(sample.items.length).toBeGreaterThanOrEqual(26);
    expect(sample._portal.categories.length).toBeGreaterThanOrEqual(3);
    expect(sample.items.every((i) => i.image && i._portal.image_caption)).toBe(true);
    const pdfs = sample.items.flatMap((i) => i.attachments ?? []).filter((a) => a.mime_type === 'application/pdf');
    expect(pdfs.length).toBeGreaterThanOrEqual(3);
    expect(sample.items.filter((i) => i._portal.priority === 'urgent')).toHaveLength(1);
  });

  it('is what the built app shows, urgent first, every article reachable', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const cards = page.locator('.cards > li');
    await cards.first().waitFor();
    expect(await cards.first().locator('.badge--urgent').count()).toBe(1);
    const more = page.getByRole('button', { name: 'Xem thêm' });
    while (await more.count()) {
      const before = await cards.count();
      await more.click();
      await expect.poll(() => cards.count()).toBeGreaterThan(before);
    }
    await expect.poll(() => cards.count()).toBe(sample.items.length);
    const thumbs = await page.locator('.card__thumb').evaluateAll((imgs) =>
      // Thumbnails load lazily; ask for all of them now.
      Promise.all(imgs.map((img) => ((img as HTMLImageElement).loading = 'eager', (img as HTMLImageElement)).decode().then(() => (img as HTMLImageElement).naturalWidth, () => 0))),
    );
    expect(thumbs.filter((w) => w > 0).length).toBe(sample.items.length);
    await context.close();
  });
});
