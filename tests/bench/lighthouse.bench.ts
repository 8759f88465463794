/**
 * `npm run bench` (Lighthouse part): Lighthouse 12 with its mobile defaults (simulated slow 4G,
 * 4× CPU), 5 runs against the built app in Debian's Chromium; medians printed. Asserts nothing.
 */
import { afterAll, beforeAll, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../support/browser';
import { appHandler, TestServer } from '../support/http-server';
import { seedPlusItems } from '../fixtures/feeds';
import { report, stats } from './report';
import { benchFeedServer } from './servers';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const PORT = 9333;
const RUNS = 5;

let browser: Browser;
let servers: TestServer[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, `--remote-debugging-port=${PORT}`] });
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.stop();
});

it('Lighthouse 12, mobile defaults, 5 runs', async () => {
  const feed = seedPlusItems(30);
  const feedServer = await benchFeedServer(() => feed);
  const appServer = await new TestServer(
    appHandler(DIST, `${feedServer.origin}/feed.json`),
    false,
    true,
  ).start();
  servers = [feedServer, appServer];
  const scores: Record<string, number[]> = { performance: [], accessibility: [], 'best-practices': [] };
  const failing = new Set<string>();
  const metrics: Record<string, number[]> = {
    'first-contentful-paint': [],
    'largest-contentful-paint': [],
    'total-blocking-time': [],
    'cumulative-layout-shift': [],
    'speed-index': [],
  };
  const consoleErrors = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(`http://localhost:${appServer.port}/`, {
      port: PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(scores),
    });
    const lhr = result!.lhr;
    for (const k of Object.keys(scores)) scores[k]!.push(Math.round((lhr.categories[k]?.score ?? 0) * 100));
    for (const k of Object.keys(metrics)) metrics[k]!.push(lhr.audits[k]?.numericValue ?? NaN);
    const errors = lhr.audits['errors-in-console']?.details as { items?: { description?: string }[] } | undefined;
    for (const e of errors?.items ?? []) consoleErrors.add(String(e.description).slice(0, 120));
    for (const k of ['accessibility', 'best-practices']) {
      for (const ref of lhr.categories[k]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.add(`${k}: ${ref.id}`);
      }
    }
  }
  const med = (k: string) => stats(scores[k]!).median;
  report(`Lighthouse 12.2.3 (${RUNS} runs, medians; runs: ${JSON.stringify(scores)})`, [
    ['Lighthouse performance (median of 5)', String(med('performance')), '≥ 98', med('performance') >= 98 ? 'pass' : 'miss'],
    ['Lighthouse accessibility (median of 5)', String(med('accessibility')), '100', med('accessibility') === 100 ? 'pass' : 'miss'],
    ['Lighthouse best practices (median of 5)', String(med('best-practices')), '100', med('best-practices') === 100 ? 'pass' : 'miss'],
    ['audits below full marks', [...failing].join(', ') || 'none', '', ''],
    ...Object.keys(metrics).map((k): [string, string, string, string] => [`  ${k} (median)`, stats(metrics[k]!).median.toFixed(k.startsWith('cumulative') ? 3 : 0), '', '']),
    ...[...consoleErrors].map((e): [string, string, string, string] => ['  console error', e, '', '']),
  ]);
}, 600_000);
