/**
 * `npm run bench` (search part): latency over 5,000 stored articles, median and p95, beside a
 * plain scan of the same folded texts; in headless Chromium with the CPU throttled 4× (the
 * phone's figure), and in Node for reference. Prints figures; asserts nothing about time.
 */
import { it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { launchChromium } from '../support/browser';
import { makeCorpus, QUERIES } from './corpus';
import { report, stats } from './report';
import { run, type SearchRun } from './search-page';

const ROUNDS = 5;
const CPU = 4;

/** search-page.ts as one script for a blank page. */
async function pageScript(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: fileURLToPath(new URL('./search-page.ts', import.meta.url)), formats: ['iife'], name: 'searchBench' },
    },
  })) as Rolldown.RolldownOutput[];
  return out[0]!.output[0].code;
}

function rows(r: SearchRun): [string, string, string, string][] {
  const idx = stats(r.indexed);
  const ratio = stats(r.ratios).median;
  return [
    ['index build, 5,000 articles', `${r.buildMs.toFixed(0)} ms`, '', ''],
    ['search median', `${idx.median.toFixed(2)} ms`, '', ''],
    ['search p95', `${idx.p95.toFixed(2)} ms`, '≤ 16 ms', idx.p95 <= 16 ? 'pass' : 'miss'],
    ['plain scan median', `${stats(r.scanned).median.toFixed(2)} ms`, '', ''],
    ['index / scan (median of pair ratios)', ratio.toFixed(3), '≤ 0.25', ratio <= 0.25 ? 'pass' : 'miss'],
    ['hits for "yen bai thi dua"', String(r.hits), '', ''],
  ];
}

it('search over 5,000 articles, in Chromium at 4× CPU and in Node', async () => {
  const docs = makeCorpus(5_000);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await pageScript() });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    const inPage = await page.evaluate(
      ([d, q, rounds]) => (window as unknown as { searchBench: { run: typeof run } }).searchBench.run(d, q, rounds),
      [docs, QUERIES, ROUNDS] as const,
    );
    report(`search, ${QUERIES.length} two-syllable queries × ${ROUNDS} rounds (headless Chromium, CPU throttled ${CPU}×)`, rows(inPage));
  } finally {
    await browser.close();
  }
  report('search, the same (Node, not throttled; for reference)', rows(run(docs, QUERIES, ROUNDS)));
}, 300_000);
