import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
/** Shown in the footer; a deployment (or a test) may tag its build with APP_BUILD_ID. */
const appVersion = process.env.APP_BUILD_ID ? `${pkg.version}+${process.env.APP_BUILD_ID}` : pkg.version;

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    target: 'es2020',
    sourcemap: false,
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
        test: { name: 'bench', include: ['tests/bench/**/*.bench.ts'], environment: 'node', testTimeout: 600_000 },
      },
      {
        // Real Chromium against the built app (`vite build` first); one file at a time on 2 cores.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
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
