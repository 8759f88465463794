/** Turns stored articles into the plain props the components take. */
import type { StoredArticle } from '../db';
import type { FeedInfo } from '../feed/types';
import type { Strings } from '../i18n';
import type { ArticleCardProps } from '../components/article-card';

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

/** Card props; with `onlyImages` (text-only mode) a thumbnail shows only when stored. */
export function toCard(a: StoredArticle, info: FeedInfo | undefined, s: Strings, onlyImages?: ReadonlySet<string>): ArticleCardProps {
  return {
    href: articleHref(a.id),
    title: displayTitle(a, s),
    summary: a.title ? a.summary : undefined,
    imageUrl: a.image && (!onlyImages || onlyImages.has(a.image)) ? a.image : undefined,
    imageAlt: a.imageCaption,
    categoryTitle: categoryTitle(info, a.category),
    publishedMs: a.publishedMs,
    urgent: a.priority === 'urgent',
    unread: a.readAt === undefined,
    labels: { urgent: s.urgent, unread: s.unread, noDate: s.noDate },
  };
}

export function fileNameOf(url: string): string {
  try {
    const name = new URL(url).pathname.split('/').pop();
    return name ? decodeURIComponent(name) : url;
  } catch {
    return url;
  }
}
