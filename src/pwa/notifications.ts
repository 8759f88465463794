/** Asking for notifications (only after the reader's tap) and subscribing to the portal's push. */
import type { NewsNotification } from '../notify/notify';
import { showNotifications } from '../notify/notify';

export type Permission = 'granted' | 'denied' | 'default' | 'unsupported';

export function notificationPermission(): Permission {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

export interface PushConfig {
  endpoint: string;
  vapidPublicKey: string;
}

/** The reader tapped "Nhận thông báo khẩn": ask, then subscribe to push when the portal offers it. */
export async function enableAlerts(push: PushConfig | undefined): Promise<Permission> {
  if (!('Notification' in window)) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission === 'granted' && push) await subscribePush(push).catch((e: unknown) => console.error('push', e));
  return permission;
}

async function subscribePush(push: PushConfig): Promise<void> {
  const reg = await navigator.serviceWorker.ready;
  if (!reg.pushManager) return;
  const subscription =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(push.vapidPublicKey) }));
  await fetch(push.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(subscription.toJSON()),
  });
}

function base64UrlToBytes(s: string): Uint8Array<ArrayBuffer> {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=');
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Shows notifications through the worker's registration (so taps reach it). */
export async function showFromPage(list: NewsNotification[]): Promise<void> {
  if (list.length === 0 || notificationPermission() !== 'granted' || !('serviceWorker' in navigator)) return;
  await showNotifications(await navigator.serviceWorker.ready, list);
}
