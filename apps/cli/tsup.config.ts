import { defineConfig } from 'tsup';

export default defineConfig({
  // bin.ts starts with a #!/usr/bin/env node line, which esbuild keeps.
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
