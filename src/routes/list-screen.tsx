/** The shared shape of the home and category screens: heading, filters, paged list. */
import { useLayoutEffect } from 'preact/hooks';
import { ArticleCard } from '../components/article-card';
import { CategoryNav } from '../components/category-nav';
import { stringsFor } from '../i18n';
import { SNAPSHOT_ID } from '../shared/constants';
import { useApp, useAppSnapshot, useDownloads } from '../state/app-state';
import { useArticleList } from '../state/articles';
import { toCard } from './present';

export function ListScreen({ category, heading }: { category?: string; heading: string }) {
  const app = useApp();
  const snap = useAppSnapshot();
  const s = stringsFor(snap.lang);
  const list = useArticleList(category);
  const dl = useDownloads();
  // Text only: a thumbnail shows only when its bytes are already on the phone.
  const textOnly = snap.settings.dataMode === 'never';
  const categories = snap.feedInfo?.categories ?? [];
  // Never checked and the first check not over yet: "loading", not "no articles".
  const firstCheck = snap.checkedAt === undefined && (snap.status === 'idle' || snap.status === 'checking');
  const settled = !list.loading;
  useLayoutEffect(() => {
    if (!settled) return;
    // The worker's picture of the last home screen gives way to the live one, in the same frame.
    document.getElementById(SNAPSHOT_ID)?.remove();
    // (An emptied list has no snapshot: removing articles drops it, see ReaderStore.notify.)
    if (category === undefined && list.articles.length > 0) void import('../pwa/snapshot').then((m) => m.saveSnapshot());
  }, [settled, list.articles, category, snap.lang, snap.display, textOnly && dl.stored]);
  return (
    <>
      <h1 class="screen-title">{heading}</h1>
      {/* Under the heading: when the first check brings the categories, nothing already shown moves. */}
      {categories.length > 0 && (
        <CategoryNav label={s.categories} allLabel={s.allNews} categories={categories} current={category} />
      )}
      {snap.pendingNew.length > 0 && (
        // Floats over the list, so the article under the reader's thumb does not move.
        <button
          type="button"
          class="new-banner"
          onClick={() => {
            app.revealNew();
            scrollTo({ top: 0 });
          }}
        >
          ↑ {s.newArticlesBanner(snap.pendingNew.length)} · {s.showNew}
        </button>
      )}
      {list.articles.length > 0 ? (
        <ul class="cards">
          {list.articles.map((a) => (
            <ArticleCard key={a.id} {...toCard(a, snap.feedInfo, s, textOnly ? dl.stored : undefined)} />
          ))}
        </ul>
      ) : (
        !list.loading && (
          <p class="empty">{firstCheck ? s.loading : category === undefined ? s.emptyList : s.emptyCategory}</p>
        )
      )}
      {list.articles.length < list.total ? (
        <button type="button" class="button button--wide" onClick={list.loadMore} aria-busy={list.loading}>
          {s.loadMore}
        </button>
      ) : (
        list.total > 0 && <p class="end-of-list">{s.endOfList}</p>
      )}
    </>
  );
}
