/**
 * The page's search index: built once from IndexedDB on first use, newest articles first, then
 * kept in step with it. While it builds, the screen searches what is indexed so far.
 */
import type { ReaderStore, StoreChange } from '../db';
import { toSearchDoc } from './documents';
import { SearchIndex } from './search-index';

/** The screen hears of progress after the first this many articles, then at most once per PROGRESS_MS. */
const FIRST_PROGRESS = 100;
const PROGRESS_MS = 750;

export interface IndexBuild {
  index: SearchIndex;
  /** Articles indexed so far, and how many are stored. */
  done: number;
  total: number;
  /** Every stored article is in (and changes since the start are replayed). */
  ready: boolean;
  /** Calls `listener` as the index grows and when it is ready; returns a function that stops it. */
  watch(listener: () => void): () => void;
}

const builds = new WeakMap<ReaderStore, IndexBuild>();

/** The index over every stored article, building or built; follows syncs (add, update) and evictions. */
export function liveIndex(store: ReaderStore): IndexBuild {
  let build = builds.get(store);
  if (!build) {
    build = start(store);
    builds.set(store, build);
  }
  return build;
}

function start(store: ReaderStore): IndexBuild {
  const listeners = new Set<() => void>();
  const tell = () => listeners.forEach((l) => l());
  const build: IndexBuild = {
    index: new SearchIndex(),
    done: 0,
    total: 0,
    ready: false,
    watch(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  // Changes that land while the index is being built are replayed after it.
  const pending: StoreChange[] = [];
  store.onChange((change) => {
    if (build.ready) void apply(store, build.index, change);
    else pending.push(change);
  });
  void (async () => {
    build.total = await store.countArticles();
    // Each telling makes the screen search again and show what it found: not too often.
    let told = Infinity;
    await store.forEachArticle((a) => {
      build.index.add(toSearchDoc(a));
      if (++build.done === FIRST_PROGRESS || (build.done > FIRST_PROGRESS && performance.now() - told > PROGRESS_MS)) {
        told = performance.now();
        tell();
      }
    });
    for (const change of pending) await apply(store, build.index, change);
  })()
    .catch((e: unknown) => console.error(e))
    .finally(() => {
      build.ready = true;
      tell();
    });
  return build;
}

async function apply(store: ReaderStore, index: SearchIndex, change: StoreChange): Promise<void> {
  if (change.type === 'superseded') return;
  if (change.type === 'written') {
    for (const a of await store.getArticles(change.ids)) index.add(toSearchDoc(a));
    return;
  }
  const live = new Set(await store.articleIds());
  for (const id of index.ids()) if (!live.has(id)) index.remove(id);
}
