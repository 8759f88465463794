import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feed/feed-error';
import { parseFeed, parseFeedText, parseFeedTextInSlices } from '../../src/feed/parse';
import { MAX_FEED_ITEMS } from '../../src/shared/constants';
import { loadSeedFeed, makeItem } from '../fixtures/feeds';

const FEED_URL = 'https://yenbai.gov.vn/feeds/tin-tuc.json';

function feedWith(items: unknown[], extra: Record<string, unknown> = {}) {
  return { version: 'https://jsonfeed.org/version/1.1', title: 'Cổng thông tin', items, ...extra };
}

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FeedError) return e.reason;
    throw e;
  }
  return 'no error';
}

describe('parseFeed on the real seed article', () => {
  const parsed = parseFeed(loadSeedFeed(), FEED_URL);
  const a = parsed.articles[0]!;

  it('keeps every field the reader shows', () => {
    expect(parsed.skipped).toBe(0);
    expect(parsed.articles).toHaveLength(1);
    expect(parsed.info.title).toBe('Cổng thông tin điện tử tỉnh Yên Bái');
    expect(parsed.info.categories).toEqual([{ id: 'tin-trong-tinh', title: 'Tin trong tỉnh' }]);
    expect(a.id).toBe('yenbai-2024-01-30-phat-dong-phong-trao-thi-dua-yeu-nuoc-2024');
    expect(a.title).toBe('Yên Bái phát động phong trào thi đua yêu nước năm 2024');
    expect(a.publishedMs).toBe(Date.UTC(2024, 0, 30, 0, 23));
    expect(a.authors).toEqual([{ name: 'Ban Biên tập', url: undefined, avatar: undefined }]);
    expect(a.source).toBe('CTTĐT');
    expect(a.category).toBe('tin-trong-tinh');
    expect(a.priority).toBe('normal');
    expect(a.imageCaption).toMatch(/^Các đồng chí lãnh đạo tỉnh Yên Bái khen thưởng/);
    expect(a.url).toBeUndefined();
    expect(a.tags).toEqual([]);
    expect(a.attachments).toEqual([]);
  });

  it('resolves the relative image against the feed address and keeps the stray </p>', () => {
    expect(a.image).toBe('https://yenbai.gov.vn/feeds/images/khen-thuong-thu-ngan-sach-2023.jpg');
    expect(a.baseUrl).toBe(FEED_URL);
    expect(a.contentHtml).toContain('</p>\n                </p>');
  });

  it('keeps the raw item for fields the app does not know yet', () => {
    expect((a.raw as Record<string, unknown>)._portal).toEqual(loadSeedFeed().items[0]!._portal);
    expect((a.raw as Record<string, unknown>).content_html).toBeUndefined();
  });
});

describe('parseFeed on broken feeds', () => {
  it.each([
    ['not JSON', () => parseFeedText('<html><body>Đăng nhập</body></html>', FEED_URL), 'not-json'],
    ['empty body', () => parseFeedText('', FEED_URL), 'not-json'],
    ['an array', () => parseFeed([], FEED_URL), 'not-json-feed'],
    ['null', () => parseFeed(null, FEED_URL), 'not-json-feed'],
    ['no version', () => parseFeed({ items: [] }, FEED_URL), 'not-json-feed'],
    ['RSS-like version', () => parseFeed({ version: '2.0', items: [] }, FEED_URL), 'unsupported-version'],
    ['items missing', () => parseFeed({ version: 'https://jsonfeed.org/version/1' }, FEED_URL), 'not-json-feed'],
    ['items not an array', () => parseFeed({ version: 'https://jsonfeed.org/version/1', items: {} }, FEED_URL), 'not-json-feed'],
  ])('%s is a FeedError', (_name, fn, reason) => {
    expect(reasonOf(fn)).toBe(reason);
  });

  it('accepts JSON Feed 1.0 with its singular author', () => {
    const parsed = parseFeed(
      { version: 'https://jsonfeed.org/version/1', title: 'x', items: [{ id: 'a', content_text: 'x', author: { name: 'Tòa soạn' } }] },
      FEED_URL,
    );
    expect(parsed.articles[0]!.authors[0]!.name).toBe('Tòa soạn');
  });

  it('skips and counts invalid items without losing the good ones', () => {
    const parsed = parseFeed(
      feedWith([
        makeItem(1),
        null,
        'chuỗi',
        { title: 'không có id', content_html: '<p>x</p>' },
        { id: '', content_html: '<p>x</p>' },
        { id: {}, content_html: '<p>x</p>' },
        { id: 'no-content', title: 'Chỉ có tiêu đề' },
        makeItem(1, { title: 'trùng id' }),
        makeItem(2),
      ]),
      FEED_URL,
    );
    expect(parsed.articles.map((a) => a.id)).toEqual(['test-1', 'test-2']);
    expect(parsed.articles[0]!.title).not.toBe('trùng id');
    expect(parsed.skipped).toBe(7);
  });

  it('coerces numeric ids to strings', () => {
    const parsed = parseFeed(feedWith([{ id: 12345, content_text: 'x' }, { id: 1.5, content_text: 'y' }]), FEED_URL);
    expect(parsed.articles.map((a) => a.id)).toEqual(['12345', '1.5']);
  });

  it('ignores wrong types field by field', () => {
    const parsed = parseFeed(
      feedWith([
        {
          id: 'x',
          content_html: 42,
          content_text: 'nội dung',
          title: ['mảng'],
          summary: { a: 1 },
          image: 7,
          url: false,
          date_published: 1706574180000,
          authors: 'Ban Biên tập',
          tags: ['thi đua', 5, null, 'thi đua'],
          attachments: [{ url: 5 }, 'x', { url: 'files/a.pdf', mime_type: 'application/pdf', size_in_bytes: -1 }],
          _portal: { category: ['x'], priority: 'URGENT', image_caption: 3 },
        },
      ]),
      FEED_URL,
    );
    const a = parsed.articles[0]!;
    expect(a.contentHtml).toBeUndefined();
    expect(a.contentText).toBe('nội dung');
    expect(a.title).toBeUndefined();
    expect(a.summary).toBeUndefined();
    expect(a.image).toBeUndefined();
    expect(a.publishedMs).toBeUndefined();
    expect(a.authors).toEqual([]);
    expect(a.tags).toEqual(['thi đua']);
    expect(a.attachments).toEqual([
      { url: 'https://yenbai.gov.vn/feeds/files/a.pdf', mimeType: 'application/pdf', title: undefined, sizeInBytes: undefined },
    ]);
    expect(a.category).toBeUndefined();
    expect(a.priority).toBe('normal');
  });

  it('drops hostile and malformed URLs but resolves relative ones', () => {
    const parsed = parseFeed(
      feedWith([
        makeItem(1, {
          url: 'javascript:alert(1)',
          image: 'data:image/svg+xml,<svg onload=alert(1)>',
          external_url: '//portal.example/tin',
          attachments: [{ url: 'JaVaScRiPt:alert(1)', mime_type: 'application/pdf' }, { url: '../van-ban/qd.pdf', mime_type: 'application/pdf' }],
        }),
      ]),
      FEED_URL,
    );
    const a = parsed.articles[0]!;
    expect(a.url).toBeUndefined();
    expect(a.image).toBeUndefined();
    expect(a.externalUrl).toBe('https://portal.example/tin');
    expect(a.attachments.map((f) => f.url)).toEqual(['https://yenbai.gov.vn/van-ban/qd.pdf']);
  });

  it('rejects invalid dates and keeps valid offsets', () => {
    const dates = ['2024-02-30T10:00:00+07:00', '2024-13-01T00:00:00Z', 'hôm qua', '30/01/2024 07:23', '2024-01-30T07:23:00+07:00'];
    const parsed = parseFeed(feedWith(dates.map((d, i) => makeItem(i, { date_published: d }))), FEED_URL);
    expect(parsed.articles.map((a) => a.publishedMs)).toEqual([undefined, undefined, undefined, undefined, Date.UTC(2024, 0, 30, 0, 23)]);
  });

  it('normalizes NFD text to NFC', () => {
    const nfd = 'Yên Bái phát động thi đua'.normalize('NFD');
    const parsed = parseFeed(feedWith([makeItem(1, { title: nfd })]), FEED_URL);
    expect(parsed.articles[0]!.title).toBe('Yên Bái phát động thi đua');
  });

  it(`takes at most ${MAX_FEED_ITEMS} items and counts the rest`, () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ id: `i${i}`, content_text: 'x' }));
    const parsed = parseFeed(feedWith(items), FEED_URL);
    expect(parsed.articles).toHaveLength(MAX_FEED_ITEMS);
    expect(parsed.skipped).toBe(10_000 - MAX_FEED_ITEMS);
  });

  it('marks urgent items and reads a byte-order mark', () => {
    const text = '\ufeff' + JSON.stringify(feedWith([makeItem(1, { _portal: { priority: 'urgent' } })]));
    expect(parseFeedText(text, FEED_URL).articles[0]!.priority).toBe('urgent');
  });

  it('reads a big feed in slices with a pause between them, to the same result', async () => {
    const items = [...Array.from({ length: 230 }, (_, i) => makeItem(i)), { id: 'test-3', title: 'trùng' }, { title: 'không có id' }];
    const text = JSON.stringify(feedWith(items));
    let pauses = 0;
    const sliced = await parseFeedTextInSlices(text, FEED_URL, async () => void pauses++);
    expect(sliced).toEqual(parseFeedText(text, FEED_URL));
    expect(sliced.articles).toHaveLength(230);
    expect(sliced.skipped).toBe(2);
    // One after JSON.parse, then one between each two slices of 50 items.
    expect(pauses).toBe(1 + Math.ceil(232 / 50) - 1);
    await expect(parseFeedTextInSlices('<html>', FEED_URL, async () => undefined)).rejects.toMatchObject({ reason: 'not-json' });
  });
});
