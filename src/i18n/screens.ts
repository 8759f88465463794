/** Strings of the screens loaded on demand, merged with the core ones: imported only by those screens. */
import { stringsFor, type Lang, type Strings } from './index';
import { screensEn } from './screens-en';
import { screensVi, type ScreenStrings } from './screens-vi';

export type AllStrings = Strings & ScreenStrings;

export function screenStringsFor(lang: Lang): AllStrings {
  return { ...stringsFor(lang), ...(lang === 'en' ? screensEn : screensVi) };
}
