/** Exact byte figures of the build, from Vite's manifest: what the first screen needs, and the worker. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface Budget {
  files: string[];
  gzipBytes: number;
  rawBytes: number;
}

export const gzip9 = (b: Buffer) => gzipSync(b, { level: 9 }).length;

/** The entry chunk and everything it imports statically: the JS that must arrive before the home list shows. */
export function firstScreenJs(dist: string): Budget {
  const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)!;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  visit(entry[0]);
  const files = [...seen].map((k) => manifest[k]!.file);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const f of files) {
    const b = readFileSync(`${dist}/${f}`);
    rawBytes += b.length;
    gzipBytes += gzip9(b);
  }
  return { files, gzipBytes, rawBytes };
}

export function workerBytes(dist: string): { rawBytes: number; gzipBytes: number } {
  const b = readFileSync(`${dist}/sw.js`);
  return { rawBytes: b.length, gzipBytes: gzip9(b) };
}
