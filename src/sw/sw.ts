/// <reference lib="webworker" />
/** The service worker: precached shell, app shell for every in-app navigation, reader-led updates. */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { isPageToWorker } from '../shared/messages';
import { isAppPath } from './app-paths';

declare const self: ServiceWorkerGlobalScope;

// The build's files, revisioned; old caches go when a new version activates.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links (/article/…, /category/…) open offline: every app navigation gets index.html.
const scopePath = new URL(self.registration.scope).pathname;
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
