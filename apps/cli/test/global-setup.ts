import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The CLI end-to-end tests run `dist/bin.js` as a user would. `npm test` builds every
 * package (turbo) before vitest; when running vitest alone, build first.
 */
export default function setup(): void {
  const required = [
    new URL('../dist/bin.js', import.meta.url),
    new URL('../../../packages/experiments/dist/worker.js', import.meta.url),
  ];
  for (const url of required) {
    if (!existsSync(fileURLToPath(url))) {
      throw new Error(
        `${fileURLToPath(url)} is missing: build first (node scripts/pnpm.mjs run build, which npm test runs), then rerun the CLI tests`,
      );
    }
  }
}
