/** Which navigations are the app's own screens (served the app shell, offline too). */
const APP_PREFIXES = ['/article/', '/category/'];

/** True for `/`, the app's routes, and any other in-scope path that does not name a file. */
export function isAppPath(pathname: string, base = '/'): boolean {
  if (!pathname.startsWith(base)) return false;
  const path = '/' + pathname.slice(base.length);
  if (APP_PREFIXES.some((p) => path.startsWith(p))) return true;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}
