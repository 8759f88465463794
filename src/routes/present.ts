/** Turns stored articles into the plain props the components take. */
import type { StoredArticle } from '../db';
import type { FeedInfo } from '../feed/types';
import { formatBytes, type Lang, type Strings } from '../i18n';
import type { ArticleCardProps } from '../components/article-card';
import type { AttachmentItem } from '../components/article-view';

/** The article's address in the app. */
export function articleHref(id: string): string {
  return `/article/${encodeURIComponent(id)}`;
}

/** The title, or the summary's (then the body's) first words, or a placeholder. */
export function displayTitle(a: Pick<StoredArticle, 'title' | 'summary' | 'contentText' | 'contentHtml'>, s: Strings): string {
  if (a.title) return a.title;
  const source = a.summary ?? a.contentText ?? stripTags(a.contentHtml ?? '');
  const words = source.split(/\s+/).filter(Boolean);
  if (words.length === 0) return s.untitled;
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
}

export function categoryTitle(info: FeedInfo | undefined, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return info?.categories.find((c) => c.id === id)?.title;
}

export function toCard(a: StoredArticle, info: FeedInfo | undefined, s: Strings): ArticleCardProps {
  return {
    href: articleHref(a.id),
    title: displayTitle(a, s),
    summary: a.title ? a.summary : undefined,
    imageUrl: a.image,
    imageAlt: a.imageCaption,
    categoryTitle: categoryTitle(info, a.category),
    publishedMs: a.publishedMs,
    urgent: a.priority === 'urgent',
    unread: a.readAt === undefined,
    labels: { urgent: s.urgent, unread: s.unread, noDate: s.noDate },
  };
}

/** "PDF", "Word", "Ảnh"…: a short, familiar name for a MIME type. */
export function fileTypeLabel(mime: string, s: Strings): string {
  const known = s.fileTypes[mime];
  if (known) return known;
  const [kind, sub] = mime.split('/');
  if (kind === 'image' || kind === 'audio' || kind === 'video') return `${s.fileKinds[kind]} ${sub?.toUpperCase() ?? ''}`.trim();
  return sub && sub !== 'octet-stream' && sub.length <= 8 ? sub.toUpperCase() : s.fileKinds.other;
}

export function toAttachmentItems(a: StoredArticle, s: Strings, lang: Lang): AttachmentItem[] {
  return a.attachments.map((f) => ({
    url: f.url,
    title: f.title ?? fileNameOf(f.url),
    typeLabel: fileTypeLabel(f.mimeType, s),
    sizeLabel: f.sizeInBytes === undefined ? s.unknownSize : formatBytes(f.sizeInBytes, lang),
  }));
}

function fileNameOf(url: string): string {
  try {
    const name = new URL(url).pathname.split('/').pop();
    return name ? decodeURIComponent(name) : url;
  } catch {
    return url;
  }
}
