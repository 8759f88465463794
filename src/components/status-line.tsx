export interface StatusLineProps {
  /** What to say about freshness, e.g. "Cập nhật lúc 08:15 27/11/2026". */
  updated: string;
  /** Offline notice, when the phone (or the server) cannot be reached. */
  offline?: string;
  /** A message about the last check: progress, news, or what went wrong. */
  message?: string;
  isError: boolean;
  busy: boolean;
  refreshLabel: string;
  refreshText: string;
  onRefresh(): void;
}

/** When the feed was last updated, whether we are offline, and a refresh button. */
export function StatusLine(p: StatusLineProps) {
  return (
    <div class="status" role="status" aria-live="polite">
      <p class="status__text">
        <span class="status__updated">{p.updated}</span>
        {p.offline && <span class="status__offline">{p.offline}</span>}
        {p.message && <span class={p.isError ? 'status__error' : 'status__message'}>{p.message}</span>}
      </p>
      <button type="button" class="button status__refresh" onClick={p.onRefresh} disabled={p.busy} title={p.refreshLabel}>
        <span aria-hidden="true">↻</span> {p.refreshText}
      </button>
    </div>
  );
}
