/** `/search?q=`: offline search over every stored article, Vietnamese typing understood. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useSearch } from 'wouter-preact';
import { ArticleCard } from '../components/article-card';
import { Highlighted } from '../components/highlighted';
import type { StoredArticle } from '../db';
import { screenStringsFor } from '../i18n/screens';
import { highlight } from '../search/highlight';
import { liveIndex } from '../search/live-index';
import { useApp, useAppSnapshot, useDownloads } from '../state/app-state';
import { displayTitle, toCard } from './present';

const RESULT_LIMIT = 50;
/** Results follow the typing once it pauses this long. */
const SEARCH_PAUSE_MS = 150;

export default function SearchRoute() {
  const app = useApp();
  const snap = useAppSnapshot();
  const dl = useDownloads();
  const s = screenStringsFor(snap.lang);
  const initial = new URLSearchParams(useSearch()).get('q') ?? '';
  // What the box holds, and what the results below are for: searching and highlighting follow the
  // box once typing pauses (SEARCH_PAUSE_MS), so keystrokes never wait for them.
  const [query, setQuery] = useState(initial);
  const [asked, setAsked] = useState(initial);
  const [found, setFound] = useState<{ for: string; list: StoredArticle[] }>({ for: '', list: [] });
  const results = found.list;
  // The index may still be building (newest articles first): search what it holds, again as it grows.
  const build = useMemo(() => liveIndex(app.store), [app.store]);
  const [grown, setGrown] = useState(0);
  useEffect(() => build.watch(() => setGrown((n) => n + 1)), [build]);

  useEffect(() => setQuery(initial), [initial]);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(query), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  // Searched again when the first articles are in and when all are, not at every step (each costs a render).
  const stage = build.ready ? 2 : grown > 0 ? 1 : 0;
  const hits = useMemo(() => build.index.search(asked, RESULT_LIMIT), [build, asked, snap.dataVersion, stage]);

  useEffect(() => {
    let live = true;
    void app.store.getArticles(hits.map((h) => h.id)).then((list) => live && setFound({ for: asked, list }));
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
  // Highlighting every card is the costly part of a render: only when the results change.
  const cards = useMemo(
    () =>
      results.map((a) => {
        const card = toCard(a, snap.feedInfo, s, textOnly ? dl.stored : undefined);
        return (
          <ArticleCard
            key={a.id}
            {...card}
            title={<Highlighted parts={highlight(displayTitle(a, s), found.for)} />}
            summary={a.summary && <Highlighted parts={highlight(a.summary, found.for)} />}
          />
        );
      }),
    [found, snap.feedInfo, s, textOnly, dl.stored],
  );
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
      {!build.ready && (
        <p class="loading" role="status">
          {s.searchPreparing(build.done, build.total)}
        </p>
      )}
      {found.for.trim() && (build.ready || results.length > 0) && (
        <p class="search-count" role="status">
          {results.length === 0 ? s.searchNone(found.for.trim()) : s.searchCount(results.length)}
        </p>
      )}
      {!query.trim() && <p class="help">{s.searchHint}</p>}
      {results.length > 0 && <ul class="cards">{cards}</ul>}
    </>
  );
}
