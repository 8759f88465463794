/** Small readers that turn untrusted JSON values into clean ones, or undefined. */
import { MAX_SHORT_TEXT_CHARS, MAX_URL_CHARS } from '../shared/constants';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A trimmed, NFC-normalized string cut to `max` characters, or undefined when empty. */
export function readText(v: unknown, max = MAX_SHORT_TEXT_CHARS): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.normalize('NFC').trim();
  if (!s) return undefined;
  return s.length > max ? s.slice(0, max) : s;
}

/** An http(s) URL resolved against `base`, or undefined for anything else (javascript:, data:, junk). */
export function readUrl(v: unknown, base: string): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (!s || s.length > MAX_URL_CHARS) return undefined;
  let url: URL;
  try {
    url = new URL(s, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch for a valid RFC 3339 timestamp, else undefined. */
export function readDate(v: unknown): number | undefined {
  if (typeof v !== 'string' || v.length > 64) return undefined;
  const m = RFC3339.exec(v.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return undefined;
  const offH = Number(oh ?? 0);
  const offM = Number(om ?? 0);
  if (offH > 23 || offM > 59) return undefined;
  const base = Date.UTC(Number(y), month - 1, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 February over into March: reject days the month does not have.
  if (new Date(base).getUTCDate() !== day) return undefined;
  const offsetMs = (offH * 60 + offM) * 60_000 * (sign === '-' ? -1 : 1);
  const ms = base - offsetMs + (frac ? Math.round(Number(frac) * 1000) : 0);
  return Number.isFinite(ms) ? ms : undefined;
}

/** A string id, or a finite number coerced to one; undefined otherwise. */
export function readId(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.normalize('NFC').trim();
  return s && s.length <= MAX_URL_CHARS ? s : undefined;
}

/** A non-negative finite integer (byte sizes), else undefined. */
export function readSize(v: unknown): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return undefined;
  return Math.floor(v);
}
