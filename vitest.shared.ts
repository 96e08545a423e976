import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

/**
 * The vitest project every package uses. Workspace imports resolve to the packages'
 * TypeScript sources (the `@benignlab/source` export condition), so tests never run
 * against a stale `dist/`; the pack test checks the built packages separately.
 */
export function packageProject(name: string, overrides: UserWorkspaceConfig['test'] = {}) {
  return defineProject({
    resolve: { conditions: ['@benignlab/source', 'module', 'node', 'import', 'default'] },
    ssr: { resolve: { conditions: ['@benignlab/source', 'module', 'node', 'import', 'default'] } },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      testTimeout: 60_000,
      ...overrides,
    },
  });
}
