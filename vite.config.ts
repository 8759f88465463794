import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
/** Shown in the footer; a deployment (or a test) may tag its build with APP_BUILD_ID. */
const appVersion = process.env.APP_BUILD_ID ? `${pkg.version}+${process.env.APP_BUILD_ID}` : pkg.version;

/**
 * The worker is a classic script (Safari and Firefox cannot run module workers everywhere), but
 * Vite's helper for dynamic imports mentions `import.meta`, a syntax error there. Inlined dynamic
 * imports never use it in the worker, so it is rewritten to something a classic script parses.
 */
function classicWorkerSafe(): Plugin {
  return {
    name: 'classic-worker-safe',
    renderChunk(code) {
      if (!code.includes('import.meta')) return null;
      return code.replace(/import\.meta\.resolve/g, 'undefined').replace(/import\.meta\.url/g, 'self.location.href');
    },
  };
}

/**
 * A first visit has nothing stored: the list waits for config.json, the check code and then the
 * feed. Hints in index.html fetch config.json and the check code together with the first screen's
 * code, instead of one round trip after another. (A returning reader's list comes from IndexedDB
 * and needs none of it; from the precache the hints cost nothing.)
 */
function preloadFirstCheck(): Plugin {
  // The first check's code (src/state/checks.ts imports the rest) and the module that writes the feed.
  const CHECK_MODULES = [/src\/state\/checks\.ts$/, /src\/db\/write\.ts$/];
  let base = '/';
  return {
    name: 'preload-first-check',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        const byName = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const files = new Set<string>();
        const visit = (name: string) => {
          const chunk = byName.get(name);
          if (!chunk || files.has(name) || chunk.name === 'app' || chunk.isEntry) return;
          files.add(name);
          chunk.imports.forEach(visit);
        };
        for (const chunk of byName.values()) if (chunk.moduleIds.some((id) => CHECK_MODULES.some((re) => re.test(id)))) visit(chunk.fileName);
        // Marked, so the worker can take them out of the shell it serves (no first visit then): see src/sw/shell.ts.
        return [
          { tag: 'link', attrs: { rel: 'preload', href: `${base}config.json`, as: 'fetch', crossorigin: 'anonymous', 'data-first-visit': true }, injectTo: 'head' },
          ...[...files].map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `${base}${f}`, 'data-first-visit': true },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/** Modules the home list needs before it can paint. */
const FIRST_SCREEN = [
  /node_modules\/(preact|wouter-preact|regexparam|idb)\//,
  /src\/(main|app)\.tsx$/,
  /src\/state\/(app-state|store|display|downloads-state|articles|persist)\.ts$/,
  /src\/db\/(index|open|articles|schema|tx)\.ts$/,
  /src\/(feed\/feed-error|shared\/constants|shared\/idle|i18n\/index|i18n\/vi|i18n\/dates|notify\/strings|pwa\/install)\.ts$/,
  /src\/routes\/(home|category|list-screen|present|status|not-found|lazy)\.tsx?$/,
  /src\/components\/(article-card|category-nav|layout|status-line|notice|update-prompt|install-card|time-stamp)\.tsx$/,
];

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json: the byte budget test follows the entry's static imports through it.
    manifest: true,
    rollupOptions: {
      output: {
        // What the home list needs travels as one file (one request, one gzip stream);
        // everything else stays in the chunks the screens load on demand.
        manualChunks(id: string) {
          return FIRST_SCREEN.some((re) => re.test(id)) ? 'app' : undefined;
        },
      },
    },
  },
  preview: {
    port: 4173,
  },
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // `npm run bench`: figures printed, never asserted; not part of `npm test`.
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Real Chromium against the built app (`vite build` first); one file at a time on 2 cores.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts', 'tests/build/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
  plugins: [
    preloadFirstCheck(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        buildPlugins: { vite: [classicWorkerSafe()] },
        // The shell only: the sample feed and its media are data, stored by the app itself.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        globIgnores: ['sample/**', 'config.json', 'screenshots/**'],
      },
      manifest: {
        id: '/',
        name: 'Tin Tỉnh – đọc tin cổng thông tin điện tử, cả khi mất mạng',
        short_name: 'Tin Tỉnh',
        description: 'Đọc tin tức, văn bản và cảnh báo thiên tai của cổng thông tin điện tử tỉnh, cả khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#a31d1d',
        background_color: '#ffffff',
        categories: ['news', 'government'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        screenshots: [
          { src: 'screenshots/home-narrow.png', sizes: '360x740', type: 'image/png', form_factor: 'narrow', label: 'Danh sách tin mới nhất, tin khẩn ở đầu' },
          { src: 'screenshots/article-narrow.png', sizes: '360x740', type: 'image/png', form_factor: 'narrow', label: 'Một bài viết đọc được cả khi không có mạng' },
          { src: 'screenshots/home-wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: 'Tin mới nhất trên màn hình rộng' },
        ],
        shortcuts: [
          { name: 'Bài đã lưu', short_name: 'Đã lưu', url: '/saved', icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
          { name: 'Tìm kiếm', short_name: 'Tìm kiếm', url: '/search', icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
        ],
      },
    }),
  ],
});
