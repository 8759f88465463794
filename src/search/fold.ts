/**
 * Vietnamese folding: tone and vowel marks dropped, đ as d, lower case, after Unicode
 * normalization, so `yen bai` finds `Yên Bái` and NFC and NFD text behave the same.
 */

const MARKS = /[\u0300-\u036f]/g;

/** Folds one string: NFD, marks removed, đ→d, lower case. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Lower case NFC: the form in which "typed with marks" is compared exactly. */
export function exactForm(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words (Vietnamese syllables, numbers) of NFC text. */
export function words(s: string): string[] {
  return s.normalize('NFC').match(WORD) ?? [];
}

/**
 * Folds `text` character by character, keeping where each folded character came from, so a
 * match found in folded text can be highlighted in the original.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  const nfc = text.normalize('NFC');
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < nfc.length; ) {
    const cp = nfc.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(nfc.length);
  return { folded, map };
}
