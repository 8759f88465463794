/**
 * A check without the page: the worker runs it on periodic sync and push. The very same sync
 * as the page, then notifications, the app badge and urgent downloads. No DOM.
 */
import { planDownloads, runDownloads } from '../assets/queue';
import { readNetworkFacts } from '../assets/policy';
import type { ReaderStore, StoredArticle } from '../db';
import { planNotifications, showNotifications, type NotificationTarget } from '../notify/notify';
import { NOTIFY_VI } from '../notify/strings';
import { updateBadge } from '../pwa/badge';
import { syncOnce } from './sync';

export interface BackgroundDeps {
  store: ReaderStore;
  origin: string;
  notifications: NotificationTarget;
  /** navigator (or the worker's): connection facts and the app badge. */
  nav: object;
}

export interface BackgroundResult {
  added: StoredArticle[];
  notified: string[];
}

/** Checks the feed with the stored config; never throws for feed problems (returns nothing new). */
export async function backgroundCheck(deps: BackgroundDeps): Promise<BackgroundResult> {
  const config = await deps.store.getConfig();
  if (!config) return { added: [], notified: [] };
  let added: StoredArticle[] = [];
  try {
    const outcome = await syncOnce(config.feedUrl, { store: deps.store, origin: deps.origin });
    if (outcome.kind === 'updated') added = await deps.store.getArticles(outcome.added);
  } catch {
    return { added: [], notified: [] };
  }
  const settings = await deps.store.getSettings();
  const plans = planNotifications(added, settings.notifyAll, NOTIFY_VI);
  await showNotifications(deps.notifications, plans);
  await updateBadge(deps.store, deps.nav);
  if (added.length > 0) {
    await planDownloads(deps.store);
    await runDownloads({ store: deps.store, network: () => readNetworkFacts(deps.nav) });
  }
  return { added, notified: added.filter((a) => a.priority === 'urgent').map((a) => a.id) };
}
