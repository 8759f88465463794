/// <reference lib="webworker" />
/** The service worker: precached shell, app shell for every in-app navigation, reader-led updates. */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { FILE_ROUTE } from '../shared/constants';
import { isPageToWorker } from '../shared/messages';
import { isAppPath } from './app-paths';
import { serveFile, serveImage } from './stored-bytes';

declare const self: ServiceWorkerGlobalScope;

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
