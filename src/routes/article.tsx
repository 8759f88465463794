import { useEffect, useMemo, useState } from 'preact/hooks';
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

/** The sanitizer, once loaded (this screen's code starts loading it; the app preloads both when idle). */
let sanitizer: typeof import('../render/sanitize') | undefined;
const loadSanitizer = () => import('../render/sanitize').then((m) => (sanitizer = m));
void loadSanitizer();

/** Bodies sanitized lately, by article: opening one again paints it at once. */
const sanitized = new Map<string, { source: string; base: string; only?: ReadonlySet<string>; html: string }>();
const SANITIZED_KEPT = 8;
/** Bodies up to this long are sanitized in the same render as the title; longer ones right after it. */
const SANITIZE_INLINE_CHARS = 50_000;

/** The body's safe HTML if it is at hand (sanitized before, or short and the sanitizer loaded); `any` sanitizes whatever the size. */
function sanitizedBody(a: StoredArticle, source: string, only: ReadonlySet<string> | undefined, any = false): string | undefined {
  const hit = sanitized.get(a.id);
  if (hit && hit.source === source && hit.base === a.baseUrl && hit.only === only) return hit.html;
  if (!sanitizer || (!any && source.length > SANITIZE_INLINE_CHARS)) return undefined;
  const html = sanitizer.sanitizeArticleHtml(source, a.baseUrl, only);
  sanitized.delete(a.id);
  sanitized.set(a.id, { source, base: a.baseUrl, only, html });
  if (sanitized.size > SANITIZED_KEPT) sanitized.delete(sanitized.keys().next().value!);
  return html;
}

/**
 * Sanitized body HTML: null while it is being prepared (the sanitizer loads, or a long body waits
 * for the next task), undefined when there is none or sanitizing failed (the text shows then).
 * In text-only mode, `onlyImages` lists the images that may show (those stored on the phone).
 */
function useSanitizedBody(a: StoredArticle | undefined, onlyImages?: ReadonlySet<string>): string | null | undefined {
  const source = a?.contentHtml;
  const deps = [a?.id, source, a?.baseUrl, onlyImages];
  const [late, setLate] = useState<{ html?: string; for: unknown[] }>({ for: [] });
  const now = useMemo(() => (a && source ? sanitizedBody(a, source, onlyImages) : undefined), deps);
  useEffect(() => {
    if (!a || !source || now !== undefined) return;
    let live = true;
    loadSanitizer()
      .then(() => sanitizedBody(a, source, onlyImages, true))
      .catch((e: unknown) => void console.error(e))
      .then((html) => live && setLate({ html, for: deps }));
    return () => {
      live = false;
    };
  }, [...deps, now]);
  if (!source) return undefined;
  if (now !== undefined) return now;
  return late.for.every((d, i) => d === deps[i]) && late.for.length > 0 ? late.html : null;
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
