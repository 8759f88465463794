import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ReaderStore } from '../../src/db';
import { parseFeed } from '../../src/feed/parse';
import { liveIndex } from '../../src/search/live-index';
import { fold } from '../../src/search/fold';
import { highlight } from '../../src/search/highlight';
import { SearchIndex, type SearchDoc } from '../../src/search/search-index';
import { loadSeedFeed, makeItem } from '../fixtures/feeds';

const seed = loadSeedFeed().items[0]!;
const seedDoc: SearchDoc = {
  id: String(seed.id),
  title: String(seed.title),
  summary: String(seed.summary),
  body: String(seed.content_html).replace(/<[^>]+>/g, ' '),
  authors: ['Ban Biên tập'],
  publishedMs: Date.parse(String(seed.date_published)),
};

function indexOf(docs: SearchDoc[]): SearchIndex {
  const idx = new SearchIndex();
  for (const d of docs) idx.add(d);
  return idx;
}

describe('Vietnamese folding', () => {
  it('drops tone and vowel marks, maps đ to d, and treats NFC and NFD alike', () => {
    expect(fold('Yên Bái')).toBe('yen bai');
    expect(fold('thi đua')).toBe('thi dua');
    expect(fold('Nghị quyết')).toBe('nghi quyet');
    expect(fold('ĐẮK LẮK')).toBe('dak lak');
    expect(fold('Thủy lợi'.normalize('NFD'))).toBe(fold('Thủy lợi'.normalize('NFC')));
  });
});

describe('search ranking', () => {
  const docs: SearchDoc[] = [
    seedDoc,
    { id: 'dua-hau', title: 'Mùa dưa hấu ở Văn Chấn', summary: 'Nông dân thu hoạch dưa', publishedMs: Date.UTC(2026, 5, 1) },
    { id: 'dua-thuyen', title: 'Giải đua thuyền trên hồ Thác Bà', summary: 'Hội thi đua thuyền truyền thống', publishedMs: Date.UTC(2026, 4, 1) },
    { id: 'nq', title: 'Triển khai Nghị quyết về chuyển đổi số', tags: ['nghị quyết'], publishedMs: Date.UTC(2025, 0, 1) },
    { id: 'nq-body', title: 'Hội nghị cán bộ', body: 'Bàn về nghị quyết mới của tỉnh', publishedMs: Date.UTC(2026, 0, 1) },
    { id: 'qd', title: 'Công bố quyết định', attachments: ['Quyết định số 12/QĐ-UBND'], authors: ['Hoàng Đan'], publishedMs: Date.UTC(2024, 0, 1) },
  ];
  const idx = indexOf(docs);
  const ids = (q: string) => idx.search(q).map((h) => h.id);

  it('finds without marks: yen bai thi dua → the seed article', () => {
    expect(ids('yen bai thi dua')[0]).toBe(seedDoc.id);
    expect(ids('thi dua')).toContain(seedDoc.id);
    // Title and tags outrank the summary (the seed's), which outranks the body.
    expect(ids('nghi quyet')).toEqual(['nq', seedDoc.id, 'nq-body']);
  });

  it('ranks exact marks first when the query has them', () => {
    // "đua" (race) and "dưa" (melon) fold the same; typed with marks, the exact one comes first.
    expect(ids('đua')[0]).toBe('dua-thuyen');
    expect(ids('dưa')[0]).toBe('dua-hau');
    expect(ids('dua').sort()).toEqual(['dua-hau', 'dua-thuyen', seedDoc.id].sort());
  });

  it('gives NFC and NFD queries the same results', () => {
    for (const q of ['Yên Bái thi đua', 'Nghị quyết', 'đua thuyền']) {
      expect(idx.search(q.normalize('NFD'))).toEqual(idx.search(q.normalize('NFC')));
    }
  });

  it('matches the word being typed as a prefix, and searches tags, authors and attachment titles', () => {
    expect(ids('chuyen do')).toEqual(['nq', seedDoc.id]);
    expect(ids('hoang dan')).toEqual(['qd']);
    expect(ids('QĐ-UBND')).toEqual(['qd']);
    expect(ids('xyz')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('breaks ties by recency', () => {
    const same = indexOf([
      { id: 'old', title: 'Phòng chống lũ', publishedMs: 1 },
      { id: 'new', title: 'Phòng chống lũ', publishedMs: 2 },
    ]);
    expect(same.search('phong chong lu').map((h) => h.id)).toEqual(['new', 'old']);
  });
});

describe('index maintenance', () => {
  it('follows adds, updates and evictions', () => {
    const idx = indexOf([seedDoc]);
    expect(idx.search('thi dua').map((h) => h.id)).toEqual([seedDoc.id]);
    idx.add({ id: 'new', title: 'Hội thi ẩm thực Khơ Mú' });
    expect(idx.search('kho mu').map((h) => h.id)).toEqual(['new']);
    idx.add({ id: 'new', title: 'Lễ hội Khèn Mông' }); // updated: the old words go
    expect(idx.search('kho mu')).toEqual([]);
    expect(idx.search('khen mong').map((h) => h.id)).toEqual(['new']);
    idx.remove(seedDoc.id);
    expect(idx.search('thi dua')).toEqual([]);
    expect(idx.size).toBe(1);
    expect(idx.has(seedDoc.id)).toBe(false);
  });
});

describe('highlighting', () => {
  it('marks folded matches in the original text', () => {
    expect(highlight('Yên Bái phát động thi đua', 'yen bai thi du')).toEqual([
      { text: 'Yên', match: true },
      { text: ' ', match: false },
      { text: 'Bái', match: true },
      { text: ' phát động ', match: false },
      { text: 'thi', match: true },
      { text: ' ', match: false },
      { text: 'đu', match: true },
      { text: 'a', match: false },
    ]);
    // Whole words only, except the one being typed.
    expect(highlight('Bài thi', 'bai').filter((x) => x.match).map((x) => x.text)).toEqual(['Bài']);
    expect(highlight('thiên tai', 'thi tai').filter((x) => x.match).map((x) => x.text)).toEqual(['tai']);
    const nfd = highlight('Nghị quyết'.normalize('NFD'), 'nghi');
    expect(nfd[0]).toEqual({ text: 'Nghị', match: true });
    expect(highlight('abc', '')).toEqual([{ text: 'abc', match: false }]);
  });
});

describe('search index, many documents', () => {
  const VOCAB = ['thi', 'đua', 'dưa', 'yên', 'bái', 'lũ', 'quét', 'nông', 'thôn', 'mới', 'trồng', 'trọt', 'học', 'sinh', 'cầu', 'treo'];
  /** Documents from a small vocabulary (every word common), distinct dates so ties cannot blur the order. */
  function corpus(n: number, seed: number): SearchDoc[] {
    let s = seed;
    const pick = () => VOCAB[((s = (s * 1103515245 + 12345) % 2 ** 31) >>> 16) % VOCAB.length]!;
    const text = (k: number) => Array.from({ length: k }, pick).join(' ');
    return Array.from({ length: n }, (_, i) => ({ id: `d${i}`, title: text(4), summary: text(8), body: text(40), tags: [pick()], publishedMs: i * 1000 + (s % 997) }));
  }
  const QUERIES = ['thi đua', 'thi dua', 'yen b', 'lũ quét', 'nong thon moi', 'cầu', 'dưa', 'trong'];

  it('the best k are the first k of the whole ranking (scoring stops early only when nothing else can get in)', () => {
    const idx = indexOf(corpus(600, 7));
    for (const q of QUERIES) {
      const all = idx.search(q, 100_000);
      expect(all.length).toBeGreaterThan(10);
      for (const k of [1, 5, 20]) expect(idx.search(q, k)).toEqual(all.slice(0, k));
    }
  });

  it('after removals (and the compaction they bring), it answers as an index of what is left', () => {
    const docs = corpus(300, 11);
    const idx = indexOf(docs);
    const left = docs.filter((_, i) => i % 3 === 0);
    for (const d of docs) if (!left.includes(d)) idx.remove(d.id);
    expect(idx.size).toBe(left.length);
    const fresh = indexOf(left);
    for (const q of QUERIES) expect(idx.search(q, 30)).toEqual(fresh.search(q, 30));
    // Replacing a document keeps one copy of it.
    idx.add({ ...left[0]!, title: 'cầu treo mới' });
    expect(idx.size).toBe(left.length);
    expect(idx.search('cầu treo mới', 5)[0]!.id).toBe(left[0]!.id);
  });
});

describe('the live index over the stored articles', () => {
  it('builds newest first, tells the screen as it grows, and follows later writes', async () => {
    const store = new ReaderStore(`search-live-${Math.random()}`);
    // makeItem(n) is older as n grows; every one mentions "nông thôn" or another topic.
    const items = Array.from({ length: 450 }, (_, i) => makeItem(i + 1));
    await store.applyFeed(parseFeed({ version: 'https://jsonfeed.org/version/1.1', items }, 'https://yenbai.gov.vn/feed.json'), 'https://yenbai.gov.vn/feed.json', {}, Date.UTC(2026, 10, 27));
    const build = liveIndex(store);
    expect(liveIndex(store)).toBe(build);
    const seen: { done: number; ready: boolean; has1: boolean; has450: boolean }[] = [];
    build.watch(() => seen.push({ done: build.done, ready: build.ready, has1: build.index.has('test-1'), has450: build.index.has('test-450') }));
    await new Promise<void>((resolve) => build.watch(() => build.ready && resolve()));
    expect(build.total).toBe(450);
    expect(build.index.size).toBe(450);
    // Progress came in steps before the end, and the newest were searchable first.
    expect(seen[0]).toEqual({ done: 100, ready: false, has1: true, has450: false });
    expect(seen.at(-1)).toMatchObject({ done: 450, ready: true, has450: true });
    // After the build, a written article is searchable.
    await store.applyFeed(parseFeed({ version: 'https://jsonfeed.org/version/1.1', items: [makeItem(999, { id: 'moi', title: 'Cầu treo mới ở Trạm Tấu' })] }, 'https://yenbai.gov.vn/feed.json'), 'https://yenbai.gov.vn/feed.json', {}, Date.UTC(2026, 10, 27, 1));
    await expect.poll(() => build.index.search('cau treo moi').map((h) => h.id)).toContain('moi');
  });
});
