/** Page side of the service worker: registration, and the reader's choice to update. */
import { registerSW } from 'virtual:pwa-register';

export interface UpdateHooks {
  /** A new version is waiting; call the returned function when the reader accepts it. */
  onNeedRefresh(apply: () => void): void;
}

/** Registers the worker (it takes control on first install, so the first visit works offline after). */
export function registerServiceWorker(hooks?: UpdateHooks): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      hooks?.onNeedRefresh(() => void update(true));
    },
    onRegisterError(e: unknown) {
      console.error('Service worker registration failed', e);
    },
  });
}
