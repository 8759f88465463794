import { useEffect, useState } from 'preact/hooks';
import { Link, useLocation } from 'wouter-preact';
import { ArticleView } from '../components/article-view';
import type { StoredArticle } from '../db';
import { stringsFor, type Strings } from '../i18n';
import { useAppSnapshot } from '../state/app-state';
import { useArticle } from '../state/articles';
import { pathParam } from './path-param';
import { categoryTitle, displayTitle, toAttachmentItems } from './present';

/** `/article/<encodeURIComponent(id)>`: one stored article, readable offline. */
export function ArticleRoute() {
  useLocation(); // re-render on navigation
  const snap = useAppSnapshot();
  const s = stringsFor(snap.lang);
  const id = pathParam('/article/');
  const lookup = useArticle(id);
  const bodyHtml = useSanitizedBody(lookup.state === 'found' ? lookup.article : undefined);

  useEffect(() => {
    if (lookup.state === 'found') document.title = `${displayTitle(lookup.article, s)} – ${snap.feedInfo?.title ?? s.appName}`;
  }, [lookup, s, snap.feedInfo]);

  if (lookup.state === 'loading') return <p class="loading">{s.loading}</p>;
  if (lookup.state === 'missing') return <Missing s={s} />;
  const a = lookup.article;
  return (
    <ArticleView
      title={displayTitle(a, s)}
      lang={a.language}
      source={a.source}
      summary={a.summary}
      publishedMs={a.publishedMs}
      categoryTitle={categoryTitle(snap.feedInfo, a.category)}
      image={a.image ? { url: a.image, caption: a.imageCaption } : undefined}
      bodyHtml={bodyHtml}
      bodyText={a.contentText}
      authors={a.authors.map((x) => x.name ?? x.url ?? '').filter(Boolean)}
      tags={a.tags}
      attachments={toAttachmentItems(a, s, snap.lang)}
      portalUrl={a.url}
      labels={{
        noDate: s.noDate,
        author: s.author,
        tags: s.tags,
        attachments: s.attachments,
        viewOnPortal: s.viewOnPortal,
        opensOutside: s.opensOutside,
        loading: s.loading,
      }}
    />
  );
}

/** Sanitized body HTML; the sanitizer is loaded only when an article is shown. */
function useSanitizedBody(a: StoredArticle | undefined): string | null | undefined {
  const [html, setHtml] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!a?.contentHtml) {
      setHtml(undefined);
      return;
    }
    let live = true;
    setHtml(null);
    const source = a.contentHtml;
    import('../render/sanitize')
      .then(({ sanitizeArticleHtml }) => live && setHtml(sanitizeArticleHtml(source, a.baseUrl)))
      .catch((e: unknown) => {
        console.error(e);
        if (live) setHtml(undefined);
      });
    return () => {
      live = false;
    };
  }, [a?.id, a?.contentHtml, a?.baseUrl]);
  return html;
}

function Missing({ s }: { s: Strings }) {
  return (
    <section class="missing">
      <h1>{s.articleNotFound}</h1>
      <p>{s.articleNotFoundHelp}</p>
      <p>
        <Link href="/">{s.backHome}</Link>
      </p>
    </section>
  );
}
