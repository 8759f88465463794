/** createAppState(): the app's one state object, created once, shared through context. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ReaderStore } from '../db';
import { isFeedError, type FeedErrorReason } from '../feed/feed-error';
import type { FeedInfo } from '../feed/types';
import { readLang, type Lang } from '../i18n';
import { syncOnce, type SyncOutcome } from '../sync/sync';
import { loadConfig } from './config';
import { Observable, useObservable } from './store';

export type SyncStatus = 'idle' | 'checking' | 'up-to-date' | 'updated' | 'error';

export interface AppSnapshot {
  lang: Lang;
  online: boolean;
  status: SyncStatus;
  error?: { reason: FeedErrorReason | 'unknown'; status?: number };
  /** Last time the feed answered, ms. */
  checkedAt?: number;
  feedInfo?: FeedInfo;
  /** Bumped whenever stored articles change, so lists reload. */
  dataVersion: number;
  lastOutcome?: SyncOutcome;
}

export interface AppState {
  store: ReaderStore;
  state: Observable<AppSnapshot>;
  /** Loads config (or its stored copy) and checks the feed once. */
  refresh(): Promise<void>;
  /** Reads what is stored, then starts the first check; call once. */
  start(): void;
}

export function createAppState(store = new ReaderStore()): AppState {
  const state = new Observable<AppSnapshot>({
    lang: readLang(),
    online: navigator.onLine,
    status: 'idle',
    dataVersion: 0,
  });

  async function refresh(): Promise<void> {
    if (state.get().status === 'checking') return;
    state.set({ status: 'checking', error: undefined });
    try {
      const config = await loadConfig(store);
      const outcome = await syncOnce(config.feedUrl, { store, origin: location.origin });
      const feedState = await store.getFeedState();
      state.set({
        status: outcome.kind === 'updated' && outcome.added.length + outcome.updated.length > 0 ? 'updated' : 'up-to-date',
        checkedAt: outcome.checkedAt,
        feedInfo: feedState?.info ?? state.get().feedInfo,
        lastOutcome: outcome,
        dataVersion: state.get().dataVersion + (outcome.kind === 'updated' ? 1 : 0),
      });
    } catch (e) {
      if (!isFeedError(e)) console.error(e);
      state.set({
        status: 'error',
        error: isFeedError(e) ? { reason: e.reason, status: e.status } : { reason: 'unknown' },
        online: navigator.onLine,
      });
    }
  }

  async function loadStored(): Promise<void> {
    const feedState = await store.getFeedState();
    if (feedState) state.set({ feedInfo: feedState.info, checkedAt: feedState.checkedAt });
  }

  function start(): void {
    addEventListener('online', () => {
      state.set({ online: true });
      void refresh();
    });
    addEventListener('offline', () => state.set({ online: false }));
    void loadStored().finally(() => void refresh());
  }

  return { store, state, refresh, start };
}

export const AppStateContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const app = useContext(AppStateContext);
  if (!app) throw new Error('AppStateContext missing');
  return app;
}

/** The current snapshot; re-renders on change. */
export function useAppSnapshot(): AppSnapshot {
  return useObservable(useApp().state);
}
