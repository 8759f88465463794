/** createAppState(): the app's one state object, created once, shared through context. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEFAULT_SETTINGS, ReaderStore, type DataMode, type Settings } from '../db';
import type { FeedErrorReason } from '../feed/feed-error';
import type { FeedInfo } from '../feed/types';
import { formatBytes, loadStrings, stringsFor, type Lang } from '../i18n';
import { watchInstall, type InstallOffer } from '../pwa/install';
import type { Permission } from '../pwa/notifications';
import { CHECK_INTERVAL_MS, FEED_FETCH_TIMEOUT_MS } from '../shared/constants';
import type { Trigger } from '../sync/schedule';
import type { SyncOutcome } from '../sync/sync';
import type { Checks } from './checks';
import type { ConfigOptions } from './config';
import { applyDisplayPrefs, readDisplayPrefs, saveDisplayPrefs, type DisplayPrefs } from './display';
import { createDownloadsState, type Downloads } from './downloads-state';
import { requestPersistence } from './persist';
import { Observable, useObservable } from './store';

const loadWorker = () => import('../pwa/register');

export type SyncStatus = 'idle' | 'checking' | 'up-to-date' | 'updated' | 'error';

export interface AppSnapshot {
  lang: Lang;
  online: boolean;
  status: SyncStatus;
  error?: { reason: FeedErrorReason | 'unknown'; status?: number };
  /** Last time the feed answered, ms. */
  checkedAt?: number;
  feedInfo?: FeedInfo;
  /** Bumped whenever stored articles change, so open articles reload. */
  dataVersion: number;
  /** Bumped when lists may change under the reader: never while new articles wait behind the banner. */
  listVersion: number;
  /** New articles found by a check the reader did not ask for, waiting for "Có N bài mới". */
  pendingNew: string[];
  lastOutcome?: SyncOutcome;
  settings: Settings;
  permission: Permission;
  display: DisplayPrefs;
  install: InstallOffer;
  /** A newer version of the app took over the database in another tab: reload to continue. */
  superseded?: boolean;
  /** Set when a new version of the app waits; calling it updates (one reload). */
  applyUpdate?: () => void;
}

export interface AppState {
  store: ReaderStore;
  state: Observable<AppSnapshot>;
  downloads: Downloads;
  /** The reader's refresh button: checks now and shows what came. */
  refresh(): Promise<void>;
  /** Shows the articles behind the "Có N bài mới" banner. */
  revealNew(): void;
  /** Saves an article for offline reading (or forgets that), and fetches its bytes. */
  setSaved(id: string, saved: boolean): Promise<void>;
  markRead(id: string): Promise<void>;
  setDataMode(mode: DataMode): Promise<void>;
  setBudget(bytes: number): Promise<void>;
  setNotifyAll(on: boolean): Promise<void>;
  /** Text size, theme, language: remembered on this phone. */
  setDisplay(patch: Partial<DisplayPrefs>): void;
  /** "Nhận thông báo khẩn": asks permission (only now), subscribes to push, registers background checks. */
  enableAlerts(): Promise<Permission>;
  /** Reads what is stored, registers the worker, and starts the checks; call once. */
  start(): void;
  /** Settles when the first check is over (whatever it found). */
  readonly started: Promise<unknown>;
}

export function createAppState(store = new ReaderStore()): AppState {
  const display = readDisplayPrefs();
  applyDisplayPrefs(display);
  const state = new Observable<AppSnapshot>({
    lang: display.lang,
    display,
    install: { kind: 'none' },
    online: navigator.onLine,
    status: 'idle',
    dataVersion: 0,
    listVersion: 0,
    pendingNew: [],
    settings: DEFAULT_SETTINGS,
    permission: 'Notification' in window ? Notification.permission : 'unsupported',
  });
  if (display.lang !== 'vi') void loadStrings(display.lang).then(() => state.set({}));
  const confirmLarge = (bytes: number) => {
    const s = stringsFor(state.get().lang);
    return confirm(s.confirmLargeDownload(formatBytes(bytes, state.get().lang)));
  };
  const dlState = createDownloadsState();
  let manager: Promise<Downloads> | undefined;
  const downloadCode = () => (manager ??= import('./downloads').then((m) => m.createDownloads(store, confirmLarge, dlState)));
  const downloads: Downloads = {
    state: dlState,
    planAndRun: async () => (await downloadCode()).planAndRun(),
    run: async () => (await downloadCode()).run(),
    request: async (...args) => (await downloadCode()).request(...args),
    refresh: async () => (await downloadCode()).refresh(),
    clearNoRoom: () => dlState.set({ noRoom: 0 }),
  };
  // What config.json set; the checks replace it, the scheduler and the worker registration read it.
  const options: { current: ConfigOptions } = { current: { checkIntervalMs: CHECK_INTERVAL_MS, fetchTimeoutMs: FEED_FETCH_TIMEOUT_MS } };

  const bump = (lists: boolean) => {
    const s = state.get();
    state.set({ dataVersion: s.dataVersion + 1, listVersion: s.listVersion + (lists ? 1 : 0) });
  };

  // Checking, syncing and notifying load after the first screen is painted.
  let checks: Promise<Checks> | undefined;
  const checkCode = () => (checks ??= import('./checks').then((m) => m.createChecks({ store, state, downloads, bump, options })));
  const trigger = async (why: Trigger) => (await checkCode()).trigger(why);

  store.onChange((c) => {
    if (c.type === 'superseded') state.set({ superseded: true });
  });

  async function loadStored(): Promise<void> {
    const [feedState, settings] = await Promise.all([store.getFeedState(), store.getSettings()]);
    state.set({ settings });
    // A first visit has nothing to resume: the first check goes first, with the link to itself.
    if (!feedState) return;
    state.set({ feedInfo: feedState.info, checkedAt: feedState.checkedAt });
    // Beside the check, not before it: downloads a closed app left half-way start again.
    void store.requeueInterruptedDownloads().then(downloads.planAndRun);
  }

  async function changeSettings(patch: Partial<Omit<Settings, 'key'>>): Promise<void> {
    state.set({ settings: await store.putSettings(patch) });
    void downloads.run();
  }

  function start(): void {
    addEventListener('online', () => {
      state.set({ online: true });
      void trigger('online');
      void downloads.run();
    });
    addEventListener('offline', () => state.set({ online: false }));
    watchInstall((install) => state.set({ install }));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      void trigger('visible');
      void loadWorker().then((w) => w.checkForAppUpdate());
    });
    // Installing is a moment the reader has said the app matters: keep its storage.
    addEventListener('appinstalled', () => void requestPersistence());
    const registerWorker = () =>
      loadWorker().then((w) =>
        w.registerServiceWorker({
          onNeedRefresh: (apply) => state.set({ applyUpdate: apply }),
          onMessage: (m) => {
            store.notify({ type: 'written', ids: m.added });
            void checkCode()
              .then((c) => c.arrived(m.added, false))
              .then(() => downloads.refresh());
          },
        }).then(() => w.registerPeriodicCheck(options.current.checkIntervalMs)),
      );
    // Fetch the check code while IndexedDB opens (on a first visit it comes over the network).
    void checkCode();
    started = loadStored()
      .catch((e: unknown) => console.error(e))
      .then(() => trigger('start'));
    // The worker's install fetches the whole shell: after the first check (or 5 s), not competing with the feed.
    void Promise.race([started, new Promise((r) => setTimeout(r, 5000))]).then(registerWorker);
  }

  let started: Promise<unknown> = new Promise(() => undefined);
  return {
    store,
    state,
    downloads,
    start,
    get started() {
      return started;
    },
    refresh: () => trigger('manual'),
    revealNew() {
      state.set({ pendingNew: [] });
      bump(true);
    },
    async setSaved(id, saved) {
      await store.setSaved(id, saved);
      bump(false);
      if (saved) {
        void requestPersistence();
        await downloads.planAndRun();
      }
    },
    async markRead(id) {
      await store.markRead(id);
      await (await import('../pwa/badge')).updateBadge(store, navigator);
    },
    setDataMode: (dataMode) => changeSettings({ dataMode }),
    setBudget: (budgetBytes) => changeSettings({ budgetBytes }),
    setNotifyAll: (notifyAll) => changeSettings({ notifyAll }),
    setDisplay(patch) {
      const next = { ...state.get().display, ...patch };
      saveDisplayPrefs(next);
      void loadStrings(next.lang).then(() => state.set({ display: next, lang: next.lang }));
    },
    async enableAlerts() {
      const { enableAlerts } = await import('../pwa/notifications');
      const permission = await enableAlerts(options.current.push);
      state.set({ permission });
      if (permission === 'granted') await (await loadWorker()).registerPeriodicCheck(options.current.checkIntervalMs);
      return permission;
    },
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
