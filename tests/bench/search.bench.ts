/**
 * `npm run bench` (search part): latency over 5,000 stored articles, median and p95, beside a
 * plain scan of the same folded texts. Prints figures; asserts nothing about time.
 */
import { it } from 'vitest';
import { fold, words } from '../../src/search/fold';
import { SearchIndex } from '../../src/search/search-index';
import { makeCorpus, QUERIES } from './corpus';
import { report, stats } from './report';

it('search over 5,000 articles', () => {
  const docs = makeCorpus(5_000);
  const t0 = performance.now();
  const index = new SearchIndex();
  for (const d of docs) index.add(d);
  const buildMs = performance.now() - t0;

  // The plain scan: every document's folded text, every query word looked for in it.
  const folded = docs.map((d) => fold([d.title, d.summary, d.body, ...(d.tags ?? []), ...(d.authors ?? []), ...(d.attachments ?? [])].join(' ')));
  const scan = (q: string) => {
    const qs = words(q).map(fold);
    return folded.filter((t) => qs.every((w) => t.includes(w))).length;
  };

  const indexed: number[] = [];
  const scanned: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      // Interleaved A/B: the index, then the scan, for the same query.
      const a = performance.now();
      index.search(q, 50);
      const b = performance.now();
      scan(q);
      const c = performance.now();
      indexed.push(b - a);
      scanned.push(c - b);
      ratios.push((b - a) / (c - b));
    }
  }
  const idx = stats(indexed);
  const sc = stats(scanned);
  report('search (Node, no CPU throttling)', [
    ['index build, 5,000 articles', `${buildMs.toFixed(0)} ms`, '', ''],
    ['search median', `${idx.median.toFixed(2)} ms`, '', ''],
    ['search p95', `${idx.p95.toFixed(2)} ms`, '≤ 16 ms', idx.p95 <= 16 ? 'pass' : 'miss'],
    ['plain scan median', `${sc.median.toFixed(2)} ms`, '', ''],
    ['index / scan (median of pair ratios)', stats(ratios).median.toFixed(3), '≤ 0.25', stats(ratios).median <= 0.25 ? 'pass' : 'miss'],
    ['hits for "yen bai thi dua"', String(index.search('yen bai thi dua').length), '', ''],
  ]);
});
