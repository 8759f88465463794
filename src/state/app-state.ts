/** createAppState(): the app's one state object, created once, shared through context. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEFAULT_SETTINGS, ReaderStore, type DataMode, type Settings } from '../db';
import { isFeedError, type FeedErrorReason } from '../feed/feed-error';
import type { FeedInfo } from '../feed/types';
import { formatBytes, readLang, stringsFor, type Lang } from '../i18n';
import { syncOnce, type SyncOutcome } from '../sync/sync';
import { loadConfig } from './config';
import { createDownloads, resumeInterrupted, type Downloads } from './downloads';
import { requestPersistence } from './persist';
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
  settings: Settings;
}

export interface AppState {
  store: ReaderStore;
  state: Observable<AppSnapshot>;
  downloads: Downloads;
  /** Saves an article for offline reading (or forgets that), and fetches its bytes. */
  setSaved(id: string, saved: boolean): Promise<void>;
  setDataMode(mode: DataMode): Promise<void>;
  setBudget(bytes: number): Promise<void>;
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
    settings: DEFAULT_SETTINGS,
  });
  const downloads = createDownloads(store, (bytes) => {
    const s = stringsFor(state.get().lang);
    return confirm(s.confirmLargeDownload(formatBytes(bytes, state.get().lang)));
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
      if (outcome.kind === 'updated') void downloads.planAndRun();
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
    const [feedState, settings] = await Promise.all([store.getFeedState(), store.getSettings()]);
    state.set({ settings });
    if (feedState) state.set({ feedInfo: feedState.info, checkedAt: feedState.checkedAt });
    await resumeInterrupted(store);
    await downloads.refresh();
  }

  async function setSaved(id: string, saved: boolean): Promise<void> {
    await store.setSaved(id, saved);
    state.set({ dataVersion: state.get().dataVersion + 1 });
    if (saved) {
      void requestPersistence();
      await downloads.planAndRun();
    }
  }

  async function changeSettings(patch: Partial<Omit<Settings, 'key'>>): Promise<void> {
    state.set({ settings: await store.putSettings(patch) });
    void downloads.run();
  }

  function start(): void {
    addEventListener('online', () => {
      state.set({ online: true });
      void refresh();
      void downloads.run();
    });
    // Installing is a moment the reader has said the app matters: ask to keep its storage.
    addEventListener('appinstalled', () => void requestPersistence());
    addEventListener('offline', () => state.set({ online: false }));
    void loadStored()
      .catch((e: unknown) => console.error(e))
      .finally(() => {
        void refresh();
        void downloads.planAndRun();
      });
  }

  return {
    store,
    state,
    downloads,
    refresh,
    start,
    setSaved,
    setDataMode: (dataMode) => changeSettings({ dataMode }),
    setBudget: (budgetBytes) => changeSettings({ budgetBytes }),
  };
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

/** What is stored and downloading; re-renders on change. */
export function useDownloads() {
  return useObservable(useApp().downloads.state);
}
