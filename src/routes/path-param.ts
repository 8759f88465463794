/**
 * The rest of the address after `prefix`, decoded exactly once. wouter hands params through
 * decodeURI, which would decode twice an id that contains `%`; the raw pathname does not.
 */
export function pathParam(prefix: string): string {
  const path = location.pathname;
  const raw = path.startsWith(prefix) ? path.slice(prefix.length) : '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
