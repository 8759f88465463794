import { Link } from 'wouter-preact';
import { readNetworkFacts } from '../assets/policy';
import type { DataMode } from '../db';
import { formatBytes, stringsFor } from '../i18n';
import { LARGE_FILE_BYTES } from '../shared/constants';
import { useApp, useAppSnapshot } from '../state/app-state';

/** `/settings`: the reader's choices. */
export function SettingsRoute() {
  const app = useApp();
  const snap = useAppSnapshot();
  const s = stringsFor(snap.lang);
  const modes: [DataMode, string][] = [
    ['always', s.modeAlways],
    ['wifi', s.modeWifi],
    ['never', s.modeNever],
  ];
  return (
    <section class="settings">
      <h1 class="screen-title">{s.settingsTitle}</h1>
      <fieldset class="field">
        <legend>{s.dataModeTitle}</legend>
        {modes.map(([mode, label]) => (
          <label key={mode} class="choice">
            <input
              type="radio"
              name="data-mode"
              value={mode}
              checked={snap.settings.dataMode === mode}
              onChange={() => void app.setDataMode(mode)}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      {readNetworkFacts().saveData && <p class="warn">{s.saveDataNote}</p>}
      <p class="help">{s.largeFileNote(formatBytes(LARGE_FILE_BYTES, snap.lang))}</p>
      <p>
        <Link href="/storage">{s.storageTitle}</Link>
      </p>
      <h2>{s.notificationsTitle}</h2>
      {snap.permission === 'granted' ? (
        <p class="ok">{s.urgentEnabled}</p>
      ) : snap.permission === 'denied' ? (
        <p class="warn">{s.notificationsBlocked}</p>
      ) : snap.permission === 'unsupported' ? (
        <p class="help">{s.notificationsUnsupported}</p>
      ) : (
        <button type="button" class="button button--primary" onClick={() => void app.enableAlerts()}>
          {s.enableUrgent}
        </button>
      )}
      <label class="choice">
        <input type="checkbox" checked={snap.settings.notifyAll} onChange={(e) => void app.setNotifyAll((e.currentTarget as HTMLInputElement).checked)} />
        <span>{s.notifyAllLabel}</span>
      </label>
      <p class="help">{s.backgroundNote}</p>
    </section>
  );
}
