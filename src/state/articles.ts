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
  const fromList = (key: string): ArticleLookup => {
    const article = listed.get(key);
    return article ? { state: 'found', article } : { state: 'loading' };
  };
  const [lookup, setLookup] = useState<ArticleLookup & { id?: string; version?: number }>(() => fromList(id));
  useEffect(() => {
    let live = true;
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
  if (lookup.state === 'missing' && (lookup.id !== id || lookup.version !== dataVersion)) return fromList(id);
  // Another article was asked for: the list's copy of it, if any, until IndexedDB answers.
  if (lookup.state === 'found' && lookup.article.id !== id) return fromList(id);
  return lookup;
}
