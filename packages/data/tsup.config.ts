import { defineConfig } from 'tsup';

export default defineConfig({
  // The MNIST task is its own entry so the main bundle never pulls in the 21 MB of digits.
  entry: { index: 'src/index.ts', 'mnist/index': 'src/mnist/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
