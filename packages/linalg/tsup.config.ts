import { defineConfig, type Options } from 'tsup';
import { writeRequireStubs } from '../../scripts/require-stubs.mjs';

const shared: Options = {
  format: ['esm'],
  sourcemap: true,
  target: 'es2022',
  // Maps point into src/ without embedding it: half the tarball otherwise.
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
};

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      // The `node` export condition: the main entry plus Node's default thread pool.
      'index.node': 'src/index.node.ts',
      'wasm-kernels': 'src/wasm-kernels.ts',
      // Node-only subpath: worker_threads never reaches the main entry.
      'node-threads': 'src/node-threads.ts',
      // Browser subpath: module Web Workers over shared memory; never reached from the main entry.
      'web-threads': 'src/web-threads.ts',
      // Node-only subpath: .npy files (node:fs); the byte codec is in the main entry.
      node: 'src/node.ts',
    },
    dts: {
      entry: {
        index: 'src/index.ts',
        'wasm-kernels': 'src/wasm-kernels.ts',
        'node-threads': 'src/node-threads.ts',
        'web-threads': 'src/web-threads.ts',
        node: 'src/node.ts',
      },
    },
    // Everything but the workers, which the second build writes (possibly first).
    clean: ['**/*', '!node-worker.js*', '!web-worker.js*'],
    async onSuccess() {
      writeRequireStubs();
    },
  },
  {
    ...shared,
    // Loaded by URL next to the node-threads and web-threads chunks
    // (`new URL('./web-worker.js', import.meta.url)`), so they keep these exact names and
    // are self-contained (no shared chunk): a user can copy web-worker.js next to a bundle.
    entry: {
      'node-worker': 'src/kernels/threads/node-worker.js',
      'web-worker': 'src/kernels/threads/web-worker.js',
    },
    splitting: false,
    clean: false,
  },
]);
