/**
 * An in-memory full-text index over stored articles, built for Vietnamese typing: folded
 * syllables (marks ignored), prefix matching on the word being typed, field weights, a bonus
 * when the reader typed the marks and they match exactly, a bonus for the whole phrase, then
 * recency. Every query word must match (AND).
 */
import { exactForm, fold, words } from './fold';

export interface SearchDoc {
  id: string;
  title?: string;
  summary?: string;
  body?: string;
  tags?: string[];
  authors?: string[];
  attachments?: string[];
  publishedMs?: number;
}

export type Field = 'title' | 'tags' | 'summary' | 'attachments' | 'authors' | 'body';

const FIELDS: readonly Field[] = ['title', 'tags', 'summary', 'attachments', 'authors', 'body'];
const WEIGHT: Record<Field, number> = { title: 8, tags: 5, summary: 3, attachments: 3, authors: 2, body: 1 };
const EXACT_BONUS = 4;
/** Index tokens for words as written (with marks) start with this; folded tokens never do. */
const EXACT = '=';
/** The fields the phrase bonus looks in (title, summary), as a field bitmask. */
const HEAD_FIELDS = (1 << FIELDS.indexOf('title')) | (1 << FIELDS.indexOf('summary'));
const PHRASE_BONUS = 10;
/** Body text indexed per article, in characters: enough for any news item, bounded for huge ones. */
export const MAX_BODY_CHARS = 20_000;

interface DocEntry {
  id: string;
  publishedMs: number;
  /** Folded title and summary, for the phrase bonus. */
  phraseText: string;
}

export interface SearchHit {
  id: string;
  score: number;
  publishedMs: number;
}

/** Where a token occurs: document slots in increasing order, and the fields (a bitmask) in each. */
interface Posting {
  slots: number[];
  masks: number[];
}

export class SearchIndex {
  /** folded token → where it occurs (slots of removed documents stay until the next compaction) */
  private postings = new Map<string, Posting>();
  private docs: (DocEntry | undefined)[] = [];
  private slots = new Map<string, number>();
  private sortedTokens: string[] | undefined;

  get size(): number {
    return this.slots.size;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  ids(): string[] {
    return [...this.slots.keys()];
  }

  /** Adds a document, or replaces the one with the same id. */
  add(doc: SearchDoc): void {
    this.remove(doc.id);
    const slot = this.docs.length;
    const seen = new Map<string, number>();
    for (let f = 0; f < FIELDS.length; f++) {
      const field = FIELDS[f]!;
      for (const w of words(fieldText(doc, field))) {
        const [t, e] = forms(w);
        seen.set(t, (seen.get(t) ?? 0) | (1 << f));
        // Words with marks are also indexed as written, for the bonus when the reader typed them so.
        if (e !== undefined) seen.set(e, 0);
      }
    }
    this.docs.push({
      id: doc.id,
      publishedMs: doc.publishedMs ?? 0,
      phraseText: ` ${words(fold(`${doc.title ?? ''} ${doc.summary ?? ''}`)).join(' ')} `,
    });
    this.post(slot, seen);
    this.slots.set(doc.id, slot);
  }

  /** Appends `slot` to each token's posting (slots only grow, so postings stay in order). */
  private post(slot: number, masks: Map<string, number>): void {
    for (const [t, mask] of masks) {
      let p = this.postings.get(t);
      if (!p) {
        p = { slots: [], masks: [] };
        this.postings.set(t, p);
        this.sortedTokens = undefined;
      }
      p.slots.push(slot);
      p.masks.push(mask);
    }
  }

  /** Takes a document out (evicted or deleted); its slot is skipped until the index compacts. */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.docs[slot] = undefined;
    this.slots.delete(id);
    if (this.docs.length > 64 && this.slots.size < this.docs.length / 2) this.compact();
  }

  /** Renumbers the live documents and rebuilds the postings without the removed ones. */
  private compact(): void {
    const old = this.postings;
    const live = this.docs.flatMap((d, slot) => (d ? [[slot, d] as const] : []));
    const renumber = new Map(live.map(([slot], i) => [slot, i]));
    this.postings = new Map();
    this.sortedTokens = undefined;
    this.docs = live.map(([, d]) => d);
    this.slots = new Map(this.docs.map((d, i) => [d!.id, i]));
    for (const [t, p] of old) {
      const next: Posting = { slots: [], masks: [] };
      for (let j = 0; j < p.slots.length; j++) {
        const slot = renumber.get(p.slots[j]!);
        if (slot === undefined) continue;
        next.slots.push(slot);
        next.masks.push(p.masks[j]!);
      }
      if (next.slots.length > 0) this.postings.set(t, next);
    }
  }

  /** Ranked hits: relevance first, then the newest. */
  search(query: string, limit = 50): SearchHit[] {
    const qWords = words(query);
    if (qWords.length === 0) return [];
    const folded = qWords.map(fold);
    // Each query word with the index tokens it may match (the last one, still being typed, as a prefix too).
    const terms = folded.map((w, i) => (i === folded.length - 1 ? this.withPrefix(w) : this.postings.has(w) ? [w] : []));
    if (terms.some((t) => t.length === 0)) return [];
    // One pass over each posting into a score per document slot; a slot keeps its sum only while
    // every query word has scored there (AND). Scores are kept doubled, so half weights stay whole.
    const n = this.docs.length;
    let total: Uint16Array | undefined;
    // How many query words each document has in its title or summary: the phrase bonus needs all.
    const inHead = new Uint8Array(n);
    for (let i = 0; i < terms.length; i++) {
      const best = new Uint16Array(n);
      const head = new Uint8Array(n);
      for (const t of terms[i]!) {
        const { slots, masks } = this.postings.get(t)!;
        // The word as typed counts fully; a longer word it begins counts half.
        const weight = t === folded[i] ? 2 : 1;
        for (let j = 0; j < slots.length; j++) {
          const sc = FIELD_SCORE[masks[j]!]! * weight;
          if (sc > best[slots[j]!]!) best[slots[j]!] = sc;
          if (masks[j]! & HEAD_FIELDS) head[slots[j]!] = 1;
        }
      }
      if (total) for (let k = 0; k < n; k++) total[k] = total[k]! > 0 && best[k]! > 0 ? total[k]! + best[k]! : 0;
      else total = best;
      for (let k = 0; k < n; k++) inHead[k]! += head[k]!;
    }
    const scores = total!;
    // Words typed with marks score more where the document has them exactly so.
    for (const w of qWords) {
      const e = exactForm(w);
      const exact = e !== fold(w) ? this.postings.get(EXACT + e) : undefined;
      if (exact) for (const slot of exact.slots) if (scores[slot]! > 0) scores[slot]! += EXACT_BONUS * 2;
    }
    // Score the best-matching documents first (a counting sort) and stop when not even the phrase
    // bonus can lift the rest into the best `limit`: a common word matches thousands.
    let most = 0;
    for (let i = 0; i < n; i++) if (scores[i]! > most) most = scores[i]!;
    const starts = new Uint32Array(most + 2);
    for (let i = 0; i < n; i++) if (scores[i]! > 0) starts[most - scores[i]! + 1]!++;
    for (let b = 1; b <= most + 1; b++) starts[b]! += starts[b - 1]!;
    const order = new Uint32Array(starts[most + 1]!);
    const fill = starts.slice();
    for (let i = 0; i < n; i++) if (scores[i]! > 0) order[fill[most - scores[i]!]!++] = i;
    const phrase = folded.length > 1 ? ` ${folded.join(' ')}` : undefined;
    const top = new TopK(limit);
    for (const slot of order) {
      const base = scores[slot]! / 2;
      if (top.full && base + (phrase ? PHRASE_BONUS : 0) < top.min) break;
      const doc = this.docs[slot];
      if (!doc) continue;
      const canPhrase = phrase !== undefined && inHead[slot] === terms.length;
      if (top.full && base + (canPhrase ? PHRASE_BONUS : 0) < top.min) continue;
      top.offer(canPhrase && doc.phraseText.includes(phrase) ? base + PHRASE_BONUS : base, doc.publishedMs, doc);
    }
    return top.sorted().map(({ score, doc }) => ({ id: doc.id, score, publishedMs: doc.publishedMs }));
  }

  private withPrefix(prefix: string): string[] {
    this.sortedTokens ??= [...this.postings.keys()].sort();
    const list = this.sortedTokens;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < list.length && list[i]!.startsWith(prefix) && out.length < 200; i++) out.push(list[i]!);
    return out;
  }
}

/**
 * A word's folded token and, when it has marks, its as-written token. Remembered: a language's
 * syllables are few (Vietnamese has some thousands), so folding is mostly a lookup.
 */
const formsOf = new Map<string, readonly [string, string | undefined]>();
function forms(w: string): readonly [string, string | undefined] {
  let f = formsOf.get(w);
  if (!f) {
    const t = fold(w);
    const e = exactForm(w);
    f = [t, e !== t ? EXACT + e : undefined];
    if (formsOf.size > 50_000) formsOf.clear();
    formsOf.set(w, f);
  }
  return f;
}

function fieldText(doc: SearchDoc, field: Field): string {
  switch (field) {
    case 'tags':
    case 'authors':
    case 'attachments':
      return (doc[field] ?? []).join(' ');
    case 'body':
      return (doc.body ?? '').slice(0, MAX_BODY_CHARS);
    default:
      return doc[field] ?? '';
  }
}

/** The best field a word occurs in decides its weight: one entry per field bitmask. */
const FIELD_SCORE: number[] = Array.from({ length: 1 << FIELDS.length }, (_, mask) => {
  let best = 0;
  for (let f = 0; f < FIELDS.length; f++) if (mask & (1 << f)) best = Math.max(best, WEIGHT[FIELDS[f]!]);
  return best;
});

/** The best k entries by score, then recency: a small min-heap. */
class TopK {
  private heap: { score: number; time: number; doc: DocEntry }[] = [];
  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The lowest score kept (meaningful once full). */
  get min(): number {
    return this.heap[0]?.score ?? 0;
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return a.score < b.score || (a.score === b.score && a.time < b.time);
  }

  private swap(i: number, j: number): void {
    [this.heap[i], this.heap[j]] = [this.heap[j]!, this.heap[i]!];
  }

  offer(score: number, time: number, doc: DocEntry): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push({ score, time, doc });
      for (let i = h.length - 1; i > 0 && this.less(i, (i - 1) >> 1); i = (i - 1) >> 1) this.swap(i, (i - 1) >> 1);
      return;
    }
    const min = h[0]!;
    if (score < min.score || (score === min.score && time <= min.time)) return;
    h[0] = { score, time, doc };
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(l, m)) m = l;
      if (r < h.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  sorted(): { score: number; doc: DocEntry }[] {
    return [...this.heap].sort((a, b) => b.score - a.score || b.time - a.time);
  }
}
