import { defineConfig } from 'tsup';
import { writeRequireStubs } from '../../scripts/require-stubs.mjs';

export default defineConfig({
  // bin.ts starts with a #!/usr/bin/env node line, which esbuild keeps.
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
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
