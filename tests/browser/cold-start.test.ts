/**
 * Cold start from the worker: the home screen as last painted comes inside index.html, so the
 * headlines show before any script runs (offline, servers gone); the live app then takes over.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { newPhoneContext } from '../support/browser';
import { appHandler, TestServer } from '../support/http-server';
import { browserSuite } from '../support/suite';
import { makeItem, seedPlusItems, type JsonFeed } from '../fixtures/feeds';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const suite = browserSuite();

async function serve(feed: JsonFeed): Promise<{ app: TestServer; feedServer: TestServer }> {
  const feedServer = await new TestServer(
    (req) => (req.url?.startsWith('/feed.json') ? { body: JSON.stringify(feed), type: 'application/feed+json' } : undefined),
    true,
  ).start();
  const app = await new TestServer(appHandler(DIST, `${feedServer.origin}/feed.json`)).start();
  suite.servers.push(feedServer, app);
  return { app, feedServer };
}

/** The snapshot the worker keeps, once the page has saved one (holding `including`, when given). */
async function savedSnapshot(page: Page, including = ''): Promise<string> {
  for (let i = 0; i < 75; i++) {
    const html = await page.evaluate(async () => (await (await caches.open('home-snapshot')).match('/__home-snapshot'))?.text());
    if (html?.includes(including)) return html;
    await page.waitForTimeout(200);
  }
  throw new Error(`no snapshot${including ? ` holding "${including}"` : ''} within 15 s`);
}

/** Opens `url` with JavaScript switched off: what the reader sees before any script runs. */
async function openWithoutScript(page: Page, url: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await page.goto(url);
}

describe('cold start with the last home screen', () => {
  it('offline, the headlines are in the HTML before any script runs; then the live app replaces them and works', async () => {
    const feed = seedPlusItems(30);
    // Text that a string replacement would expand ($& is the match, $' what follows it).
    feed.items.unshift(makeItem(77, { id: 'ky-tu-dac-biet', title: "Giá cước $& và $' giữ nguyên <b>", date_published: '2026-11-26T08:00:00+07:00' }));
    const { app } = await serve(feed);
    suite.context = await newPhoneContext(suite.browser);
    const page = await suite.context.newPage();
    await page.goto(`http://localhost:${app.port}/`);
    await page.locator('.cards > li').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const live = await page.locator('.cards .card__title').allTextContents();
    // A first visit fetches config.json and the check code with the first screen's code (hints in
    // index.html), and config.json only once: the app's own request takes the preloaded answer.
    expect(await page.locator('link[data-first-visit][rel=modulepreload]').count()).toBeGreaterThan(2);
    expect(app.log.filter((r) => r.path === '/config.json').length).toBe(1);
    const saved = await savedSnapshot(page);
    expect(saved.match(/class="card__title"/g)?.length).toBe(10);
    for (const s of suite.servers) await s.stop();

    const bare = await suite.context.newPage();
    await openWithoutScript(bare, `http://localhost:${app.port}/`);
    const shown = await bare.locator('#snapshot .cards .card__title').allTextContents();
    expect(shown.length).toBe(10);
    expect(shown).toEqual(live.slice(0, 10));
    expect(shown).toContain("Giá cước $& và $' giữ nguyên <b>");
    expect(await bare.locator('#app').innerHTML()).toBe('');
    // One heading shows, and it is no h1: the page's one h1 is the live app's (none here, with no script).
    expect(await bare.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await bare.locator('h1').count()).toBe(0);
    expect(await bare.locator('[id]').evaluateAll((els) => els.map((e) => e.id))).toEqual(['snapshot', 'app']);
    // The worker serves no first-visit hints: this reader has been here before.
    expect(await bare.locator('link[data-first-visit]').count()).toBe(0);
    await bare.close();

    const violations: string[] = [];
    const again = await suite.context.newPage();
    // However the snapshot and the live app overlap, the page never holds more than one h1.
    await again.addInitScript(() => {
      const w = window as unknown as { __mostH1: number };
      w.__mostH1 = 0;
      new MutationObserver(() => (w.__mostH1 = Math.max(w.__mostH1, document.querySelectorAll('h1').length))).observe(document, { childList: true, subtree: true });
    });
    again.on('console', (m) => {
      if (/Content Security Policy|Trusted Type/i.test(m.text())) violations.push(m.text());
    });
    await again.goto(`http://localhost:${app.port}/`);
    await again.waitForFunction(() => !document.getElementById('snapshot') && document.querySelectorAll('#app .cards > li').length > 0);
    expect(await again.locator('h1').count()).toBe(1);
    expect(await again.evaluate(() => (window as unknown as { __mostH1: number }).__mostH1)).toBe(1);
    // The live list works: a tap opens the article, offline.
    const title = (await again.locator('#app .cards .card__title').nth(2).textContent())!.replace(/^Khẩn/, '').trim();
    await again.locator('#app .cards > li a').nth(2).click();
    await again.locator('h1', { hasText: title.slice(0, 25) }).waitFor();
    expect(violations).toEqual([]);
  });

  it('the snapshot follows the list (news shown) and carries the text size, theme and language', async () => {
    const feed = seedPlusItems(5);
    const { app } = await serve(feed);
    suite.context = await newPhoneContext(suite.browser);
    await suite.context.addInitScript(() => localStorage.setItem('display', JSON.stringify({ textSize: 3, theme: 'dark', lang: 'en' })));
    const page = await suite.context.newPage();
    await page.goto(`http://localhost:${app.port}/`);
    await page.locator('.cards > li').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    expect(await savedSnapshot(page)).not.toContain('Tin mới về lũ trên sông Chảy');

    feed.items.unshift(makeItem(99, { id: 'tin-moi', title: 'Tin mới về lũ trên sông Chảy', date_published: '2026-11-27T08:00:00+07:00' }));
    await page.locator('.status__refresh').click();
    await page.locator('.cards .card__title', { hasText: 'Tin mới về lũ' }).waitFor();
    await savedSnapshot(page, 'Tin mới về lũ trên sông Chảy');

    for (const s of suite.servers) await s.stop();
    const bare = await suite.context.newPage();
    await openWithoutScript(bare, `http://localhost:${app.port}/`);
    expect(await bare.locator('#snapshot .card__title').first().textContent()).toContain('Tin mới về lũ trên sông Chảy');
    const html = bare.locator('html');
    expect(await html.getAttribute('data-text-size')).toBe('3');
    expect(await html.getAttribute('data-theme')).toBe('dark');
    expect(await html.getAttribute('lang')).toBe('en');
  });
});
