// Builds the test page, serves it with or without cross-origin isolation, and drives it in
// Chromium. Used only by web-threads-browser.test.ts.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The docs app's Chromium check (Debian's /usr/bin/chromium, apt-installed when missing;
 * CHROMIUM_PATH overrides), spawned rather than imported since it is plain JavaScript.
 */
export function locateChromium(): { path: string } | { reason: string } {
  const script = here('../../../../apps/docs/scripts/ensure-chromium.mjs');
  if (!existsSync(script)) return { reason: 'apps/docs/scripts/ensure-chromium.mjs is missing' };
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 600_000 });
  // The script prints exactly the path on stdout; anything more is a fault, not a path.
  const path = result.stdout?.trim();
  if (result.status === 0 && path && !path.includes('\n')) return { path };
  const why =
    result.status === 0
      ? `ensure-chromium printed more than a path: ${JSON.stringify(path?.slice(0, 120))}`
      : result.stderr?.trim().split('\n').filter(Boolean).pop() || result.error?.message;
  return { reason: `Chromium not found and not installable: ${why}` };
}

/** The headers that make a page cross-origin isolated (`crossOriginIsolated === true`). */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** A temp dir holding the bundled page, its worker host and web-worker.js, served over HTTP. */
export interface TestSite {
  /** Page served with {@link ISOLATION_HEADERS}. */
  isolatedUrl: string;
  /** The same page without them. */
  plainUrl: string;
  /** The isolated page with web-worker.js missing (404), as after a bundler dropped it. */
  missingWorkerUrl: string;
  close(): Promise<void>;
}

/**
 * Bundles the page from the sources (esbuild, as tsup does for dist) and copies
 * web-worker.js next to it, the layout dist has: the pool finds its worker at
 * `new URL('./web-worker.js', import.meta.url)` with no bundler involvement.
 */
export async function startTestSite(): Promise<TestSite> {
  const root = mkdtempSync(join(tmpdir(), 'benignlab-web-threads-'));
  await build({
    entryPoints: {
      page: here('./web-threads-page.ts'),
      'web-threads-worker-host': here('./web-threads-worker-host.ts'),
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: root,
    logLevel: 'silent',
  });
  // The worker as the sources have it: web-worker.js and the job loop it imports.
  for (const file of ['web-worker.js', 'worker-loop.js']) {
    copyFileSync(here(`../../src/kernels/threads/${file}`), join(root, file));
  }
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>web-threads</title><script type="module" src="./page.js"></script>\n',
  );
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const [, mode, ...rest] = url.pathname.split('/');
    const file = basename(rest.join('/') || 'index.html');
    const path = join(root, file);
    const known = mode === 'isolated' || mode === 'plain' || mode === 'missing-worker';
    if (!known || !existsSync(path) || (mode === 'missing-worker' && file === 'web-worker.js')) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      ...(mode === 'plain' ? {} : ISOLATION_HEADERS),
    });
    response.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    isolatedUrl: `http://127.0.0.1:${port}/isolated/index.html`,
    plainUrl: `http://127.0.0.1:${port}/plain/index.html`,
    missingWorkerUrl: `http://127.0.0.1:${port}/missing-worker/index.html`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Headless Chromium with the docs tests' flags (sandbox-free: CI runs as root). Throws an Error
 * whose message is one line (Playwright's own launch errors span a screenful).
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n').find(Boolean);
    throw new Error(`Chromium (${executablePath}) could not start: ${first}`);
  }
}
