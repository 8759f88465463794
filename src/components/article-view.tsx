import type { ComponentChildren } from 'preact';
import { TimeStamp } from './time-stamp';

export interface ArticleViewProps {
  title: string;
  lang?: string;
  source?: string;
  summary?: string;
  publishedMs?: number;
  categoryTitle?: string;
  /** The lead image; without `url` (text-only mode) only its caption shows. */
  image?: { url?: string; caption?: string };
  /** Sanitized HTML; null while the sanitizer loads. */
  bodyHtml?: string | null;
  bodyText?: string;
  authors: string[];
  tags: string[];
  /** The "File đính kèm" section, when the article has attachments. */
  files?: ComponentChildren;
  /** Actions under the header (save). */
  actions?: ComponentChildren;
  portalUrl?: string;
  labels: {
    noDate: string;
    author: string;
    tags: string;
    viewOnPortal: string;
    opensOutside: string;
    loading: string;
  };
}

/** A whole article: one h1, dateline, Vietnam time, lead image, body, byline, tags, files. */
export function ArticleView(p: ArticleViewProps) {
  return (
    <article class="article" lang={p.lang}>
      <header class="article__header">
        <h1 class="article__title">{p.title}</h1>
        <p class="article__meta">
          <TimeStamp ms={p.publishedMs} fallback={p.labels.noDate} />
          {p.categoryTitle && <span class="article__category">{p.categoryTitle}</span>}
        </p>
        {p.actions && <div class="article__actions">{p.actions}</div>}
      </header>
      {(p.source || p.summary) && (
        <p class="article__lead">
          {p.source && <span class="article__dateline">{p.source} - </span>}
          {p.summary}
        </p>
      )}
      {p.image && (p.image.url || p.image.caption) && <LeadImage url={p.image.url} caption={p.image.caption} />}
      <Body html={p.bodyHtml} text={p.bodyText} loading={p.labels.loading} />
      {p.authors.length > 0 && (
        <p class="article__author">
          <span class="visually-hidden">{p.labels.author}: </span>
          {p.authors.join(', ')}
        </p>
      )}
      {p.tags.length > 0 && (
        <Section title={p.labels.tags} className="article__tags">
          <ul class="tags">
            {p.tags.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </Section>
      )}
      {p.files}
      {p.portalUrl && (
        <p class="article__source-link">
          <a href={p.portalUrl} target="_blank" rel="noopener noreferrer">
            {p.labels.viewOnPortal} <span class="visually-hidden">{p.labels.opensOutside}</span>
          </a>
        </p>
      )}
    </article>
  );
}

function LeadImage({ url, caption }: { url?: string; caption?: string }) {
  return (
    <figure class="article__figure">
      {url && (
        <img
          src={url}
          alt={caption ?? ''}
          width={800}
          height={450}
          decoding="async"
          onError={(e) => ((e.currentTarget as HTMLImageElement).hidden = true)}
        />
      )}
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}

function Body({ html, text, loading }: { html?: string | null; text?: string; loading: string }) {
  if (html === null) return <p class="article__body article__body--loading">{loading}</p>;
  if (html) return <div class="article__body" dangerouslySetInnerHTML={{ __html: html }} />;
  if (!text) return null;
  return (
    <div class="article__body">
      {text.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </div>
  );
}

function Section({ title, className, children }: { title: string; className: string; children: ComponentChildren }) {
  return (
    <section class={className} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
