/** Splits text into plain and matched parts for the reader's query, marks ignored. */
import { fold, foldWithMap, words } from './fold';

export interface Segment {
  text: string;
  match: boolean;
}

/** Marks every occurrence of a query word (the last one as a prefix) in `text`. */
export function highlight(text: string, query: string): Segment[] {
  const nfc = text.normalize('NFC');
  const qWords = words(query).map(fold).filter(Boolean);
  if (qWords.length === 0) return [{ text: nfc, match: false }];
  const { folded, map } = foldWithMap(nfc);
  const ranges: [number, number][] = [];
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let qi = 0; qi < qWords.length; qi++) {
    const q = qWords[qi]!;
    const whole = qi < qWords.length - 1;
    for (let at = folded.indexOf(q); at >= 0; at = folded.indexOf(q, at + 1)) {
      const end = at + q.length;
      if (isWordChar(folded[at - 1])) continue;
      if (whole && isWordChar(folded[end])) continue;
      ranges.push([map[at]!, map[end]!]);
    }
  }
  if (ranges.length === 0) return [{ text: nfc, match: false }];
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (e <= pos) continue;
    const start = Math.max(s, pos);
    if (start > pos) out.push({ text: nfc.slice(pos, start), match: false });
    out.push({ text: nfc.slice(start, e), match: true });
    pos = e;
  }
  if (pos < nfc.length) out.push({ text: nfc.slice(pos), match: false });
  return out;
}
