/** Hostile feeds in real Chromium: no script runs from a feed, and broken feeds never cost stored articles. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { browserSuite } from '../support/suite';
import { appHandler, TestServer, type Served } from '../support/http-server';
import { readArticleRecords } from '../support/idb-probe';
import { brokenFeeds } from '../fixtures/broken-feeds';
import { makeItem, seedPlusItems } from '../fixtures/feeds';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));
const XSS = (JSON.parse(readFileSync(`${CORPORA}dompurify-xss.json`, 'utf8')) as { cases: { title: string; payload: string }[] }).cases;
const JSON_SUITE = `${CORPORA}jsontestsuite/test_parsing/`;

const suite = browserSuite();

/** A feed server whose answer the test changes at will, and the app beside it. */
async function serve(initial: Served) {
  let current = initial;
  const feedServer = await new TestServer((req) => (req.url?.startsWith('/feed.json') ? current : undefined), true).start();
  const appServer = await new TestServer(
    appHandler(DIST, `${feedServer.origin}/feed.json`),
  ).start();
  suite.servers = [feedServer, appServer];
  return { feedServer, set: (s: Served) => (current = s), url: (p: string) => `http://localhost:${appServer.port}${p}` };
}

/** Counts every way a payload could announce that it ran. */
const TRAP = `
  window.__xss = 0;
  const hit = () => { window.__xss++; };
  window.alert = window.confirm = window.prompt = window.print = hit;
  Object.defineProperty(window, 'xss', { set: hit, get: () => 0 });
`;

/** What must never be in an article's DOM after sanitizing. */
function domFindings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.querySelector('main')!;
    for (const el of root.querySelectorAll('script, iframe, frame, frameset, object, embed, applet, form, style, base, link, meta, portal')) {
      found.push(`<${el.localName}>`);
    }
    for (const el of root.querySelectorAll('*')) {
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.replace(/[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u205f\u3000]/g, '').toLowerCase();
        if (attr.name.startsWith('on')) found.push(`${el.localName}[${attr.name}]`);
        // A URL attribute that could run script when followed or loaded (text such as title= is inert).
        const urlAttr = /^(href|src|action|formaction|xlink:href|poster|data|background|cite|ping|srcset|lowsrc|dynsrc)$/.test(attr.name);
        if (urlAttr && (value.startsWith('javascript:') || value.startsWith('vbscript:') || value.startsWith('data:text/html'))) found.push(`${el.localName}[${attr.name}=${value.slice(0, 30)}]`);
      }
    }
    return found;
  });
}

describe('script never runs from a feed', () => {
  it('none of DOMPurify’s 141 XSS payloads runs, loads a frame or script, or leaves a handler, through the real article screen', async () => {
    const feed = seedPlusItems(0);
    feed.items = XSS.map((c, i) => makeItem(i, { id: `xss-${i}`, title: `Ca ${i}: ${c.title}`, content_html: c.payload }));
    const s = await serve({ body: JSON.stringify(feed), type: 'application/feed+json' });
    // No CSP here: the sanitizer alone must hold.
    suite.context = await suite.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    await suite.context.addInitScript(TRAP);
    const page = await suite.context.newPage();
    const loads: string[] = [];
    page.on('request', (r) => {
      if (['script', 'document', 'object', 'other'].includes(r.resourceType()) && !r.url().startsWith(s.url('/')) && !r.url().includes('/feed.json')) {
        loads.push(`${r.resourceType()} ${r.url()}`);
      }
    });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(s.url('/'));
    await page.locator('.cards > li').first().waitFor();
    const failures: string[] = [];
    for (let i = 0; i < XSS.length; i++) {
      await page.goto(s.url(`/article/xss-${i}`));
      await page.locator('h1').waitFor();
      await page.waitForFunction(() => !document.querySelector('.article__body--loading'));
      await page.waitForTimeout(30); // let load/error events of injected media fire
      const ran = await page.evaluate(() => (window as unknown as { __xss: number }).__xss);
      const dom = await domFindings(page);
      if (ran || dom.length) failures.push(`#${i} ${XSS[i]!.title}: ran=${ran} ${dom.join(', ')}`);
    }
    expect(failures).toEqual([]);
    expect(loads).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('control: the same payloads inserted unsanitized do run, so the check can fail', async () => {
    const s = await serve({ body: JSON.stringify(seedPlusItems(1)), type: 'application/feed+json' });
    suite.context = await suite.browser.newContext({ bypassCSP: true });
    await suite.context.addInitScript(TRAP);
    const page = await suite.context.newPage();
    await page.goto(s.url('/'));
    await page.locator('.cards > li').first().waitFor();
    const firing = XSS.filter((c) => /<img[^>]+onerror\s*=\s*["']?alert/i.test(c.payload) || /<svg[^>]+onload\s*=/i.test(c.payload)).slice(0, 5);
    expect(firing.length).toBeGreaterThanOrEqual(3);
    await page.evaluate((payloads) => {
      for (const p of payloads) document.body.insertAdjacentHTML('beforeend', p);
    }, firing.map((c) => c.payload));
    await expect.poll(() => page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBeGreaterThanOrEqual(2);
    expect((await domFindings(page)).length).toBe(0); // the control's nodes are outside <main>
  });

  it('hostile titles, summaries, authors, tags, attachment titles and URLs stay inert text, with the CSP on', async () => {
    const feed = seedPlusItems(0);
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    feed.items.unshift(
      makeItem(0, {
        id: 'evil',
        title: `Tiêu đề ${evil}`,
        summary: `Tóm tắt ${evil}`,
        image: 'javascript:alert(3)',
        url: 'javascript:alert(4)',
        authors: [{ name: `Tác giả ${evil}`, url: 'javascript:alert(5)' }],
        tags: [`thẻ ${evil}`],
        attachments: [
          { url: 'javascript:alert(6)', mime_type: 'application/pdf', title: 'tệp hỏng' },
          { url: 'files/a.pdf', mime_type: 'text/html', title: `Tệp ${evil}` },
        ],
        _portal: { source: `<b>CTTĐT</b>${evil}`, image_caption: evil, category: `"><script>alert(7)</script>` },
      }),
    );
    const s = await serve({ body: JSON.stringify(feed), type: 'application/feed+json' });
    suite.context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    await suite.context.addInitScript(TRAP);
    const page = await suite.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(s.url('/'));
    await page.locator('.cards > li').first().waitFor();
    expect(await page.locator('.cards > li').first().textContent()).toContain('<script>alert(2)</script>');
    await page.goto(s.url('/article/evil'));
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toBe(`Tiêu đề ${evil}`);
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
    expect(await domFindings(page)).toEqual([]);
    expect(await page.locator('.file').count()).toBe(1); // the javascript: attachment was dropped
    expect(await page.locator('a[href^="javascript"], img[src^="javascript"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the built app carries the CSP, and normal use raises no CSP or Trusted Types violation', async () => {
    const html = readFileSync(`${DIST}/index.html`, 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const d of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-src 'none'", "require-trusted-types-for 'script'"]) expect(csp).toContain(d);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const s = await serve({ body: JSON.stringify(seedPlusItems(3)), type: 'application/feed+json' });
    suite.context = await suite.browser.newContext();
    const page = await suite.context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|TrustedHTML|TrustedScriptURL|Trusted Type/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(s.url('/'));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    for (const p of ['/article/test-1', '/search?q=thi', '/settings', '/storage', '/saved']) {
      await page.goto(s.url(p));
      await page.locator('h1').first().waitFor();
    }
    await page.locator('.article__body').count();
    await page.goto(s.url('/article/test-1'));
    await page.locator('.article__body', { hasText: 'Bài số 1' }).waitFor();
    expect(violations).toEqual([]);
  });
});

describe('broken feeds never cost stored articles', () => {
  async function checkAll(cases: { name: string; served: Served; expect: 'rejected' | 'partial' | 'either' }[]) {
    const good = seedPlusItems(10);
    const s = await serve({ body: JSON.stringify(good), type: 'application/feed+json' });
    suite.context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await suite.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(s.url('/'));
    await page.locator('.cards > li').first().waitFor();
    const refresh = page.locator('.status__refresh');
    const problems: string[] = [];
    for (const c of cases) {
      const t0 = Date.now();
      const before = await readArticleRecords(page);
      s.set(c.served);
      await refresh.click();
      await page.waitForFunction(() => !(document.querySelector('.status__refresh') as HTMLButtonElement).disabled, undefined, { timeout: 30_000 });
      const after = await readArticleRecords(page);
      const message = (await page.locator('.status__error').allTextContents()).join(' ');
      const changed = Object.keys(before).filter((id) => after[id] !== before[id]);
      const added = Object.keys(after).filter((id) => !(id in before));
      if (process.env.DEBUG_CASES) console.log(c.name, Date.now() - t0, message);
      if (changed.length) problems.push(`${c.name}: stored articles changed: ${changed.slice(0, 3).join(', ')}`);
      if (c.expect === 'rejected' && (added.length || !message)) problems.push(`${c.name}: expected a refusal with a message (added ${added.length}, message "${message}")`);
      if (c.expect === 'partial' && message) problems.push(`${c.name}: expected partial use, got "${message}"`);
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }

  it('every JSONTestSuite file served as the feed after a good sync', async () => {
    const files = readdirSync(JSON_SUITE).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(318);
    await checkAll(
      files.map((f) => ({
        name: f,
        served: { body: readFileSync(`${JSON_SUITE}${f}`), type: 'application/json' },
        // None of them is a JSON Feed: valid JSON is refused as not a feed, invalid as not JSON.
        expect: 'rejected' as const,
      })),
    );
  }, 300_000);

  it(`our corpus of ${brokenFeeds().length} broken feeds`, async () => {
    const cases = brokenFeeds();
    expect(cases.length).toBeGreaterThanOrEqual(40);
    await checkAll(cases.map((c) => ({ name: c.name, served: { body: c.body, type: c.type ?? 'application/feed+json', status: c.status }, expect: c.expect })));
  }, 300_000);
});
