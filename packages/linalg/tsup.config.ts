import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'wasm-kernels': 'src/wasm-kernels.ts',
    // Node-only subpath: worker_threads never reaches the main entry.
    'node-threads': 'src/node-threads.ts',
    // Loaded by URL next to the node-threads chunk, so it must keep this exact name.
    'node-worker': 'src/kernels/threads/node-worker.js',
  },
  format: ['esm'],
  dts: {
    entry: {
      index: 'src/index.ts',
      'wasm-kernels': 'src/wasm-kernels.ts',
      'node-threads': 'src/node-threads.ts',
    },
  },
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
