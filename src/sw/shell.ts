/**
 * index.html as the worker serves it. Without the hints meant for a first visit (whoever the
 * worker serves has been here before), and for the home screen with the snapshot of its last
 * painted headlines (see src/pwa/snapshot.ts), so they show before any script runs. Only a
 * snapshot written by this same version is used.
 */
import { SNAPSHOT_CACHE, SNAPSHOT_ID, SNAPSHOT_KEY } from '../shared/constants';

const APP_DIV = '<div id="app"></div>';
const FIRST_VISIT_HINTS = /<link [^>]*data-first-visit[^>]*>\s*/g;

/** The precached index.html (`pending`) made ready to serve; undefined when it is not precached. */
export async function shellResponse(pending: Promise<Response | undefined>, home: boolean): Promise<Response | undefined> {
  const [shell, snap] = await Promise.all([pending, home ? readSnapshot() : undefined]);
  if (!shell) return undefined;
  let html = (await shell.text()).replace(FIRST_VISIT_HINTS, '');
  if (snap) {
    const a = snap.attrs;
    // Replacer functions: the snapshot's text may hold `$&` or `$'`, which a replacement string would expand.
    html = html
      .replace('<html lang="vi">', () => `<html lang="${a.lang || 'vi'}"${a.theme ? ` data-theme="${a.theme}"` : ''}${a.textSize ? ` data-text-size="${a.textSize}"` : ''}>`)
      .replace(APP_DIV, () => `<div id="${SNAPSHOT_ID}">${snap.body}</div>${APP_DIV}`);
  }
  const headers = new Headers(shell.headers);
  headers.delete('Content-Length');
  return new Response(html, { status: shell.status, headers });
}

interface Snapshot {
  body: string;
  attrs: { lang?: string; theme?: string; textSize?: string };
}

async function readSnapshot(): Promise<Snapshot | undefined> {
  const res = await caches
    .open(SNAPSHOT_CACHE)
    .then((c) => c.match(SNAPSHOT_KEY))
    .catch(() => undefined);
  if (!res || res.headers.get('X-App-Version') !== __APP_VERSION__) return undefined;
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(decodeURIComponent(res.headers.get('X-Html-Attrs') ?? '{}')) as Record<string, unknown>;
  } catch {
    // unreadable: the defaults
  }
  // Only plain words go into the <html> tag.
  const word = (v: unknown) => (typeof v === 'string' && /^[a-z0-9-]{1,10}$/.test(v) ? v : undefined);
  return { body: await res.text(), attrs: { lang: word(raw.lang), theme: word(raw.theme), textSize: word(raw.textSize) } };
}

/** Stored articles changed behind the page's back: the next start renders from them, not from an old picture. */
export function dropSnapshot(): Promise<boolean> {
  return caches.delete(SNAPSHOT_CACHE).catch(() => false);
}
