import type { ComponentChildren } from 'preact';
import { Link } from 'wouter-preact';
import { TimeStamp } from './time-stamp';

export interface ArticleCardProps {
  href: string;
  /** Text, or highlighted nodes in search results. */
  title: ComponentChildren;
  summary?: ComponentChildren;
  imageUrl?: string;
  imageAlt?: string;
  categoryTitle?: string;
  publishedMs?: number;
  urgent: boolean;
  unread: boolean;
  labels: { urgent: string; unread: string; noDate: string };
}

/** One headline in a list: a link to the article with its thumbnail, summary and time. */
export function ArticleCard(p: ArticleCardProps) {
  return (
    <li class={`card${p.urgent ? ' card--urgent' : ''}${p.unread ? ' card--unread' : ''}`}>
      <Link href={p.href} class="card__link">
        {p.imageUrl && (
          <img
            class="card__thumb"
            src={p.imageUrl}
            alt={p.imageAlt ?? ''}
            width={96}
            height={64}
            loading="lazy"
            decoding="async"
            onError={(e) => ((e.currentTarget as HTMLImageElement).hidden = true)}
          />
        )}
        <span class="card__text">
          <span class="card__title">
            {p.urgent && <span class="badge badge--urgent">{p.labels.urgent}</span>}
            {p.title}
          </span>
          {p.summary && <span class="card__summary">{p.summary}</span>}
          <span class="card__meta">
            {p.categoryTitle && <span class="card__category">{p.categoryTitle}</span>}
            <TimeStamp ms={p.publishedMs} fallback={p.labels.noDate} />
            {p.unread && <span class="badge badge--unread">{p.labels.unread}</span>}
          </span>
        </span>
      </Link>
    </li>
  );
}
