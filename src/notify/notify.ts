/** Which notifications new articles deserve, and showing them. No DOM: the worker uses it too. */
import type { StoredArticle } from '../db';

export interface NewsNotification {
  title: string;
  options: NotificationOptions & { data: { url: string } };
}

export interface NotifyStrings {
  urgentPrefix: string;
  newArticles(n: number): string;
}

const ICON = '/icons/icon-192.png';
const BODY_CHARS = 180;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The app address of an article, as notifications open it. */
export function articlePath(id: string): string {
  return `/article/${encodeURIComponent(id)}`;
}

/**
 * Urgent items: one notification each, always. Ordinary news: only when the reader asked, and
 * then one grouped notification for all of them.
 */
export function planNotifications(added: StoredArticle[], notifyAll: boolean, s: NotifyStrings): NewsNotification[] {
  const out: NewsNotification[] = [];
  const urgent = added.filter((a) => a.priority === 'urgent');
  for (const a of urgent) {
    out.push({
      title: `${s.urgentPrefix}: ${a.title ?? clip(a.summary ?? '', 80)}`,
      options: {
        body: clip(a.summary ?? a.contentText ?? '', BODY_CHARS),
        tag: `urgent:${a.id}`,
        requireInteraction: true,
        lang: a.language ?? 'vi',
        icon: ICON,
        badge: ICON,
        data: { url: articlePath(a.id) },
      },
    });
  }
  const normal = added.filter((a) => a.priority !== 'urgent');
  if (notifyAll && normal.length > 0) {
    const one = normal.length === 1 ? normal[0] : undefined;
    out.push({
      title: one?.title ?? s.newArticles(normal.length),
      options: {
        body: one ? clip(one.summary ?? '', BODY_CHARS) : normal.slice(0, 3).map((a) => `• ${clip(a.title ?? a.summary ?? '', 90)}`).join('\n'),
        tag: 'news',
        lang: 'vi',
        icon: ICON,
        badge: ICON,
        data: { url: one ? articlePath(one.id) : '/' },
      },
    });
  }
  return out;
}

export interface NotificationTarget {
  showNotification(title: string, options?: NotificationOptions): Promise<void>;
}

/** Shows what it can; a missing permission or an unsupported browser is not an error here. */
export async function showNotifications(target: NotificationTarget, list: NewsNotification[]): Promise<number> {
  let shown = 0;
  for (const n of list) {
    try {
      await target.showNotification(n.title, n.options);
      shown++;
    } catch {
      // Permission not granted (or revoked): nothing to show.
    }
  }
  return shown;
}
