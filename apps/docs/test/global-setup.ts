import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

const docsRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs once before the docs tests: installs Chromium when missing (scripts/ensure-chromium.mjs)
 * and checks that the site has been built, since the browser tests drive the built pages.
 */
export default function setup(project: TestProject): void {
  const result = spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], {
    cwd: docsRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(
      'Chromium is required for the docs browser tests and could not be installed (see above).',
    );
  }
  project.provide('chromiumPath', result.stdout.trim());
  if (!existsSync(`${docsRoot}dist/index.html`)) {
    throw new Error(
      'apps/docs/dist/index.html is missing: build the site first (`node scripts/pnpm.mjs --filter @benignlab/docs build`, or `npm test` which builds everything).',
    );
  }
}
