import { defineConfig } from 'tsup';
import { writeRequireStubs } from '../../scripts/require-stubs.mjs';

export default defineConfig({
  // The MNIST task is its own entry so the main bundle never pulls in the 21 MB of digits.
  entry: { index: 'src/index.ts', 'mnist/index': 'src/mnist/index.ts' },
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
