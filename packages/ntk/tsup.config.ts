import { defineConfig } from 'tsup';

export default defineConfig({
  // The kernel entry stays free of tfjs; networks are the `./network` subpath.
  entry: { index: 'src/index.ts', 'network/index': 'src/network/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['@tensorflow/tfjs'],
});
