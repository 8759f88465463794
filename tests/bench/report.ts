/** Small helpers for printing benchmark figures. */

export function stats(values: number[]): { median: number; p95: number } {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number) => v[Math.min(v.length - 1, Math.floor(q * v.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** Prints a table: figure, measured, goal, pass/miss. */
export function report(title: string, rows: [string, string, string, string][]): void {
  const head: [string, string, string, string] = ['figure', 'measured', 'goal', 'result'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  console.log(`\n${title}\n${line(head)}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}\n${rows.map(line).join('\n')}\n`);
}
