import { defineConfig } from 'vitest/config';

// Every package's tests run from the root, one vitest project per package folder.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
