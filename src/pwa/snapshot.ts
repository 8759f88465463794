/**
 * The home screen as last painted, kept for the next cold start: the worker serves it inside
 * index.html, so the headlines show as soon as the HTML arrives, before any script runs. It is
 * our own rendered DOM serialized (text already escaped by Preact; no feed HTML on the home
 * screen), and the page's CSP still applies to it. The live app replaces it once its list is in.
 */
import { SNAPSHOT_CACHE, SNAPSHOT_ID, SNAPSHOT_KEY } from '../shared/constants';
import { whenIdle } from '../shared/idle';

/** Headlines kept: more than a tall phone shows at once; fewer nodes for the browser to lay out before the app takes over. */
const SNAPSHOT_CARDS = 10;

/** Parts of the home screen that belong to a moment, not to the list. */
const TRANSIENT = '.new-banner, .install-card, .notice, .update-prompt, .loading';

let timer: ReturnType<typeof setTimeout> | undefined;

/** Saves the home screen soon, once the phone is idle; later calls replace earlier ones. */
export function saveSnapshot(): void {
  clearTimeout(timer);
  // Only a head start: if storage refuses it (full, or private mode), the next start renders as before.
  timer = setTimeout(() => whenIdle(() => void write().catch(() => undefined)), 500);
}

async function write(): Promise<void> {
  const app = document.getElementById('app');
  if (!app || document.getElementById(SNAPSHOT_ID) || !document.querySelector('#app .cards')) return;
  const copy = app.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll(TRANSIENT)) el.remove();
  for (const el of copy.querySelectorAll(`.cards > li:nth-child(n + ${SNAPSHOT_CARDS + 1})`)) el.remove();
  // Ids stay unique while both copies are in the page, and the page's one h1 stays the live app's
  // (hidden until it takes over); the picture's heading keeps its look and its role.
  for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
  for (const h of copy.querySelectorAll('h1')) {
    const heading = document.createElement('div');
    heading.className = h.className;
    heading.setAttribute('role', 'heading');
    heading.setAttribute('aria-level', '1');
    heading.append(...h.childNodes);
    h.replaceWith(heading);
  }
  const html = document.documentElement;
  const attrs = { lang: html.lang, theme: html.dataset.theme ?? '', textSize: html.dataset.textSize ?? '' };
  const cache = await caches.open(SNAPSHOT_CACHE);
  await cache.put(
    SNAPSHOT_KEY,
    new Response(copy.innerHTML, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-App-Version': __APP_VERSION__, 'X-Html-Attrs': encodeURIComponent(JSON.stringify(attrs)) },
    }),
  );
}
