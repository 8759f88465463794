// The last step of `npm run bench`: every figure with a goal, from all the benchmark files, in one table.
import { readFileSync } from 'node:fs';

const file = new URL('../../.bench/results.jsonl', import.meta.url);
const sections = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const rows = sections.flatMap(({ rows }) => rows.filter((r) => r[3] === 'pass' || r[3] === 'miss'));
const head = ['figure', 'measured', 'goal', 'result'];
const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(' │ ');
const misses = rows.filter((r) => r[3] === 'miss').length;
console.log(`\nSummary: ${rows.length - misses} pass, ${misses} miss (README "Performance" says why)\n${line(head)}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}\n${rows.map(line).join('\n')}\n`);
