import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { type StaticServer, startStaticServer } from '../../scripts/serve-site.mjs';
import { type launchChromium, launchChromiumOrReason } from './chromium.ts';

/** The built site served on localhost and a Chromium to open it, for one browser test file. */
export interface BuiltSite {
  /** The server's base URL (no trailing slash). */
  readonly url: string;
  /** The browser context the tests open their pages in. */
  readonly context: BrowserContext;
}

/**
 * Registers the file's hooks: serve `distDir` with the cross-origin isolation headers and
 * start Chromium before the tests, close both after. When Chromium cannot start, every test
 * fails with the one-line reason (a failing `beforeAll` would report them as skipped).
 */
export function useBuiltSite(distDir: string): BuiltSite {
  let server: StaticServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let failure: string | undefined;
  beforeAll(async () => {
    server = await startStaticServer(distDir);
    const started = await launchChromiumOrReason(inject('chromiumPath'), inject('chromiumFailure'));
    if ('browser' in started) browser = started.browser;
    else failure = started.reason;
  });
  beforeEach(() => {
    if (failure) throw new Error(failure);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('the site is served only while the tests run');
      return server.url;
    },
    get context() {
      if (!browser) throw new Error(failure ?? 'Chromium runs only while the tests run');
      return browser.context;
    },
  };
}
