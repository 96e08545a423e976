import { defineConfig } from 'tsup';

export default defineConfig({
  // `node` and `worker` are the Node-only runner (worker_threads); `index` stays browser-safe.
  entry: { index: 'src/index.ts', node: 'src/node/index.ts', worker: 'src/node/worker.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
