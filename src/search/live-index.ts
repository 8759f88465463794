/** The page's search index: built once from IndexedDB on first use, then kept in step with it. */
import type { ReaderStore } from '../db';
import { toSearchDoc } from './documents';
import { SearchIndex } from './search-index';

const built = new WeakMap<ReaderStore, Promise<SearchIndex>>();

/** The index over every stored article; follows syncs (add, update) and evictions. */
export function liveIndex(store: ReaderStore): Promise<SearchIndex> {
  let index = built.get(store);
  if (!index) {
    index = build(store);
    built.set(store, index);
  }
  return index;
}

async function build(store: ReaderStore): Promise<SearchIndex> {
  const index = new SearchIndex();
  // Changes that land while the index is being built are replayed after it.
  const pending: Parameters<Parameters<ReaderStore['onChange']>[0]>[0][] = [];
  let ready = false;
  store.onChange((change) => {
    if (ready) void apply(store, index, change);
    else pending.push(change);
  });
  await store.forEachArticle((a) => index.add(toSearchDoc(a)));
  ready = true;
  for (const change of pending) await apply(store, index, change);
  return index;
}

async function apply(store: ReaderStore, index: SearchIndex, change: Parameters<Parameters<ReaderStore['onChange']>[0]>[0]): Promise<void> {
  if (change.type === 'superseded') return;
  if (change.type === 'written') {
    for (const a of await store.getArticles(change.ids)) index.add(toSearchDoc(a));
    return;
  }
  const live = new Set(await store.articleIds());
  for (const id of index.ids()) if (!live.has(id)) index.remove(id);
}
