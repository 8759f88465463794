/** The reader's display choices (text size, theme, language): kept in localStorage, applied before the first paint. */
import type { Lang } from '../i18n';

export const TEXT_SCALES = [0.9, 1, 1.15, 1.3, 1.5] as const;
export type Theme = 'system' | 'light' | 'dark';

export interface DisplayPrefs {
  /** Index into TEXT_SCALES. */
  textSize: number;
  theme: Theme;
  lang: Lang;
}

const KEY = 'display';
const DEFAULTS: DisplayPrefs = { textSize: 1, theme: 'system', lang: 'vi' };

export function readDisplayPrefs(): DisplayPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<DisplayPrefs>;
    return {
      textSize: Number.isInteger(raw.textSize) && raw.textSize! >= 0 && raw.textSize! < TEXT_SCALES.length ? raw.textSize! : DEFAULTS.textSize,
      theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'system',
      lang: raw.lang === 'en' ? 'en' : 'vi',
    };
  } catch {
    return DEFAULTS; // storage blocked or junk: the defaults
  }
}

export function saveDisplayPrefs(prefs: DisplayPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Private mode without storage: the choice lasts for this visit.
  }
  applyDisplayPrefs(prefs);
}

/** Sets the text scale, theme and language on <html>. */
export function applyDisplayPrefs(prefs: DisplayPrefs): void {
  const html = document.documentElement;
  html.style.setProperty('--text-scale', String(TEXT_SCALES[prefs.textSize]));
  if (prefs.theme === 'system') delete html.dataset.theme;
  else html.dataset.theme = prefs.theme;
  html.lang = prefs.lang;
}
