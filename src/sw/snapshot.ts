/**
 * Cold start: index.html with the home screen as the page last painted it (see src/pwa/snapshot.ts),
 * so the headlines show before any script runs. Only a snapshot written by this same version is used.
 */
import { SNAPSHOT_CACHE, SNAPSHOT_ID, SNAPSHOT_KEY } from '../shared/constants';

const APP_DIV = '<div id="app"></div>';

/** The shell with the snapshot inside, or the shell as it is. */
export async function withSnapshot(shell: Response): Promise<Response> {
  const snap = await caches
    .open(SNAPSHOT_CACHE)
    .then((c) => c.match(SNAPSHOT_KEY))
    .catch(() => undefined);
  if (!snap || snap.headers.get('X-App-Version') !== __APP_VERSION__) return shell;
  const [page, body] = await Promise.all([shell.text(), snap.text()]);
  let attrs: { lang?: unknown; theme?: unknown; textSize?: unknown } = {};
  try {
    attrs = JSON.parse(decodeURIComponent(snap.headers.get('X-Html-Attrs') ?? '{}')) as typeof attrs;
  } catch {
    // unreadable: the defaults
  }
  const word = (v: unknown) => (typeof v === 'string' && /^[a-z0-9-]{1,10}$/.test(v) ? v : '');
  const lang = word(attrs.lang) || 'vi';
  const theme = word(attrs.theme);
  const size = word(attrs.textSize);
  const html = page
    .replace('<html lang="vi">', `<html lang="${lang}"${theme ? ` data-theme="${theme}"` : ''}${size ? ` data-text-size="${size}"` : ''}>`)
    .replace(APP_DIV, `<div id="${SNAPSHOT_ID}">${body}</div>${APP_DIV}`);
  const headers = new Headers(shell.headers);
  headers.delete('Content-Length');
  return new Response(html, { status: shell.status, headers });
}

/** Stored articles changed behind the page's back: the next start renders from them, not from an old picture. */
export function dropSnapshot(): Promise<boolean> {
  return caches.delete(SNAPSHOT_CACHE).catch(() => false);
}
