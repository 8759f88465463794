/** Update checks that feel like push, in real Chromium: banner, periodic sync, push, app updates, cost of a check. */
import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { newPhoneContext } from '../support/browser';
import { browserSuite } from '../support/suite';
import { appHandler, TestServer, type Served } from '../support/http-server';
import { loadSeedFeed, makeItem, TEST_CATEGORIES, type JsonFeed } from '../fixtures/feeds';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = `${ROOT}dist`;
const NEXT = `${ROOT}dist-next`;

const suite = browserSuite();

interface Setup {
  feed: JsonFeed;
  feedServer: TestServer;
  appServer: TestServer;
  page: Page;
  cdp: CDPSession;
  origin: string;
}

async function setup(config: Record<string, unknown> = {}, root = DIST): Promise<Setup> {
  const feed: JsonFeed = { ...loadSeedFeed(), _portal: { categories: TEST_CATEGORIES } };
  feed.items = [...feed.items, ...Array.from({ length: 5 }, (_, i) => makeItem(i + 1))];
  const feedServer = await new TestServer(
    (req): Served | undefined => (req.url?.startsWith('/feed.json') ? { body: JSON.stringify(feed), type: 'application/feed+json' } : undefined),
    true,
  ).start();
  const appServer = await new TestServer(appHandler(root, `${feedServer.origin}/feed.json`, config)).start();
  suite.servers = [feedServer, appServer];
  suite.context = await newPhoneContext(suite.browser);
  const page = await suite.context.newPage();
  const cdp = await suite.context.newCDPSession(page);
  return { feed, feedServer, appServer, page, cdp, origin: `http://localhost:${appServer.port}` };
}

async function openAndWaitForWorker(s: Setup): Promise<void> {
  await s.page.goto(`${s.origin}/`);
  await s.page.locator('.cards > li').first().waitFor();
  await s.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The worker's registration id, as the DevTools protocol names it. */
async function registrationId(s: Setup): Promise<string> {
  const found = new Promise<string>((resolve) => {
    s.cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string }[] }) => {
      const reg = e.registrations.find((r) => r.scopeURL.startsWith(s.origin));
      if (reg) resolve(reg.registrationId);
    });
  });
  await s.cdp.send('ServiceWorker.enable');
  return found;
}

async function grant(s: Setup, permissions: string[]): Promise<void> {
  const { targetInfo } = (await s.cdp.send('Target.getTargetInfo')) as { targetInfo: { browserContextId: string } };
  await s.cdp.send('Browser.grantPermissions', { origin: s.origin, permissions: permissions as never, browserContextId: targetInfo.browserContextId });
}

const notificationTitles = (page: Page) =>
  page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title));

describe('new articles while the app is open', () => {
  it('a check on coming back online shows "Có N bài mới" and the new article, without moving the list', async () => {
    const s = await setup();
    await openAndWaitForWorker(s);
    const firstBefore = await s.page.locator('.cards > li').first().textContent();
    s.feed.items.unshift(makeItem(0, { id: 'moi-1', title: 'Khánh thành cầu treo mới ở Trạm Tấu' }));
    await s.page.waitForTimeout(5_500); // events right after a check share it
    await s.page.evaluate(() => dispatchEvent(new Event('online')));
    const banner = s.page.getByRole('button', { name: /Có 1 bài mới/ });
    await banner.waitFor({ timeout: 15_000 });
    // Behind the banner, the list has not moved.
    expect(await s.page.locator('.cards > li').first().textContent()).toBe(firstBefore);
    await banner.click();
    await expect.poll(() => s.page.locator('.cards > li').first().textContent()).toContain('Khánh thành cầu treo mới ở Trạm Tấu');
    expect(await s.page.locator('.cards > li').first().locator('.badge--unread').count()).toBe(1);
    expect(await banner.count()).toBe(0);
  });

  it('a check with nothing new costs one request, a 304 with no body, under 1 KB on the wire', async () => {
    const s = await setup();
    await openAndWaitForWorker(s);
    await s.page.waitForTimeout(5_500);
    const before = s.feedServer.log.length;
    await s.page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(() => s.feedServer.log.length).toBe(before + 1);
    await s.page.waitForTimeout(300);
    const check = s.feedServer.log.slice(before);
    expect(check.map((r) => [r.method, r.status])).toEqual([['GET', 304]]);
    const [r] = check;
    expect(r!.headers['if-none-match']).toBeTruthy();
    console.log(`unchanged check: ${r!.bytesIn} B request + ${r!.bytesOut} B response`);
    expect(r!.bytesIn + r!.bytesOut).toBeLessThan(1024);
  });
});

describe('in the background', () => {
  it('a periodic sync finds an urgent item and notifies', async () => {
    const s = await setup();
    await grant(s, ['notifications', 'periodicBackgroundSync']);
    const regId = registrationId(s);
    await openAndWaitForWorker(s);
    // The app registered its periodic check (permission was granted).
    await expect
      .poll(() => s.page.evaluate(async () => (await (await navigator.serviceWorker.ready as unknown as { periodicSync: { getTags(): Promise<string[]> } }).periodicSync.getTags())))
      .toEqual(['feed-check']);
    s.feed.items.unshift(makeItem(0, { id: 'khan-1', title: 'Lũ quét tại xã Nậm Có, sơ tán ngay', _portal: { priority: 'urgent', category: 'thong-bao' } }));
    await s.cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin: s.origin, registrationId: await regId, tag: 'feed-check' });
    await expect.poll(() => notificationTitles(s.page), { timeout: 15_000 }).toEqual(['Tin khẩn: Lũ quét tại xã Nậm Có, sơ tán ngay']);
    const data = await s.page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications())[0]!.data);
    expect(data).toEqual({ url: '/article/khan-1' });
  });

  it('a push shows its notification even when the feed cannot be fetched', async () => {
    const s = await setup();
    await grant(s, ['notifications']);
    const regId = registrationId(s);
    await openAndWaitForWorker(s);
    await s.feedServer.stop();
    const data = JSON.stringify({ id: 'khan-2', title: 'Bão số 3 đổ bộ', summary: 'Người dân không ra khỏi nhà từ 18 giờ.' });
    await s.cdp.send('ServiceWorker.deliverPushMessage', { origin: s.origin, registrationId: await regId, data });
    await expect.poll(() => notificationTitles(s.page), { timeout: 15_000 }).toEqual(['Tin khẩn: Bão số 3 đổ bộ']);
  });
});

describe('app updates', () => {
  beforeAll(() => {
    // The same app, rebuilt with another version tag: a real new worker and precache.
    execFileSync('npx', ['vite', 'build', '--outDir', 'dist-next', '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      env: { ...process.env, APP_BUILD_ID: 'next' },
      stdio: 'inherit',
    });
  }, 120_000);

  it('asks "Có phiên bản mới", and after yes runs the new version after exactly one reload', async () => {
    const s = await setup();
    await openAndWaitForWorker(s);
    const version = await s.page.locator('.app-version').textContent();
    expect(version).toMatch(/^Phiên bản \d+\.\d+\.\d+$/);

    s.appServer.setHandler(
      appHandler(NEXT, `${s.feedServer.origin}/feed.json`),
    );
    let loads = 0;
    s.page.on('load', () => loads++);
    await s.page.reload(); // a navigation makes the browser look for a new worker
    const prompt = s.page.getByRole('alert').filter({ hasText: 'Có phiên bản mới' });
    await prompt.waitFor({ timeout: 30_000 });
    // Nothing reloads by itself while the reader has not answered.
    await s.page.waitForTimeout(1_000);
    expect(loads).toBe(1);
    expect(await s.page.locator('.app-version').textContent()).toBe(version);

    await prompt.getByRole('button', { name: 'Cập nhật' }).click();
    await expect.poll(() => s.page.locator('.app-version').textContent(), { timeout: 15_000 }).toBe(`${version}+next`);
    await s.page.waitForTimeout(2_000);
    expect(loads).toBe(2);
    expect(await prompt.count()).toBe(0);
  });
});
