/** Which bytes an article needs offline: its lead image, inline images and attachments. No DOM. */
import type { AssetKind, StoredArticle } from '../db/schema';

export interface AssetNeed {
  url: string;
  kind: AssetKind;
  declaredBytes?: number;
  expectedType?: string;
}

const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** Inline image URLs of an article body, resolved like the sanitizer resolves them (http(s) only). */
export function inlineImageUrls(html: string, base: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(IMG_SRC)) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&').trim();
    try {
      const url = new URL(raw, base);
      if (url.protocol === 'http:' || url.protocol === 'https:') out.add(url.href);
    } catch {
      // not a URL: the sanitizer drops it too
    }
    if (out.size >= 30) break;
  }
  return [...out];
}

export function imageNeeds(a: StoredArticle): AssetNeed[] {
  const urls = new Set<string>();
  if (a.image) urls.add(a.image);
  if (a.contentHtml) for (const u of inlineImageUrls(a.contentHtml, a.baseUrl)) urls.add(u);
  return [...urls].map((url) => ({ url, kind: 'image' }));
}

export function fileNeeds(a: StoredArticle): AssetNeed[] {
  return a.attachments.map((f) => ({ url: f.url, kind: 'file', declaredBytes: f.sizeInBytes, expectedType: f.mimeType }));
}

/** Saved and urgent articles keep everything; the app never evicts them. */
export function isProtected(a: Pick<StoredArticle, 'savedAt' | 'priority'>): boolean {
  return a.savedAt !== undefined || a.priority === 'urgent';
}
