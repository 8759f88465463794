/** The app icon's badge: unread articles that arrived as news, where the browser supports it. */
import type { ReaderStore } from '../db';

export async function updateBadge(store: ReaderStore, nav: object): Promise<void> {
  const badge = nav as { setAppBadge?(n?: number): Promise<void>; clearAppBadge?(): Promise<void> };
  if (!badge.setAppBadge) return;
  const n = await store.countUnreadNews();
  await (n > 0 ? badge.setAppBadge(n) : badge.clearAppBadge?.())?.catch(() => undefined);
}
