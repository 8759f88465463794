import { useEffect, useState } from 'preact/hooks';
import type { Usage } from '../db';
import { totalBytes } from '../db';
import { formatBytes } from '../i18n';
import { screenStringsFor } from '../i18n/screens';
import { AUTO_IMAGE_ARTICLES } from '../shared/constants';
import { useApp, useAppSnapshot, useDownloads } from '../state/app-state';
import { readStorageFacts, requestPersistence, type StorageFacts } from '../state/persist';

const BUDGETS_MB = [50, 100, 200, 500, 1000, 2000];

/** `/storage`: what is stored by kind (the app's own counts), the browser's view, the budget, and buttons to free space. */
export default function StorageRoute() {
  const app = useApp();
  const snap = useAppSnapshot();
  const dl = useDownloads();
  const s = screenStringsFor(snap.lang);
  const fmt = (n: number) => formatBytes(n, snap.lang);
  const [usage, setUsage] = useState<Usage | undefined>();
  const [facts, setFacts] = useState<StorageFacts | undefined>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all([app.store.usage(), readStorageFacts()])
      .then(([u, f]) => live && (setUsage(u), setFacts(f)))
      .catch((e: unknown) => console.error(e));
    return () => {
      live = false;
    };
  }, [app.store, snap.dataVersion, dl.stored, message]);

  async function free(action: () => Promise<number>) {
    setBusy(true);
    try {
      const freed = await action();
      await app.downloads.refresh();
      const st = app.state.get();
      app.state.set({ dataVersion: st.dataVersion + 1, listVersion: st.listVersion + 1 });
      setMessage(s.freed(fmt(freed)));
    } finally {
      setBusy(false);
    }
  }

  const budgetMb = Math.round(snap.settings.budgetBytes / 1024 / 1024);
  const budgets = BUDGETS_MB.includes(budgetMb) ? BUDGETS_MB : [...BUDGETS_MB, budgetMb].sort((a, b) => a - b);
  return (
    <section class="settings">
      <h1 class="screen-title">{s.storageTitle}</h1>
      {usage && (
        <table class="usage">
          <tbody>
            <tr>
              <th scope="row">{s.usageArticles}</th>
              <td data-kind="articles">{fmt(usage.articles)}</td>
            </tr>
            <tr>
              <th scope="row">{s.usageImages}</th>
              <td data-kind="images">{fmt(usage.images)}</td>
            </tr>
            <tr>
              <th scope="row">{s.usageFiles}</th>
              <td data-kind="files">{fmt(usage.files)}</td>
            </tr>
            <tr class="usage__total">
              <th scope="row">{s.usageTotal}</th>
              <td data-kind="total">
                {fmt(totalBytes(usage))} / {fmt(snap.settings.budgetBytes)}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {facts && (
        <>
          <p>{facts.usage !== undefined && facts.quota !== undefined ? s.browserEstimate(fmt(facts.usage), fmt(facts.quota)) : s.estimateUnknown}</p>
          <p class={facts.persisted ? 'ok' : 'warn'}>{facts.persisted ? s.persisted : s.notPersisted}</p>
          {!facts.persisted && (
            <button type="button" class="button" onClick={() => void requestPersistence().then(() => setMessage(' '))}>
              {s.askPersist}
            </button>
          )}
        </>
      )}
      <label class="field">
        <span>{s.budgetTitle}</span>
        <select
          value={String(budgetMb)}
          onChange={(e) => void app.setBudget(Number((e.currentTarget as HTMLSelectElement).value) * 1024 * 1024)}
        >
          {budgets.map((mb) => (
            <option key={mb} value={String(mb)}>
              {fmt(mb * 1024 * 1024)}
            </option>
          ))}
        </select>
      </label>
      <p class="help">{s.budgetHelp}</p>
      <p class="help">{s.protectedNote}</p>
      <div class="button-row">
        <button type="button" class="button" disabled={busy} onClick={() => void free(() => app.store.freeUnprotectedBytes())}>
          {s.freeBytes}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void free(() => app.store.deleteOlderThan(AUTO_IMAGE_ARTICLES))}>
          {s.freeOld}
        </button>
      </div>
      {message.trim() && (
        <p class="status__message" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
