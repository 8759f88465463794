/**
 * Page side of the service worker: registration, the reader's choice to update, and periodic
 * background sync. The page reloads only after the new worker controls it, once.
 */
import type { Workbox } from 'workbox-window';
import { PERIODIC_SYNC_TAG } from '../shared/constants';
import { isWorkerToPage, type WorkerToPage } from '../shared/messages';

export interface WorkerHooks {
  /** A new version is waiting; call `apply` when the reader accepts it. */
  onNeedRefresh(apply: () => void): void;
  /** A background check in the worker stored new articles. */
  onMessage(message: WorkerToPage): void;
}

let wb: Workbox | undefined;

interface TrustedTypePolicyFactoryLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

/**
 * The worker's address. Under the CSP's `require-trusted-types-for 'script'`, registering a
 * worker needs a TrustedScriptURL: this policy vouches for our own sw.js and nothing else.
 */
function workerScriptUrl(): string {
  const url = `${import.meta.env.BASE_URL}sw.js`;
  const tt = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  if (!tt) return url;
  const policy = tt.createPolicy('app-sw', {
    createScriptURL(u) {
      if (u !== url) throw new TypeError(`Not the app's worker: ${u}`);
      return u;
    },
  });
  return policy.createScriptURL(url) as string;
}

/** Registers the worker (it takes control on first install, so the first visit works offline after). */
export async function registerServiceWorker(hooks: WorkerHooks): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (e) => {
    if (isWorkerToPage(e.data)) hooks.onMessage(e.data);
  });
  const { Workbox } = await import('workbox-window');
  wb = new Workbox(workerScriptUrl(), { scope: import.meta.env.BASE_URL });
  let reloading = false;
  const offerUpdate = () =>
    hooks.onNeedRefresh(() => {
      // Reload exactly once, after the waiting worker has taken control.
      wb?.addEventListener('controlling', () => {
        if (reloading) return;
        reloading = true;
        location.reload();
      });
      wb?.messageSkipWaiting();
    });
  // 'waiting' fires for an update found now and for one left waiting by an earlier visit.
  wb.addEventListener('waiting', offerUpdate);
  try {
    await wb.register();
  } catch (e) {
    console.error('Service worker registration failed', e);
  }
}

/** Looks for a new version of the app (the browser also does on navigations). */
export async function checkForAppUpdate(): Promise<void> {
  await wb?.update().catch(() => undefined);
}

interface PeriodicSyncManager {
  register(tag: string, options?: { minInterval: number }): Promise<void>;
}

/** Periodic Background Sync where the browser offers it (installed PWA on Chromium). */
export async function registerPeriodicCheck(minIntervalMs: number): Promise<boolean> {
  try {
    const status = await navigator.permissions?.query({ name: 'periodic-background-sync' as PermissionName });
    if (status?.state !== 'granted') return false;
    const reg = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager };
    if (!reg.periodicSync) return false;
    await reg.periodicSync.register(PERIODIC_SYNC_TAG, { minInterval: minIntervalMs });
    return true;
  } catch {
    return false; // not supported, or refused: foreground checks still run
  }
}
