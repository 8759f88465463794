/** The status line's words, from the app state. */
import { StatusLine } from '../components/status-line';
import { formatVietnamTime } from '../i18n/dates';
import { stringsFor } from '../i18n';
import { useApp, useAppSnapshot, type AppSnapshot } from '../state/app-state';
import type { Strings } from '../i18n';

export function AppStatus() {
  const app = useApp();
  const snap = useAppSnapshot();
  const s = stringsFor(snap.lang);
  const offline = !snap.online || snap.error?.reason === 'network';
  return (
    <StatusLine
      updated={snap.checkedAt === undefined ? s.neverUpdated : s.updatedAt(formatVietnamTime(snap.checkedAt))}
      offline={offline ? s.offline : undefined}
      message={statusMessage(snap, s, offline)}
      isError={snap.status === 'error'}
      busy={snap.status === 'checking'}
      refreshLabel={s.refreshLabel}
      refreshText={s.refresh}
      onRefresh={() => void app.refresh()}
    />
  );
}

function statusMessage(snap: AppSnapshot, s: Strings, offline: boolean): string | undefined {
  switch (snap.status) {
    case 'checking':
      return s.checking;
    case 'error': {
      if (offline) return undefined;
      const reason = snap.error?.reason ?? 'unknown';
      return reason === 'http' ? s.errors.http(snap.error?.status) : s.errors[reason];
    }
    case 'updated': {
      const o = snap.lastOutcome;
      const n = o?.kind === 'updated' ? o.added.length : 0;
      const skipped = o?.kind === 'updated' && o.skipped > 0 ? ` ${s.skippedItems(o.skipped)}` : '';
      return (n > 0 ? s.newArticles(n) : s.upToDate) + skipped;
    }
    case 'up-to-date':
      return s.upToDate;
    default:
      return undefined;
  }
}
