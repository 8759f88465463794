import { formatVietnamTime, toVietnamIso } from '../i18n/dates';

/** A publication time in Vietnam time, machine-readable in `datetime`. */
export function TimeStamp({ ms, fallback }: { ms?: number; fallback: string }) {
  if (ms === undefined) return <span class="no-date">{fallback}</span>;
  return <time dateTime={toVietnamIso(ms)}>{formatVietnamTime(ms)}</time>;
}
