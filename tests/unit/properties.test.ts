// @vitest-environment jsdom
// (DOMPurify needs a DOM; the real-browser XSS run is tests/browser/hostile.test.ts.)
/** Property tests: the parser only ever returns a feed or a FeedError; sanitizing is idempotent and inert. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feed/feed-error';
import { JSON_FEED_VERSIONS, parseFeed, parseFeedText } from '../../src/feed/parse';
import { sanitizeArticleHtml } from '../../src/render/sanitize';

const FEED_URL = 'https://portal.example/feed.json';
const XSS = (JSON.parse(readFileSync(resolve(process.cwd(), '../shared/corpora/dompurify-xss.json'), 'utf8')) as { cases: { payload: string }[] }).cases.map((c) => c.payload);

function feedOrFeedError(run: () => unknown): boolean {
  try {
    const out = run() as { info?: unknown; articles?: unknown; skipped?: unknown };
    return typeof out === 'object' && out !== null && Array.isArray(out.articles) && typeof out.skipped === 'number' && typeof out.info === 'object';
  } catch (e) {
    return e instanceof FeedError;
  }
}

/** Feed-shaped values: a real version, and items of anything, including near-miss items. */
const feedLike = fc.record(
  {
    version: fc.oneof(fc.constantFrom(...JSON_FEED_VERSIONS), fc.anything()),
    title: fc.anything(),
    home_page_url: fc.oneof(fc.webUrl(), fc.string(), fc.anything()),
    _portal: fc.oneof(fc.anything(), fc.record({ categories: fc.array(fc.record({ id: fc.anything(), title: fc.anything() })) })),
    items: fc.oneof(
      fc.anything(),
      fc.array(
        fc.oneof(
          fc.anything(),
          fc.record(
            {
              id: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.anything()),
              title: fc.oneof(fc.string(), fc.anything()),
              content_html: fc.oneof(fc.string(), fc.constantFrom(...XSS), fc.anything()),
              content_text: fc.oneof(fc.string(), fc.anything()),
              url: fc.oneof(fc.webUrl(), fc.string(), fc.anything()),
              image: fc.oneof(fc.webUrl(), fc.string(), fc.anything()),
              date_published: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.anything()),
              date_modified: fc.oneof(fc.string(), fc.anything()),
              authors: fc.anything(),
              tags: fc.oneof(fc.array(fc.string()), fc.anything()),
              attachments: fc.oneof(fc.array(fc.record({ url: fc.anything(), mime_type: fc.anything(), size_in_bytes: fc.anything() })), fc.anything()),
              _portal: fc.anything(),
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 20 },
      ),
    ),
  },
  { requiredKeys: [] },
);

describe('parser properties', () => {
  it('any JSON value gives a feed or a FeedError, nothing else', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => feedOrFeedError(() => parseFeed(v, FEED_URL))), { numRuns: 500 });
  });

  it('any feed-shaped value gives a feed or a FeedError', () => {
    fc.assert(fc.property(feedLike, (v) => feedOrFeedError(() => parseFeed(v, FEED_URL))), { numRuns: 1000 });
  });

  it('any text gives a feed or a FeedError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => feedOrFeedError(() => parseFeedText(t, FEED_URL))), { numRuns: 500 });
    fc.assert(fc.property(fc.json(), (t) => feedOrFeedError(() => parseFeedText(t, FEED_URL))), { numRuns: 500 });
  });

  it('every kept article has a string id and only http(s) URLs', () => {
    fc.assert(
      fc.property(feedLike, (v) => {
        try {
          for (const a of parseFeed(v, FEED_URL).articles) {
            expect(typeof a.id).toBe('string');
            for (const u of [a.url, a.image, a.externalUrl, ...a.attachments.map((f) => f.url)]) if (u !== undefined) expect(u).toMatch(/^https?:\/\//);
          }
        } catch (e) {
          if (!(e instanceof FeedError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** HTML built from tags, attributes and the XSS corpus' fragments. */
const hostileHtml = fc
  .array(
    fc.oneof(
      fc.constantFrom(...XSS),
      fc.string(),
      fc.tuple(
        fc.constantFrom('a', 'img', 'svg', 'math', 'iframe', 'script', 'style', 'form', 'p', 'div', 'object', 'video', 'table', 'template', 'noscript'),
        fc.constantFrom('href', 'src', 'onerror', 'onload', 'style', 'srcdoc', 'xlink:href', 'action', 'formaction', 'id', 'name'),
        fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'x', 'alert(1)', ' java\tscript:alert(1)', '&#106;avascript:alert(1)'),
        fc.string(),
      ).map(([t, a, v, inner]) => `<${t} ${a}="${v}">${inner}</${t}>`),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** Patterns that would mean script could run; checked against the markup's tags (text is escaped). */
const SCRIPT_PATTERNS = [
  /<script\b/i,
  /<iframe\b/i,
  /<object\b/i,
  /<embed\b/i,
  /<form\b/i,
  /<style\b/i,
  /\son[a-z]+\s*=/i,
  /(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|vbscript|data):/i,
];

describe('sanitizer properties', () => {
  it('is idempotent, and its output matches none of the script patterns', () => {
    fc.assert(
      fc.property(hostileHtml, (html) => {
        const once = sanitizeArticleHtml(html, FEED_URL);
        expect(sanitizeArticleHtml(once, FEED_URL)).toBe(once);
        expectInert(once);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 1000) },
    );
  }, 120_000);

  it('every corpus payload comes out inert', () => {
    for (const payload of XSS) {
      expectInert(sanitizeArticleHtml(payload, FEED_URL));
    }
  });
});

function expectInert(html: string): void {
  for (const tag of html.match(/<[^>]*>/g) ?? []) for (const p of SCRIPT_PATTERNS) expect(tag, html).not.toMatch(p);
  // And as a DOM: no element that runs or embeds, no handler attribute.
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  expect(doc.body.querySelectorAll('script, iframe, object, embed, form, style, base, meta, link').length, html).toBe(0);
  for (const el of doc.body.querySelectorAll('*')) for (const a of Array.from(el.attributes)) expect(a.name.startsWith('on'), html).toBe(false);
}
