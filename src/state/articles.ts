/** Hooks that read stored articles for the screens. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoredArticle } from '../db';
import { LIST_PAGE_SIZE } from '../shared/constants';
import { useApp, useAppSnapshot } from './app-state';

export interface ArticleList {
  articles: StoredArticle[];
  total: number;
  loading: boolean;
  /** Shows one more page. */
  loadMore(): void;
}

/** The articles the last list showed: one tapped there renders at once, before IndexedDB answers. */
const listed = new Map<string, StoredArticle>();

/** A paged list, newest first; reloads when sync changes what is stored. */
export function useArticleList(category?: string): ArticleList {
  const { store } = useApp();
  const { listVersion } = useAppSnapshot();
  const [pages, setPages] = useState(1);
  const [data, setData] = useState<{ articles: StoredArticle[]; total: number; loading: boolean }>({
    articles: [],
    total: 0,
    loading: true,
  });

  useEffect(() => setPages(1), [category]);

  useEffect(() => {
    let live = true;
    setData((d) => ({ ...d, loading: true }));
    Promise.all([store.listArticles({ category, offset: 0, limit: pages * LIST_PAGE_SIZE }), store.countArticles(category)])
      .then(([articles, total]) => {
        if (!live) return;
        listed.clear();
        for (const a of articles) listed.set(a.id, a);
        setData({ articles, total, loading: false });
      })
      .catch((e: unknown) => {
        console.error(e);
        if (live) setData((d) => ({ ...d, loading: false }));
      });
    return () => {
      live = false;
    };
  }, [store, category, pages, listVersion]);

  const loadMore = useCallback(() => setPages((p) => p + 1), []);
  return { ...data, loadMore };
}

export type ArticleLookup = { state: 'loading' } | { state: 'missing' } | { state: 'found'; article: StoredArticle };

/** One stored article; marks it read once shown. */
export function useArticle(id: string): ArticleLookup {
  const app = useApp();
  const { store } = app;
  const { dataVersion } = useAppSnapshot();
  const [lookup, setLookup] = useState<ArticleLookup & { id?: string; version?: number }>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    // Tapped in a list: the list's copy shows at once (effects run just after the tap's frame
    // is painted, so the tap itself stays quick), and what IndexedDB holds replaces it.
    const copy = listed.get(id);
    if (copy) setLookup({ state: 'found', article: copy, id, version: dataVersion });
    store
      .getArticle(id)
      .then((article) => {
        if (!live) return;
        setLookup(article ? { state: 'found', article, id, version: dataVersion } : { state: 'missing', id, version: dataVersion });
        if (article && article.readAt === undefined) void app.markRead(id);
      })
      .catch((e: unknown) => {
        console.error(e);
        if (live) setLookup({ state: 'missing' });
      });
    return () => {
      live = false;
    };
  }, [app, store, id, dataVersion]);
  // "Missing" is only an answer for this id and what is stored now; until then it is still loading.
  if (lookup.state === 'missing' && (lookup.id !== id || lookup.version !== dataVersion)) return { state: 'loading' };
  // Another article was asked for: loading, never the previous one.
  if (lookup.state === 'found' && lookup.article.id !== id) return { state: 'loading' };
  return lookup;
}
