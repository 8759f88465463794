/** Small helpers for printing benchmark figures. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Row = [figure: string, measured: string, goal: string, result: string];

/** Every table printed is also kept here, for the one summary `npm run bench` ends with (tests/bench/summary.mjs). */
const RESULTS_DIR = fileURLToPath(new URL('../../.bench/', import.meta.url));

export function stats(values: number[]): { median: number; p95: number } {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => v[Math.min(v.length - 1, Math.floor(q * v.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** Prints a table: figure, measured, goal, pass/miss. */
export function report(title: string, rows: Row[]): void {
  console.log(`\n${title}\n${table(rows)}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  appendFileSync(`${RESULTS_DIR}results.jsonl`, `${JSON.stringify({ title, rows })}\n`);
}

export function table(rows: Row[]): string {
  const head: Row = ['figure', 'measured', 'goal', 'result'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  return `${line(head)}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}\n${rows.map(line).join('\n')}`;
}
