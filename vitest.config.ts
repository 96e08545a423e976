import { defineConfig } from 'vitest/config';

// Every package's tests run from the root, one vitest project per package folder,
// plus the workspace-level tests (packing and installing the published packages).
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'apps/*',
      {
        test: {
          name: 'workspace',
          include: ['test/workspace/**/*.test.ts'],
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
