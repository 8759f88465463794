import { Link } from 'wouter-preact';
import { readNetworkFacts } from '../assets/policy';
import type { DataMode } from '../db';
import { formatBytes, type Lang } from '../i18n';
import { screenStringsFor } from '../i18n/screens';
import { isInstalled } from '../pwa/install';
import { LARGE_FILE_BYTES } from '../shared/constants';
import { useApp, useAppSnapshot } from '../state/app-state';
import { TEXT_SIZE_COUNT, type Theme } from '../state/display';

/** `/settings`: the reader's choices: display, data, notifications, install. */
export default function SettingsRoute() {
  const app = useApp();
  const snap = useAppSnapshot();
  const s = screenStringsFor(snap.lang);
  const modes: [DataMode, string][] = [
    ['always', s.modeAlways],
    ['wifi', s.modeWifi],
    ['never', s.modeNever],
  ];
  const themes: Theme[] = ['system', 'light', 'dark'];
  const langs: [Lang, string][] = [
    ['vi', 'Tiếng Việt'],
    ['en', 'English'],
  ];
  return (
    <section class="settings">
      <h1 class="screen-title">{s.settingsTitle}</h1>

      <h2>{s.displayTitle}</h2>
      <fieldset class="field">
        <legend>{s.textSizeLabel}</legend>
        <div class="segmented">
          {Array.from({ length: TEXT_SIZE_COUNT }, (_, i) => (
            <label key={i} class="choice">
              <input type="radio" name="text-size" checked={snap.display.textSize === i} onChange={() => app.setDisplay({ textSize: i })} />
              <span>{s.textSizes[i]}</span>
            </label>
          ))}
        </div>
        <p class="help">{s.textSizeSample}</p>
      </fieldset>
      <fieldset class="field">
        <legend>{s.themeLabel}</legend>
        {themes.map((t) => (
          <label key={t} class="choice">
            <input type="radio" name="theme" checked={snap.display.theme === t} onChange={() => app.setDisplay({ theme: t })} />
            <span>{s.themes[t]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="field">
        <legend>{s.languageLabel}</legend>
        {langs.map(([lang, name]) => (
          <label key={lang} class="choice" lang={lang}>
            <input type="radio" name="lang" checked={snap.display.lang === lang} onChange={() => app.setDisplay({ lang })} />
            <span>{name}</span>
          </label>
        ))}
      </fieldset>

      <h2>{s.dataModeTitle}</h2>
      <fieldset class="field">
        <legend class="visually-hidden">{s.dataModeTitle}</legend>
        {modes.map(([mode, label]) => (
          <label key={mode} class="choice">
            <input type="radio" name="data-mode" value={mode} checked={snap.settings.dataMode === mode} onChange={() => void app.setDataMode(mode)} />
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

      <h2>{s.installTitle}</h2>
      {isInstalled() ? (
        <p class="ok">{s.installedNote}</p>
      ) : snap.install.kind === 'prompt' ? (
        <button type="button" class="button button--primary" onClick={() => void (snap.install.kind === 'prompt' && snap.install.install())}>
          {s.installButton}
        </button>
      ) : snap.install.kind === 'ios' ? (
        <p>{s.installIos}</p>
      ) : (
        <p class="help">{s.installHelp}</p>
      )}
    </section>
  );
}
