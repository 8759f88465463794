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
import { report, stats, type Row } from './report';
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

/** The figures of one run; only the phone's (Chromium, throttled) are judged against the goals. */
function rows(r: SearchRun, where: string, judged: boolean): Row[] {
  const idx = stats(r.indexed);
  const ratio = stats(r.ratios).median;
  const verdict = (ok: boolean) => (judged ? (ok ? 'pass' : 'miss') : '');
  return [
    [`search index build, 5,000 articles (${where})`, `${r.buildMs.toFixed(0)} ms`, '', ''],
    [`search median (${where})`, `${idx.median.toFixed(2)} ms`, '', ''],
    [`search p95, two-syllable queries (${where})`, `${idx.p95.toFixed(2)} ms`, '≤ 16 ms', verdict(idx.p95 <= 16)],
    [`plain scan median (${where})`, `${stats(r.scanned).median.toFixed(2)} ms`, '', ''],
    [`search / plain scan, median of pair ratios (${where})`, ratio.toFixed(3), '≤ 0.25', verdict(ratio <= 0.25)],
    [`hits for "yen bai thi dua" (${where})`, String(r.hits), '', ''],
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
    report(`search, ${QUERIES.length} two-syllable queries × ${ROUNDS} rounds (headless Chromium, CPU throttled ${CPU}×)`, rows(inPage, `Chromium ${CPU}×`, true));
  } finally {
    await browser.close();
  }
  report('search, the same (Node, not throttled; for reference)', rows(run(docs, QUERIES, ROUNDS), 'Node', false));
}, 300_000);
