import { defineConfig } from 'tsup';
import { writeRequireStubs } from '../../scripts/require-stubs.mjs';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  // Maps point into src/ without embedding it: half the tarball otherwise.
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  async onSuccess() {
    writeRequireStubs();
  },
  target: 'es2022',
});
