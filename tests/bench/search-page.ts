/**
 * The search benchmark's page side: bundled by tests/bench/search.bench.ts and run in Chromium
 * with the CPU throttled, so the figures are the phone's, not Node's.
 */
import { fold, words } from '../../src/search/fold';
import { SearchIndex, type SearchDoc } from '../../src/search/search-index';

export interface SearchRun {
  buildMs: number;
  /** Per query and round, milliseconds: the index, and a plain scan of the same texts. */
  indexed: number[];
  scanned: number[];
  ratios: number[];
  hits: number;
}

/** Each timing repeats its work this often, above the browser's coarse clock. */
const REPEAT = 5;

export function run(docs: SearchDoc[], queries: string[], rounds: number): SearchRun {
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
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      // Interleaved A/B: the index, then the scan, for the same query.
      const a = performance.now();
      for (let r = 0; r < REPEAT; r++) sink += index.search(q, 50).length;
      const b = performance.now();
      for (let r = 0; r < REPEAT; r++) sink += scan(q);
      const c = performance.now();
      indexed.push((b - a) / REPEAT);
      scanned.push((c - b) / REPEAT);
      ratios.push((b - a) / (c - b));
    }
  }
  return { buildMs, indexed, scanned, ratios, hits: sink > 0 ? index.search('yen bai thi dua').length : 0 };
}
