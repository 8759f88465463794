/**
 * Checking the feed from the page: the scheduler's check, and what happens when news arrives.
 * Loaded after the first screen is painted (src/state/app-state.ts); on a first visit index.html
 * hints it early, since the list waits for the first check.
 */
import type { ReaderStore } from '../db';
import { isFeedError } from '../feed/feed-error';
import { stringsFor } from '../i18n';
import { planNotifications } from '../notify/notify';
import { updateBadge } from '../pwa/badge';
import { showFromPage } from '../pwa/notifications';
import { createScheduler, type CheckResult, type Trigger } from '../sync/schedule';
import { syncPreferringWorker } from '../sync/via-worker';
import type { AppSnapshot } from './app-state';
import { loadConfig, readOptions, type ConfigOptions } from './config';
import type { Downloads } from './downloads-state';
import type { Observable } from './store';

export interface CheckDeps {
  store: ReaderStore;
  state: Observable<AppSnapshot>;
  downloads: Downloads;
  /** Lists (and the open article) re-read what is stored; `lists` false keeps lists as they are. */
  bump(lists: boolean): void;
  /** The options config.json set, read by the scheduler and the worker registration. */
  options: { current: ConfigOptions };
}

export interface Checks {
  trigger(why: Trigger): Promise<void>;
  /** New articles: shown at once when the reader asked (or nothing was there), else behind the banner. */
  arrived(added: string[], reveal: boolean): Promise<void>;
}

export function createChecks({ store, state, downloads, bump, options }: CheckDeps): Checks {
  async function arrived(added: string[], reveal: boolean): Promise<void> {
    if (added.length === 0) return;
    if (reveal) state.set({ pendingNew: [] });
    else state.set({ pendingNew: [...new Set([...state.get().pendingNew, ...added])] });
    bump(reveal);
    await updateBadge(store, navigator);
    // Reading hundreds of new articles back costs the main thread: only when a notification can show.
    if (state.get().permission !== 'granted') return;
    const articles = await store.getArticles(added);
    const s = stringsFor(state.get().lang);
    await showFromPage(planNotifications(articles, state.get().settings.notifyAll, { urgentPrefix: s.notifyUrgent, newArticles: s.notifyNewArticles }));
  }

  async function check(trigger: Trigger): Promise<CheckResult> {
    state.set({ status: 'checking', error: undefined });
    try {
      const [config, before] = await Promise.all([loadConfig(store), store.getFeedState()]);
      options.current = readOptions(config.raw, config.feedUrl);
      const outcome = await syncPreferringWorker(config.feedUrl, store, options.current.fetchTimeoutMs);
      const changed = outcome.kind === 'updated' && outcome.added.length + outcome.updated.length > 0;
      // What arrived is counted in (lists, open article) before the status says the check is over.
      if (outcome.kind === 'updated') {
        if (outcome.added.length > 0) await arrived(outcome.added, before === undefined || trigger === 'manual');
        else if (outcome.updated.length > 0) bump(true);
      }
      const feedState = await store.getFeedState();
      state.set({
        status: changed ? 'updated' : 'up-to-date',
        checkedAt: outcome.checkedAt,
        feedInfo: feedState?.info ?? state.get().feedInfo,
        lastOutcome: outcome,
        online: true,
      });
      if (outcome.kind === 'updated') void downloads.planAndRun();
      return 'ok';
    } catch (e) {
      if (!isFeedError(e)) console.error(e);
      state.set({
        status: 'error',
        error: isFeedError(e) ? { reason: e.reason, status: e.status } : { reason: 'unknown' },
        online: navigator.onLine,
      });
      return 'failed';
    }
  }

  const scheduler = createScheduler({ check, intervalMs: () => options.current.checkIntervalMs });
  return { trigger: (why) => scheduler.trigger(why), arrived };
}
