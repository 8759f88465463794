/** The interface language: Vietnamese first, English when the reader picked it. */
import { vi, type Strings } from './vi';

export type Lang = 'vi' | 'en';
export type { Strings };

/** The interface language the reader chose (Settings), Vietnamese by default. */
export function readLang(): Lang {
  try {
    return (JSON.parse(localStorage.getItem('display') ?? '{}') as { lang?: string }).lang === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage blocked: stay with the default
  }
}

let en: Strings | undefined;

/** Loads a language's strings (English is fetched only when the reader picks it). */
export async function loadStrings(lang: Lang): Promise<void> {
  if (lang === 'en' && !en) en = (await import('./en')).en;
}

/** The strings for `lang`; Vietnamese until English has loaded. */
export function stringsFor(lang: Lang): Strings {
  return lang === 'en' && en ? en : vi;
}

/** Human file size with a comma decimal in Vietnamese: `1,2 MB`. */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = u === 0 || v >= 100 ? 0 : 1;
  return `${v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits })} ${units[u]}`;
}
