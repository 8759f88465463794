/** `/search?q=`: offline search over every stored article, Vietnamese typing understood. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useSearch } from 'wouter-preact';
import { ArticleCard } from '../components/article-card';
import { Highlighted } from '../components/highlighted';
import type { StoredArticle } from '../db';
import { screenStringsFor } from '../i18n/screens';
import { highlight } from '../search/highlight';
import { liveIndex } from '../search/live-index';
import type { SearchIndex } from '../search/search-index';
import { useApp, useAppSnapshot, useDownloads } from '../state/app-state';
import { displayTitle, toCard } from './present';

const RESULT_LIMIT = 50;

export default function SearchRoute() {
  const app = useApp();
  const snap = useAppSnapshot();
  const dl = useDownloads();
  const s = screenStringsFor(snap.lang);
  const initial = new URLSearchParams(useSearch()).get('q') ?? '';
  const [query, setQuery] = useState(initial);
  const [index, setIndex] = useState<SearchIndex | undefined>();
  const [results, setResults] = useState<StoredArticle[]>([]);

  useEffect(() => setQuery(initial), [initial]);

  useEffect(() => {
    let live = true;
    void liveIndex(app.store).then((i) => live && setIndex(i));
    return () => {
      live = false;
    };
  }, [app.store]);

  const hits = useMemo(() => (index ? index.search(query, RESULT_LIMIT) : []), [index, query, snap.dataVersion]);

  useEffect(() => {
    let live = true;
    void app.store.getArticles(hits.map((h) => h.id)).then((list) => live && setResults(list));
    return () => {
      live = false;
    };
  }, [hits, app.store]);

  function onInput(value: string) {
    setQuery(value);
    // The query lives in the address (bookmarks, back button) without a history entry per key.
    const url = value.trim() ? `/search?q=${encodeURIComponent(value)}` : '/search';
    history.replaceState(history.state, '', url);
  }

  const textOnly = snap.settings.dataMode === 'never';
  return (
    <>
      <h1 class="screen-title">{s.searchTitle}</h1>
      <form role="search" class="search-form" onSubmit={(e) => e.preventDefault()}>
        <label for="search-q">{s.searchLabel}</label>
        <input
          id="search-q"
          type="search"
          value={query}
          autoComplete="off"
          enterKeyHint="search"
          placeholder={s.searchPlaceholder}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
      </form>
      {!index && <p class="loading">{s.searchPreparing}</p>}
      {index && query.trim() && (
        <p class="search-count" role="status">
          {results.length === 0 ? s.searchNone(query.trim()) : s.searchCount(results.length)}
        </p>
      )}
      {!query.trim() && <p class="help">{s.searchHint}</p>}
      {results.length > 0 && (
        <ul class="cards">
          {results.map((a) => {
            const card = toCard(a, snap.feedInfo, s, textOnly ? dl.stored : undefined);
            return (
              <ArticleCard
                key={a.id}
                {...card}
                title={<Highlighted parts={highlight(displayTitle(a, s), query)} />}
                summary={a.summary && <Highlighted parts={highlight(a.summary, query)} />}
              />
            );
          })}
        </ul>
      )}
    </>
  );
}
