/**
 * An in-memory full-text index over stored articles, built for Vietnamese typing: folded
 * syllables (marks ignored), prefix matching on the word being typed, field weights, a bonus
 * when the reader typed the marks and they match exactly, a bonus for the whole phrase, then
 * recency. Every query word must match (AND).
 */
import { exactForm, fold, hasMarks, words } from './fold';

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
const PHRASE_BONUS = 10;
/** Body text indexed per article, in characters: enough for any news item, bounded for huge ones. */
export const MAX_BODY_CHARS = 20_000;

interface DocEntry {
  id: string;
  publishedMs: number;
  /** Folded title and summary, for the phrase bonus. */
  phraseText: string;
  /** Exact (NFC, lower case) words of the document, for the marks bonus. */
  exact: Set<string>;
  /** Folded tokens this document put in the index, to take them out again. */
  tokens: string[];
}

export interface SearchHit {
  id: string;
  score: number;
  publishedMs: number;
}

export class SearchIndex {
  /** folded token → doc slot → bitmask of fields it occurs in */
  private postings = new Map<string, Map<number, number>>();
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
    const exact = new Set<string>();
    const seen = new Map<string, number>();
    for (let f = 0; f < FIELDS.length; f++) {
      const field = FIELDS[f]!;
      for (const w of words(fieldText(doc, field))) {
        exact.add(exactForm(w));
        const t = fold(w);
        seen.set(t, (seen.get(t) ?? 0) | (1 << f));
      }
    }
    for (const [t, mask] of seen) {
      let list = this.postings.get(t);
      if (!list) {
        list = new Map();
        this.postings.set(t, list);
        this.sortedTokens = undefined;
      }
      list.set(slot, mask);
    }
    this.docs.push({
      id: doc.id,
      publishedMs: doc.publishedMs ?? 0,
      phraseText: ` ${words(fold(`${doc.title ?? ''} ${doc.summary ?? ''}`)).join(' ')} `,
      exact,
      tokens: [...seen.keys()],
    });
    this.slots.set(doc.id, slot);
  }

  /** Takes a document out (evicted or deleted). */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const doc = this.docs[slot]!;
    for (const t of doc.tokens) {
      const list = this.postings.get(t);
      list?.delete(slot);
      if (list && list.size === 0) {
        this.postings.delete(t);
        this.sortedTokens = undefined;
      }
    }
    this.docs[slot] = undefined;
    this.slots.delete(id);
  }

  /** Ranked hits: relevance first, then the newest. */
  search(query: string, limit = 50): SearchHit[] {
    const qWords = words(query);
    if (qWords.length === 0) return [];
    const folded = qWords.map(fold);
    // Each query word with the index tokens it may match (the last one, still being typed, as a prefix too).
    const terms = folded.map((w, i) => {
      const tokens = i === folded.length - 1 ? this.withPrefix(w) : this.postings.has(w) ? [w] : [];
      const lists = tokens.map((t) => ({ weight: t === w ? 1 : 0.5, list: this.postings.get(t)! }));
      return { lists, size: lists.reduce((n, l) => n + l.list.size, 0) };
    });
    if (terms.some((t) => t.size === 0)) return [];
    // Start from the rarest word; the others only confirm (or drop) its candidates.
    terms.sort((a, b) => a.size - b.size);
    let candidates = new Map<number, number>();
    for (const { weight, list } of terms[0]!.lists) {
      for (const [slot, mask] of list) {
        const sc = FIELD_SCORE[mask]! * weight;
        if (sc > (candidates.get(slot) ?? 0)) candidates.set(slot, sc);
      }
    }
    for (const term of terms.slice(1)) {
      const next = new Map<number, number>();
      for (const [slot, sc] of candidates) {
        let best = 0;
        for (const { weight, list } of term.lists) {
          const mask = list.get(slot);
          if (mask !== undefined) best = Math.max(best, FIELD_SCORE[mask]! * weight);
        }
        if (best > 0) next.set(slot, sc + best);
      }
      candidates = next;
      if (candidates.size === 0) return [];
    }
    const phrase = ` ${folded.join(' ')}`;
    const exactWanted = hasMarks(query) ? qWords.map(exactForm) : [];
    // Keep only the best `limit` while scoring: no sort over thousands of hits.
    const top = new TopK(limit);
    for (const [slot, base] of candidates) {
      const doc = this.docs[slot]!;
      let score = base;
      if (folded.length > 1 && doc.phraseText.includes(phrase)) score += PHRASE_BONUS;
      for (const w of exactWanted) if (doc.exact.has(w)) score += EXACT_BONUS;
      top.offer(score, doc.publishedMs, doc);
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
