import { useEffect, useState } from 'preact/hooks';
import { ArticleCard } from '../components/article-card';
import type { StoredArticle } from '../db';
import { screenStringsFor } from '../i18n/screens';
import { useApp, useAppSnapshot, useDownloads } from '../state/app-state';
import { toCard } from './present';

/** `/saved`: the articles the reader kept, newest saved first, available offline. */
export function SavedRoute() {
  const { store } = useApp();
  const snap = useAppSnapshot();
  const dl = useDownloads();
  const s = screenStringsFor(snap.lang);
  const [articles, setArticles] = useState<StoredArticle[] | undefined>();
  useEffect(() => {
    let live = true;
    store
      .listSaved()
      .then((list) => live && setArticles(list))
      .catch((e: unknown) => console.error(e));
    return () => {
      live = false;
    };
  }, [store, snap.dataVersion]);
  const textOnly = snap.settings.dataMode === 'never';
  return (
    <>
      <h1 class="screen-title">{s.savedTitle}</h1>
      {articles?.length === 0 && <p class="empty">{s.savedEmpty}</p>}
      {articles && articles.length > 0 && (
        <ul class="cards">
          {articles.map((a) => (
            <ArticleCard key={a.id} {...toCard(a, snap.feedInfo, s, textOnly ? dl.stored : undefined)} />
          ))}
        </ul>
      )}
    </>
  );
}
