import { defineConfig } from 'tsup';
import { writeRequireStubs } from '../../scripts/require-stubs.mjs';

export default defineConfig({
  // `node` and `worker` are the Node-only runner (worker_threads); `index` stays browser-safe.
  // The figure modules are files of their own (not exports) so that Observable Plot, which
  // is not side-effect free, enters a consumer's bundle only with the figure code.
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    worker: 'src/node/worker.ts',
    'figures/series-figure': 'src/figures/series-figure.ts',
    'figures/heat-map-figure': 'src/figures/heat-map-figure.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node/index.ts' } },
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
