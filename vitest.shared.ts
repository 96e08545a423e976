import { fileURLToPath } from 'node:url';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

// No explicit 'import': Vite adds 'import'/'require' by itself, and vitest would apply an
// explicit 'import' to `require` inside CommonJS packages too, which hands tfjs' `require('long')`
// the ES build of long and breaks it.
const fastCheckSeedSetup = fileURLToPath(new URL('./test/setup/fast-check-seed.ts', import.meta.url));

const sourceConditions = ['@benignlab/source', 'module', 'node', 'default'];

/**
 * The vitest project every package uses. Workspace imports resolve to the packages'
 * TypeScript sources (the `@benignlab/source` export condition), so tests never run
 * against a stale `dist/`; the pack test checks the built packages separately.
 */
export function packageProject(name: string, overrides: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions } },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      setupFiles: [fastCheckSeedSetup],
      testTimeout: 60_000,
      ...overrides,
    },
  });
}
