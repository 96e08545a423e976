import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium executable, or '' when it could not be found or installed. */
    chromiumPath: string;
    /** Why there is no Chromium, in one line ('' when there is one). */
    chromiumFailure: string;
  }
}

const docsRoot = fileURLToPath(new URL('..', import.meta.url));

/** The last non-empty line of a text, for one-line failure messages. */
function lastLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').filter(Boolean).pop() ?? '';
}

/**
 * Finds Chromium with scripts/ensure-chromium.mjs (installing it when missing). Its stdout is
 * exactly the executable path; anything else there (e.g. an installer's progress) is a failure,
 * never a path. Returns the path or the one-line reason the browser tests then fail with.
 */
function locateChromium(): { path: string } | { failure: string } {
  const result = spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], {
    cwd: docsRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.stderr.write(result.stderr ?? '');
  if (result.status !== 0) {
    return {
      failure: `Chromium could not be found or installed: ${lastLine(result.stderr) || result.error?.message || `exit ${result.status}`}`,
    };
  }
  const path = result.stdout.trim();
  if (path.includes('\n')) {
    return {
      failure: `ensure-chromium printed more than the executable path: ${JSON.stringify(path.slice(0, 120))}`,
    };
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { failure: `ensure-chromium printed ${JSON.stringify(path)}, which is not an executable file` };
  }
  return { path };
}

/**
 * Runs once before the docs tests: locates Chromium (installing it when missing) and checks
 * that the site has been built, since the browser tests drive the built pages. A missing
 * Chromium does not stop the other tests: every browser test fails with the reason instead.
 */
export default function setup(project: TestProject): void {
  const chromium = locateChromium();
  project.provide('chromiumPath', 'path' in chromium ? chromium.path : '');
  project.provide('chromiumFailure', 'failure' in chromium ? chromium.failure : '');
  if (!existsSync(`${docsRoot}dist/index.html`)) {
    throw new Error(
      'apps/docs/dist/index.html is missing: build the site first (`node scripts/pnpm.mjs --filter @benignlab/docs build`, or `npm test` which builds everything).',
    );
  }
}
