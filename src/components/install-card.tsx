/** Offers installing to the home screen: the browser's prompt, or how to on iOS Safari. */
export function InstallCard(p: { text: string; button?: string; laterLabel: string; onInstall?(): void; onLater(): void }) {
  return (
    <aside class="install-card" aria-label={p.button ?? p.text}>
      <p>{p.text}</p>
      <div class="button-row button-row--inline">
        {p.button && p.onInstall && (
          <button type="button" class="button button--primary" onClick={p.onInstall}>
            {p.button}
          </button>
        )}
        <button type="button" class="button" onClick={p.onLater}>
          {p.laterLabel}
        </button>
      </div>
    </aside>
  );
}
