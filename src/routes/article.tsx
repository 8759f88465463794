import { useEffect, useState } from 'preact/hooks';
import { Link, useLocation } from 'wouter-preact';
import { AttachmentList } from '../components/attachment-list';
import { ArticleView } from '../components/article-view';
import { SaveButton } from '../components/save-button';
import type { StoredArticle } from '../db';
import type { AllStrings as Strings } from '../i18n/screens';
import { screenStringsFor } from '../i18n/screens';
import { useApp, useAppSnapshot, useDownloads } from '../state/app-state';
import { useArticle } from '../state/articles';
import { toFileEntries } from './files';
import { pathParam } from './path-param';
import { categoryTitle, displayTitle } from './present';

/** `/article/<encodeURIComponent(id)>`: one stored article, readable offline. */
export function ArticleRoute() {
  useLocation(); // re-render on navigation
  const app = useApp();
  const snap = useAppSnapshot();
  const dl = useDownloads();
  const s = screenStringsFor(snap.lang);
  const id = pathParam('/article/');
  const lookup = useArticle(id);
  const a = lookup.state === 'found' ? lookup.article : undefined;
  const textOnly = snap.settings.dataMode === 'never';
  const bodyHtml = useSanitizedBody(a, textOnly ? dl.stored : undefined);
  const [shareNote, setShareNote] = useState('');
  useEffect(() => setShareNote(''), [id]);

  /** The portal's address when the item has one (else this page's): the share sheet, or the clipboard. */
  async function share(title: string, portalUrl: string | undefined): Promise<string> {
    const url = portalUrl ?? location.href;
    if (navigator.share) {
      try {
        await navigator.share({ title, url });
        return '';
      } catch (e) {
        if ((e as Error).name === 'AbortError') return '';
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      return s.linkCopied;
    } catch {
      return `${s.shareFailed} ${url}`;
    }
  }

  useEffect(() => {
    if (a) document.title = `${displayTitle(a, s)} – ${snap.feedInfo?.title ?? s.appName}`;
  }, [a, s, snap.feedInfo]);

  // Not stored yet while the first check is still running (a deep link on a first visit): wait for it.
  const stillComing = lookup.state === 'missing' && (snap.status === 'idle' || snap.status === 'checking');
  if (lookup.state === 'loading' || stillComing) return <p class="loading">{s.loading}</p>;
  if (!a) return <Missing s={s} />;
  const showImage = a.image && (!textOnly || dl.stored.has(a.image));
  return (
    <ArticleView
      title={displayTitle(a, s)}
      lang={a.language}
      source={a.source}
      summary={a.summary}
      publishedMs={a.publishedMs}
      categoryTitle={categoryTitle(snap.feedInfo, a.category)}
      image={a.image || a.imageCaption ? { url: showImage ? a.image : undefined, caption: a.imageCaption } : undefined}
      bodyHtml={bodyHtml}
      bodyText={a.contentText}
      authors={a.authors.map((x) => x.name ?? x.url ?? '').filter(Boolean)}
      tags={a.tags}
      actions={
        <>
          <SaveButton
            saved={a.savedAt !== undefined}
            label={s.save}
            savedLabel={s.saved}
            onToggle={() => void app.setSaved(a.id, a.savedAt === undefined)}
          />
          <button type="button" class="button" onClick={() => void share(displayTitle(a, s), a.url).then(setShareNote)}>
            {s.share}
          </button>
          {shareNote && (
            <p class="status__message" role="status">
              {shareNote}
            </p>
          )}
        </>
      }
      files={
        a.attachments.length > 0 && (
          <AttachmentList
            heading={s.attachments}
            files={toFileEntries(a.attachments, dl, s, snap.lang)}
            labels={{ stored: s.storedOnPhone, openFile: s.openFile, download: s.download, openOnline: s.openOnline, retry: s.retry }}
            onDownload={(url) => {
              const f = a.attachments.find((x) => x.url === url);
              if (f) void app.downloads.request(f.url, a.id, 'file', f.sizeInBytes, f.mimeType);
            }}
          />
        )
      }
      portalUrl={a.url}
      labels={{
        noDate: s.noDate,
        author: s.author,
        tags: s.tags,
        viewOnPortal: s.viewOnPortal,
        opensOutside: s.opensOutside,
        loading: s.loading,
      }}
    />
  );
}

/**
 * Sanitized body HTML; the sanitizer is loaded only when an article is shown. In text-only
 * mode, `onlyImages` lists the images that may show (those stored on the phone).
 */
function useSanitizedBody(a: StoredArticle | undefined, onlyImages?: ReadonlySet<string>): string | null | undefined {
  const [html, setHtml] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!a?.contentHtml) {
      setHtml(undefined);
      return;
    }
    let live = true;
    setHtml((h) => h ?? null);
    const source = a.contentHtml;
    import('../render/sanitize')
      .then(({ sanitizeArticleHtml }) => live && setHtml(sanitizeArticleHtml(source, a.baseUrl, onlyImages)))
      .catch((e: unknown) => {
        console.error(e);
        if (live) setHtml(undefined);
      });
    return () => {
      live = false;
    };
  }, [a?.id, a?.contentHtml, a?.baseUrl, onlyImages]);
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
