/** Fetches a feed body with a timeout, validators and a size limit. No DOM: runs in the worker too. */
import { deadline } from '../shared/deadline';
import { FEED_FETCH_TIMEOUT_MS, MAX_FEED_BYTES } from '../shared/constants';
import { FeedError } from './feed-error';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchFeedResult =
  | { status: 'not-modified' }
  | { status: 'ok'; text: string; url: string; etag?: string; lastModified?: string };

export interface FetchFeedOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The origin the app runs on; same-origin requests carry validators by hand. */
  origin?: string;
}

/**
 * GETs `url` conditionally. Same origin: If-None-Match / If-Modified-Since by hand, so the
 * server's 304 reaches us. Another origin: `cache: 'no-cache'` lets the browser revalidate
 * from its HTTP cache without a CORS preflight, and an unchanged exposed ETag means
 * "not modified" (see FEED.md).
 */
export async function fetchFeed(url: string, validators: Validators, opts: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const doFetch = opts.fetch ?? fetch;
  const time = deadline(opts.timeoutMs ?? FEED_FETCH_TIMEOUT_MS, opts.signal);
  try {
    const sameOrigin = opts.origin !== undefined && new URL(url).origin === opts.origin;
    const headers: Record<string, string> = { Accept: 'application/feed+json, application/json;q=0.9, */*;q=0.1' };
    if (sameOrigin && validators.etag) headers['If-None-Match'] = validators.etag;
    if (sameOrigin && validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    const res = await doFetch(url, {
      headers: sameOrigin ? headers : undefined,
      cache: sameOrigin ? 'no-store' : 'no-cache',
      credentials: 'omit',
      // The portal needs no Referer to answer; dropping it saves bytes on every check.
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      signal: time.signal,
    });
    if (res.status === 304) return { status: 'not-modified' };
    if (!res.ok) {
      void res.body?.cancel().catch(() => undefined);
      throw new FeedError('http', String(res.status), res.status);
    }
    const etag = res.headers.get('ETag') ?? undefined;
    const lastModified = res.headers.get('Last-Modified') ?? undefined;
    if (!sameOrigin && isSameVersion({ etag, lastModified }, validators)) {
      void res.body?.cancel().catch(() => undefined);
      return { status: 'not-modified' };
    }
    const text = await readLimited(res, MAX_FEED_BYTES);
    return { status: 'ok', text, url: res.url || url, etag, lastModified };
  } catch (e) {
    if (e instanceof FeedError) throw e;
    if (time.timedOut) throw new FeedError('timeout');
    if (opts.signal?.aborted) throw e;
    throw new FeedError('network', e instanceof Error ? e.message : String(e));
  } finally {
    time.dispose();
  }
}

function isSameVersion(now: Validators, before: Validators): boolean {
  if (now.etag && before.etag) return now.etag === before.etag;
  return !!now.lastModified && now.lastModified === before.lastModified;
}

/** Reads the body as UTF-8 text, refusing more than `max` bytes. */
async function readLimited(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('Content-Length'));
  // Content-Length counts encoded bytes; a compressed body can still grow past it, so keep counting.
  if (declared > max && !res.headers.get('Content-Encoding')) {
    void res.body?.cancel().catch(() => undefined);
    throw new FeedError('too-large', String(declared));
  }
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      throw new FeedError('too-large', String(size));
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
