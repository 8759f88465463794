/** The reader's display choices (text size, theme, language): kept in localStorage, applied before the first paint. */
import type { Lang } from '../i18n';

/** How many text sizes the reader can pick from; their scales (0.9 to 1.5) are in styles.css under `data-text-size`. */
export const TEXT_SIZE_COUNT = 5;
export type Theme = 'system' | 'light' | 'dark';

export interface DisplayPrefs {
  /** 0 to TEXT_SIZE_COUNT - 1; 1 is the normal size. */
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
      textSize: Number.isInteger(raw.textSize) && raw.textSize! >= 0 && raw.textSize! < TEXT_SIZE_COUNT ? raw.textSize! : DEFAULTS.textSize,
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
  // An attribute, not an inline style: the worker writes it into the cold-start HTML, where the CSP allows no style="".
  html.dataset.textSize = String(prefs.textSize);
  if (prefs.theme === 'system') delete html.dataset.theme;
  else html.dataset.theme = prefs.theme;
  html.lang = prefs.lang;
}
