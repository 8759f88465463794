/** One Chromium per test file; after each test its context closes and its servers stop (a true offline). */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import type { TestServer } from './http-server';

export interface BrowserSuite {
  browser: Browser;
  context?: BrowserContext;
  servers: TestServer[];
}

export function browserSuite(): BrowserSuite {
  const suite = { servers: [] as TestServer[] } as BrowserSuite;
  beforeAll(async () => {
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
  });
  afterEach(async () => {
    await suite.context?.close();
    suite.context = undefined;
    for (const s of suite.servers) await s.stop();
    suite.servers = [];
  });
  return suite;
}
