/// <reference lib="webworker" />
/** The service worker: precached shell, offline bytes, background checks, reader-led updates. */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { FILE_ROUTE, PERIODIC_SYNC_TAG } from '../shared/constants';
import { isPageToWorker } from '../shared/messages';
import { isAppPath } from './app-paths';
import { checkInBackground, handlePush, openFromNotification } from './background-events';
import { serveFile, serveImage } from './stored-bytes';

declare const self: ServiceWorkerGlobalScope;

/** Periodic Background Sync is not in TypeScript's lib yet. */
interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// The build's files, revisioned; old caches go when a new version activates.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

const scopePath = new URL(self.registration.scope).pathname;

// Stored attachments open offline under their title (checked before the app-shell route).
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith(scopePath + FILE_ROUTE.slice(1)),
  ({ url }) => serveFile(url, scopePath),
);

// Images of synced and saved articles come from IndexedDB, so they show with no network.
registerRoute(({ request }) => request.destination === 'image', ({ request }) => serveImage(request));

// Deep links (/article/…, /category/…) open offline: every app navigation gets index.html.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin && isAppPath(url.pathname, scopePath),
  createHandlerBoundToURL('index.html'),
);

// First install: take the open page at once, so the first visit already works offline.
// Later versions wait for the reader's consent (SKIP_WAITING).
clientsClaim();

self.addEventListener('message', (event) => {
  if (isPageToWorker(event.data) && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Installed app on Chromium: the browser wakes us to check, with the page's own sync code.
self.addEventListener('periodicsync', (event) => {
  const e = event as PeriodicSyncEvent;
  if (e.tag === PERIODIC_SYNC_TAG) e.waitUntil(checkInBackground());
});

// Web Push from the portal: check now; the payload alone still makes a useful notification.
self.addEventListener('push', (event) => event.waitUntil(handlePush(event.data)));

self.addEventListener('notificationclick', (event) => event.waitUntil(openFromNotification(event.notification)));
