/** Turns untrusted JSON (JSON Feed 1.0/1.1 plus `_portal`) into Articles. Pure: no I/O. */
import { MAX_FEED_ITEMS, MAX_HTML_CHARS, MAX_LIST_ENTRIES } from '../shared/constants';
import { FeedError } from './feed-error';
import type { Article, Attachment, Author, Category, FeedInfo, ParsedFeed } from './types';
import { isObject, readDate, readId, readSize, readText, readUrl, type JsonObject } from './values';

export const JSON_FEED_VERSIONS = [
  'https://jsonfeed.org/version/1',
  'https://jsonfeed.org/version/1.1',
] as const;

/** Parses a feed body; throws FeedError('not-json') when it is not JSON at all. */
export function parseFeedText(text: string, feedUrl: string): ParsedFeed {
  return parseFeed(parseJson(text), feedUrl);
}

export function parseFeed(json: unknown, feedUrl: string): ParsedFeed {
  const reader = feedReader(json, feedUrl);
  reader.read(reader.count);
  return reader.done();
}

/** Items read between two pauses by parseFeedTextInSlices. */
const ITEMS_PER_SLICE = 50;

/**
 * parseFeedText for a page that must stay responsive: the items are read a slice at a time, with
 * `pause()` (a new task) between slices, so a feed of hundreds of items never holds the main
 * thread for long. Only JSON.parse itself is one piece.
 */
export async function parseFeedTextInSlices(text: string, feedUrl: string, pause: () => Promise<void>): Promise<ParsedFeed> {
  const json = parseJson(text);
  await pause();
  const reader = feedReader(json, feedUrl);
  while (reader.read(ITEMS_PER_SLICE)) await pause();
  return reader.done();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new FeedError('not-json');
  }
}

/** Checks the document, then reads its items `read(n)` at a time (true while some are left). */
function feedReader(json: unknown, feedUrl: string): { count: number; read(n: number): boolean; done(): ParsedFeed } {
  if (!isObject(json)) throw new FeedError('not-json-feed', 'not an object');
  const version = json.version;
  if (typeof version !== 'string') throw new FeedError('not-json-feed', 'no version');
  if (!(JSON_FEED_VERSIONS as readonly string[]).includes(version.trim().replace(/^http:/, 'https:'))) {
    throw new FeedError('unsupported-version', version.slice(0, 80));
  }
  if (!Array.isArray(json.items)) throw new FeedError('not-json-feed', 'no items array');

  const info = readFeedInfo(json, feedUrl);
  const items: unknown[] = json.items.slice(0, MAX_FEED_ITEMS);
  const articles: Article[] = [];
  const seen = new Set<string>();
  let skipped = Math.max(0, json.items.length - MAX_FEED_ITEMS);
  let next = 0;
  return {
    count: items.length,
    read(n) {
      for (const end = Math.min(items.length, next + n); next < end; next++) {
        const article = readItem(items[next], feedUrl, info.language);
        if (!article || seen.has(article.id)) {
          skipped++;
          continue;
        }
        seen.add(article.id);
        articles.push(article);
      }
      return next < items.length;
    },
    done: () => ({ info, articles, skipped }),
  };
}

function readFeedInfo(json: JsonObject, base: string): FeedInfo {
  const portal = isObject(json._portal) ? json._portal : {};
  const homePageUrl = readUrl(json.home_page_url, base);
  return {
    title: readText(json.title) ?? (homePageUrl ? new URL(homePageUrl).hostname : ''),
    homePageUrl,
    feedUrl: readUrl(json.feed_url, base),
    language: readText(json.language, 35) ?? 'vi',
    nextUrl: readUrl(json.next_url, base),
    icon: readUrl(json.icon, base),
    favicon: readUrl(json.favicon, base),
    categories: readCategories(portal.categories),
  };
}

function readCategories(v: unknown): Category[] {
  if (!Array.isArray(v)) return [];
  const out: Category[] = [];
  const ids = new Set<string>();
  for (const c of v.slice(0, MAX_LIST_ENTRIES * 4)) {
    if (!isObject(c)) continue;
    const id = readId(c.id);
    if (!id || ids.has(id)) continue;
    ids.add(id);
    out.push({ id, title: readText(c.title) ?? id });
  }
  return out;
}

function readItem(v: unknown, base: string, feedLanguage: string): Article | undefined {
  if (!isObject(v)) return undefined;
  const id = readId(v.id);
  if (!id) return undefined;
  const contentHtml = readText(v.content_html, MAX_HTML_CHARS);
  const contentText = readText(v.content_text, MAX_HTML_CHARS);
  const hasContentField = typeof v.content_html === 'string' || typeof v.content_text === 'string';
  if (!hasContentField) return undefined;
  const portal = isObject(v._portal) ? v._portal : {};
  const publishedMs = readDate(v.date_published);
  const modifiedMs = readDate(v.date_modified);
  const { content_html: _h, content_text: _t, ...raw } = v;
  return {
    id,
    title: readText(v.title),
    summary: readText(v.summary),
    contentHtml,
    contentText,
    url: readUrl(v.url, base),
    externalUrl: readUrl(v.external_url, base),
    image: readUrl(v.image, base) ?? readUrl(v.banner_image, base),
    imageCaption: readText(portal.image_caption),
    datePublished: publishedMs === undefined ? undefined : String(v.date_published).trim(),
    publishedMs,
    dateModified: modifiedMs === undefined ? undefined : String(v.date_modified).trim(),
    modifiedMs,
    authors: readAuthors(v, base),
    tags: readTags(v.tags),
    language: readText(v.language, 35) ?? feedLanguage,
    attachments: readAttachments(v.attachments, base),
    source: readText(portal.source, 100),
    category: readId(portal.category),
    priority: portal.priority === 'urgent' ? 'urgent' : 'normal',
    baseUrl: base,
    raw,
  };
}

function readAuthors(item: JsonObject, base: string): Author[] {
  // JSON Feed 1.0 has a single `author`; 1.1 has `authors`.
  const list = Array.isArray(item.authors) ? item.authors : isObject(item.author) ? [item.author] : [];
  const out: Author[] = [];
  for (const a of list.slice(0, MAX_LIST_ENTRIES)) {
    if (!isObject(a)) continue;
    const author: Author = { name: readText(a.name), url: readUrl(a.url, base), avatar: readUrl(a.avatar, base) };
    if (author.name || author.url) out.push(author);
  }
  return out;
}

function readTags(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const tags = new Set<string>();
  for (const t of v) {
    const tag = readText(t, 200);
    if (tag) tags.add(tag);
    if (tags.size >= MAX_LIST_ENTRIES) break;
  }
  return [...tags];
}

function readAttachments(v: unknown, base: string): Attachment[] {
  if (!Array.isArray(v)) return [];
  const out: Attachment[] = [];
  for (const a of v.slice(0, MAX_LIST_ENTRIES)) {
    if (!isObject(a)) continue;
    const url = readUrl(a.url, base);
    if (!url) continue;
    out.push({
      url,
      mimeType: readMimeType(a.mime_type) ?? 'application/octet-stream',
      title: readText(a.title),
      sizeInBytes: readSize(a.size_in_bytes),
    });
  }
  return out;
}

function readMimeType(v: unknown): string | undefined {
  const s = readText(v, 200)?.toLowerCase();
  return s && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(s) ? s : undefined;
}
