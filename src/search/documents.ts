/** What of a stored article is searchable. */
import type { StoredArticle } from '../db';
import type { SearchDoc } from './search-index';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Visible text of article HTML, without a DOM (tags dropped, common entities decoded). */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

export function toSearchDoc(a: StoredArticle): SearchDoc {
  return {
    id: a.id,
    title: a.title,
    summary: a.summary,
    body: a.contentText ?? (a.contentHtml ? htmlText(a.contentHtml) : undefined),
    tags: a.tags,
    authors: a.authors.map((x) => x.name ?? '').filter(Boolean),
    attachments: a.attachments.map((f) => f.title ?? '').filter(Boolean),
    publishedMs: a.publishedMs,
  };
}
