/** 5,000 realistic Vietnamese articles for benchmarks, made from the bundled sample's sentences. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SearchDoc } from '../../src/search/search-index';
import { htmlText } from '../../src/search/documents';

const SAMPLE = fileURLToPath(new URL('../../public/sample/feed.json', import.meta.url));

interface Item {
  title: string;
  summary?: string;
  content_html?: string;
  content_text?: string;
  tags?: string[];
}

const PLACES = ['Mù Cang Chải', 'Trạm Tấu', 'Văn Chấn', 'Lục Yên', 'Yên Bình', 'Văn Yên', 'Trấn Yên', 'Nghĩa Lộ', 'Yên Bái', 'Bảo Ái', 'Nậm Có', 'Púng Luông'];

/** A seeded pseudo-random generator, so every run benchmarks the same texts. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function makeCorpus(count: number): SearchDoc[] {
  const items = (JSON.parse(readFileSync(SAMPLE, 'utf8')) as { items: Item[] }).items;
  const sentences = items.flatMap((i) => (i.content_text ?? htmlText(i.content_html ?? '')).split(/(?<=[.;!?])\s+/).filter((x) => x.length > 30));
  const random = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, n) => {
    const base = pick(items);
    const place = pick(PLACES);
    const body = Array.from({ length: 8 + Math.floor(random() * 10) }, () => pick(sentences)).join(' ');
    return {
      id: `bench-${n}`,
      title: `${base.title.replace(/tỉnh Yên Bái|Yên Bái/, place)} (${n})`,
      summary: `${place}: ${pick(sentences)}`,
      body,
      tags: base.tags ?? [],
      authors: [pick(['Ban Biên tập', 'Thanh Chi', 'Hoàng Đan', 'Minh Huyền'])],
      attachments: random() < 0.15 ? [`Quyết định số ${100 + n}/QĐ-UBND`] : [],
      publishedMs: Date.UTC(2020, 0, 1) + Math.floor(random() * 6 * 365 * 86_400_000),
    };
  });
}

/** Two-syllable queries a resident would type, with and without marks. */
export const QUERIES = [
  'thi đua',
  'thi dua',
  'lũ quét',
  'lu quet',
  'nông thôn',
  'nong thon',
  'chuyển đổi',
  'chuyen doi',
  'yen bai',
  'nghi quyet',
  'du lịch',
  'giao duc',
  'sat lo',
  'mù cang',
  'quyết định',
  'tiep cong',
  'cau treo',
  'phong chay',
  'ho tro',
  'san xuat',
];
