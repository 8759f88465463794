/** Answers from IndexedDB: stored images for <img>, stored attachments under FILE_ROUTE. */
import { ReaderStore } from '../db';
import { FILE_ROUTE } from '../shared/constants';

const store = new ReaderStore();

async function storedAsset(url: string) {
  try {
    return await store.getAsset(url);
  } catch {
    return undefined; // storage unreadable: fall back to the network
  }
}

/** An image: the stored bytes when we have them (offline or not: it saves data), else the network. */
export async function serveImage(request: Request): Promise<Response> {
  const asset = await storedAsset(request.url);
  if (!asset) return fetch(request);
  return new Response(asset.blob, { headers: { 'Content-Type': asset.type, 'Content-Length': String(asset.bytes) } });
}

/**
 * `/_files/<encodeURIComponent(url)>?name=<file name>`: the exact stored bytes, opened inline
 * (a PDF in the browser's viewer) and saved under the attachment's title. Not stored: the
 * original address.
 */
export async function serveFile(url: URL, scopePath: string): Promise<Response> {
  const target = safeDecode(url.pathname.slice(scopePath.length - 1 + FILE_ROUTE.length));
  const asset = await storedAsset(target);
  if (!asset) return Response.redirect(target, 302);
  const name = url.searchParams.get('name') || target.split('/').pop() || 'tep';
  const headers: Record<string, string> = {
    'Content-Type': asset.type,
    'Content-Length': String(asset.bytes),
    'Content-Disposition': `inline; filename="${asciiName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
  };
  // A stored file is data, never a page of ours: one that could hold script opens sandboxed.
  // (Not for PDFs: Chromium's viewer refuses sandboxed documents.)
  if (/html|xml|svg/.test(asset.type)) headers['Content-Security-Policy'] = "sandbox; default-src 'none'";
  return new Response(asset.blob, { headers });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The plain-ASCII fallback file name for old browsers: diacritics dropped, đ as d. */
function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
}
