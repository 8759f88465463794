/** Fetches one image or attachment and checks it is whole before anyone stores it. No DOM. */
import { deadline } from '../shared/deadline';
import { DOWNLOAD_TIMEOUT_MS, MAX_ATTACHMENT_BYTES, MAX_IMAGE_BYTES } from '../shared/constants';
import type { AssetKind, DownloadFailure } from '../db/schema';

/** A download that must not be stored, with why. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly reason: DownloadFailure,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export interface DownloadRequest {
  url: string;
  kind: AssetKind;
  declaredBytes?: number;
  expectedType?: string;
}

export interface DownloadOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?(received: number, total: number | undefined): void;
}

export interface Downloaded {
  blob: Blob;
  type: string;
  bytes: number;
}

/**
 * GETs the bytes. Refused (DownloadError) when the status is not 200, the body is cut short of
 * Content-Length or of the feed's size_in_bytes, the type is wrong (an HTML page instead of a
 * PDF), or it passes the named size limit.
 */
export async function downloadAsset(req: DownloadRequest, opts: DownloadOptions = {}): Promise<Downloaded> {
  const doFetch = opts.fetch ?? fetch;
  const limit = req.kind === 'image' ? MAX_IMAGE_BYTES : MAX_ATTACHMENT_BYTES;
  if (req.declaredBytes !== undefined && req.declaredBytes > limit) throw new DownloadError('too-large');
  const time = deadline(opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS, opts.signal);
  try {
    const res = await doFetch(req.url, { mode: 'cors', credentials: 'omit', signal: time.signal });
    if (res.status !== 200) {
      void res.body?.cancel().catch(() => undefined);
      throw new DownloadError('http', String(res.status));
    }
    const type = (res.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!typeMatches(req, type)) {
      void res.body?.cancel().catch(() => undefined);
      throw new DownloadError('wrong-type', type || 'none');
    }
    const encoded = res.headers.get('Content-Encoding');
    const length = encoded ? undefined : numberOrUndefined(res.headers.get('Content-Length'));
    if (length !== undefined && length > limit) throw new DownloadError('too-large');
    const total = length ?? req.declaredBytes;
    const chunks: Uint8Array[] = [];
    let received = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        if (received > limit) {
          void reader.cancel().catch(() => undefined);
          throw new DownloadError('too-large');
        }
        opts.onProgress?.(received, total);
      }
    }
    if (length !== undefined && received < length) throw new DownloadError('truncated', `${received}/${length}`);
    if (req.declaredBytes !== undefined && req.kind === 'file' && received !== req.declaredBytes) {
      throw new DownloadError('truncated', `${received}/${req.declaredBytes} announced`);
    }
    if (received === 0) throw new DownloadError('truncated', 'empty');
    const storedType = type || req.expectedType || 'application/octet-stream';
    return { blob: new Blob(chunks as BlobPart[], { type: storedType }), type: storedType, bytes: received };
  } catch (e) {
    if (e instanceof DownloadError) throw e;
    if (time.timedOut) throw new DownloadError('timeout');
    if (opts.signal?.aborted) throw e;
    // A connection cut mid-body surfaces here as a TypeError: the bytes are incomplete.
    throw new DownloadError('network', e instanceof Error ? e.message : String(e));
  } finally {
    time.dispose();
  }
}

function numberOrUndefined(v: string | null): number | undefined {
  const n = v === null ? NaN : Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Types servers commonly send for the same file. */
const ALIASES: Record<string, string[]> = {
  'application/pdf': ['application/x-pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['application/zip'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['application/zip'],
};

/**
 * An image must be served as image/*. A file must come back with the type the feed announced
 * (or a known alias, or an untyped octet-stream), so a login page or an error document is refused.
 */
function typeMatches(req: DownloadRequest, type: string): boolean {
  if (req.kind === 'image') return type.startsWith('image/');
  const expected = req.expectedType;
  if (!expected || expected === 'application/octet-stream') return type !== 'text/html';
  if (!type || type === 'application/octet-stream' || type === expected) return true;
  if (ALIASES[expected]?.includes(type)) return true;
  // image/png announced, image/jpeg served: still the right kind of file.
  return !expected.startsWith('application/') && !expected.startsWith('text/') && type.split('/')[0] === expected.split('/')[0];
}
