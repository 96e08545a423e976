import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'wasm-kernels': 'src/wasm-kernels.ts',
    // Node-only subpath: worker_threads never reaches the main entry.
    'node-threads': 'src/node-threads.ts',
    // Loaded by URL next to the node-threads chunk, so it must keep this exact name.
    'node-worker': 'src/kernels/threads/node-worker.js',
    // Browser subpath: module Web Workers over shared memory; never reached from the main entry.
    'web-threads': 'src/web-threads.ts',
    // Fetched by URL next to the web-threads chunk (`new URL('./web-worker.js', import.meta.url)`).
    'web-worker': 'src/kernels/threads/web-worker.js',
  },
  format: ['esm'],
  dts: {
    entry: {
      index: 'src/index.ts',
      'wasm-kernels': 'src/wasm-kernels.ts',
      'node-threads': 'src/node-threads.ts',
      'web-threads': 'src/web-threads.ts',
    },
  },
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
