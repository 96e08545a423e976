import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Bundles an entry for the browser and returns the Node built-ins its import graph reaches. */
async function nodeBuiltinsReachedFrom(entry: string): Promise<string[]> {
  const reached = new Set<string>();
  await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    external: ['ml-matrix'],
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-node-builtins',
        setup(context) {
          context.onResolve({ filter: /^node:/ }, (args) => {
            reached.add(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return [...reached].sort();
}

describe('entry points', () => {
  it('the main entry and ./wasm-kernels reach no Node-only module (browser-safe)', async () => {
    expect(await nodeBuiltinsReachedFrom('../src/index.ts')).toEqual([]);
    expect(await nodeBuiltinsReachedFrom('../src/wasm-kernels.ts')).toEqual([]);
  });

  it('./node-threads is where worker_threads lives', async () => {
    expect(await nodeBuiltinsReachedFrom('../src/node-threads.ts')).toEqual([
      'node:os',
      'node:worker_threads',
    ]);
  });
});
