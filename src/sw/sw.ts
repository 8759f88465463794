/// <reference lib="webworker" />
/** The service worker: precached shell, offline bytes, background checks, reader-led updates. */
import { FILE_ROUTE, PERIODIC_SYNC_TAG } from '../shared/constants';
import { isPageToWorker } from '../shared/messages';
import { isAppPath } from './app-paths';
import { checkInBackground, handlePush, openFromNotification, syncForPage } from './background-events';
import { Precache, type PrecacheEntry } from './precache';
import { shellResponse } from './shell';
import { serveFile, serveImage } from './stored-bytes';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** Periodic Background Sync is not in TypeScript's lib yet. */
interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// The build's files, by revision (injected at build time).
const shell = new Precache(self.__WB_MANIFEST);
const scopePath = new URL(self.registration.scope).pathname;
const indexUrl = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => event.waitUntil(shell.install()));

// First install: take the open page at once, so the first visit already works offline.
// Later versions wait for the reader's consent (SKIP_WAITING); the old shell goes when they activate.
self.addEventListener('activate', (event) => event.waitUntil(shell.cleanup().then(() => self.clients.claim())));

self.addEventListener('message', (event) => {
  const m = event.data;
  if (!isPageToWorker(m)) return;
  if (m.type === 'SKIP_WAITING') void self.skipWaiting();
  // The page's check, run here so fetching and parsing a big feed never block scrolling.
  else if (m.type === 'SYNC' && event.ports[0]) event.waitUntil(syncForPage(m.feedUrl, m.timeoutMs, event.ports[0]));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const ours = url.origin === self.location.origin;
  // Stored attachments open offline under their title.
  if (ours && url.pathname.startsWith(scopePath + FILE_ROUTE.slice(1))) return event.respondWith(serveFile(url, scopePath));
  // Deep links (/article/…, /category/…) open offline: every app navigation gets index.html.
  if (ours && request.mode === 'navigate' && isAppPath(url.pathname, scopePath)) {
    // The home screen comes with its last painted headlines, so they show before any script runs.
    return event.respondWith(shellResponse(shell.match(indexUrl), url.pathname === scopePath).then((r) => r ?? fetch(request)));
  }
  // The app's own files, from the precache.
  if (ours && shell.has(request.url)) return event.respondWith(shell.match(request.url).then((r) => r ?? fetch(request)));
  // Images of synced and saved articles come from IndexedDB, so they show with no network.
  if (request.destination === 'image') return event.respondWith(serveImage(request));
});

// Installed app on Chromium: the browser wakes us to check, with the page's own sync code.
self.addEventListener('periodicsync', (event) => {
  const e = event as PeriodicSyncEvent;
  if (e.tag === PERIODIC_SYNC_TAG) e.waitUntil(checkInBackground());
});

// Web Push from the portal: check now; the payload alone still makes a useful notification.
self.addEventListener('push', (event) => event.waitUntil(handlePush(event.data)));

self.addEventListener('notificationclick', (event) => event.waitUntil(openFromNotification(event.notification)));
