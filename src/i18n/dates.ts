/** Dates in Vietnam time (Asia/Ho_Chi_Minh, UTC+7 with no DST), whatever the phone's zone. */
import { VIETNAM_OFFSET_MS } from '../shared/constants';

const pad = (n: number) => String(n).padStart(2, '0');

function vietnamParts(ms: number) {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    mo: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
    s: pad(d.getUTCSeconds()),
  };
}

/** `07:23 30/01/2024`: the portal's own way of writing a time. */
export function formatVietnamTime(ms: number): string {
  const p = vietnamParts(ms);
  return `${p.h}:${p.mi} ${p.d}/${p.mo}/${p.y}`;
}

/** `30/01/2024` */
export function formatVietnamDate(ms: number): string {
  const p = vietnamParts(ms);
  return `${p.d}/${p.mo}/${p.y}`;
}

/** RFC 3339 in Vietnam time, for `<time datetime>`: `2024-01-30T07:23:00+07:00`. */
export function toVietnamIso(ms: number): string {
  const p = vietnamParts(ms);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}+07:00`;
}
