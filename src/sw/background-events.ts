/** Periodic sync, push and notification taps: the worker's side of "feels like push". */
import { ReaderStore } from '../db';
import { articlePath } from '../notify/notify';
import { isFeedError } from '../feed/feed-error';
import type { SyncReply, WorkerToPage } from '../shared/messages';
import { backgroundCheck } from '../sync/background';
import { syncOnce } from '../sync/sync';
import { dropSnapshot } from './shell';

declare const self: ServiceWorkerGlobalScope;

const store = new ReaderStore();

/** Runs the page's sync here, notifies, and tells open pages what arrived. */
export async function checkInBackground(): Promise<string[]> {
  const result = await backgroundCheck({
    store,
    origin: self.location.origin,
    notifications: self.registration,
    nav: self.navigator,
  });
  if (result.added.length > 0) {
    await dropSnapshot();
    const message: WorkerToPage = { type: 'SYNCED', added: result.added.map((a) => a.id) };
    for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
  }
  return result.notified;
}

/** Runs the page's sync here and answers on `port`: the outcome, or why it failed. */
export async function syncForPage(feedUrl: string, timeoutMs: number, port: MessagePort): Promise<void> {
  let reply: SyncReply;
  try {
    const outcome = await syncOnce(feedUrl, { store, origin: self.location.origin, timeoutMs });
    // Before the page hears of it, so the page's fresh snapshot is never the one dropped.
    if (outcome.kind === 'updated' && outcome.added.length + outcome.updated.length > 0) await dropSnapshot();
    reply = { ok: true, outcome };
  } catch (e) {
    reply = isFeedError(e) ? { ok: false, reason: e.reason, status: e.status } : { ok: false, reason: 'unknown' };
  }
  port.postMessage(reply);
}

/** What a push may carry: enough to say something useful even if fetching the article fails. */
interface PushPayload {
  id?: string;
  title?: string;
  summary?: string;
  url?: string;
}

function readPayload(data: PushMessageData | null): PushPayload {
  if (!data) return {};
  try {
    const json: unknown = data.json();
    if (typeof json !== 'object' || json === null) return {};
    const p = json as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 300) : undefined);
    return { id: str(p.id), title: str(p.title), summary: str(p.summary), url: str(p.url) };
  } catch {
    return { title: data.text().slice(0, 300) || undefined };
  }
}

/** A push: check the feed; if the pushed urgent item did not notify through the sync, notify from the payload. */
export async function handlePush(data: PushMessageData | null): Promise<void> {
  const payload = readPayload(data);
  const notified = await checkInBackground().catch(() => [] as string[]);
  if (!payload.title || (payload.id && notified.includes(payload.id))) return;
  await self.registration
    .showNotification(`Tin khẩn: ${payload.title}`, {
      body: payload.summary ?? '',
      tag: payload.id ? `urgent:${payload.id}` : 'push',
      requireInteraction: true,
      lang: 'vi',
      icon: '/icons/icon-192.png',
      data: { url: payload.id ? articlePath(payload.id) : '/' },
    })
    .catch(() => undefined);
}

/** A tap on a notification opens its article, in an open window when there is one. */
export async function openFromNotification(notification: Notification): Promise<void> {
  notification.close();
  const path = (notification.data as { url?: unknown } | null)?.url;
  const target = new URL(typeof path === 'string' && path.startsWith('/') ? path : '/', self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((c) => new URL(c.url).origin === self.location.origin);
  if (open) {
    await open.focus();
    await open.navigate(target).catch(() => undefined);
    return;
  }
  await self.clients.openWindow(target);
}
