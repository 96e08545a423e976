import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** The flags the docs tests run Chromium with: headless, sandbox-free (root in CI), no network chatter. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A Chromium context with a fresh user-data dir, removed again by `close()`. Throws an Error
 * whose message is one line (Playwright's own launch errors span a screenful).
 */
export async function launchChromium(
  executablePath: string,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'benignlab-docs-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: chromiumFlags,
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    const first = (error instanceof Error ? error.message : String(error)).split('\n').find(Boolean);
    throw new Error(`Chromium (${executablePath}) could not start: ${first}`);
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts Chromium for a browser test file, or returns the one-line reason it cannot, so the
 * caller can fail every test with it (a failing `beforeAll` would report them as skipped).
 */
export async function launchChromiumOrReason(
  executablePath: string,
  failure: string,
): Promise<{ browser: Awaited<ReturnType<typeof launchChromium>> } | { reason: string }> {
  if (failure || !executablePath) return { reason: failure || 'no Chromium executable' };
  try {
    return { browser: await launchChromium(executablePath) };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}
