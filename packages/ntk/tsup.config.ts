import { defineConfig } from 'tsup';
import { writeRequireStubs } from '../../scripts/require-stubs.mjs';

export default defineConfig({
  // The kernel entry stays free of tfjs; networks are the `./network` subpath.
  entry: { index: 'src/index.ts', 'network/index': 'src/network/index.ts' },
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
  external: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'],
});
