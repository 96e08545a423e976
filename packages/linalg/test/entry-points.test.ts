import { describe, expect, it } from 'vitest';
import { bundleForBrowser } from './browser-bundle.js';

async function nodeBuiltinsReachedFrom(entry: string): Promise<string[]> {
  return (await bundleForBrowser(entry)).nodeBuiltins;
}

describe('entry points', () => {
  it('the main entry and ./wasm-kernels reach no Node-only module (browser-safe)', async () => {
    expect(await nodeBuiltinsReachedFrom('../src/index.ts')).toEqual([]);
    expect(await nodeBuiltinsReachedFrom('../src/wasm-kernels.ts')).toEqual([]);
  });

  it('the node condition of the main entry adds only the default pool (os, worker_threads)', async () => {
    expect(await nodeBuiltinsReachedFrom('../src/index.node.ts')).toEqual(['node:os', 'node:worker_threads']);
  });

  it('./node (the .npy files) reaches only the file system, no thread pool', async () => {
    expect(await nodeBuiltinsReachedFrom('../src/node.ts')).toEqual(['node:crypto', 'node:fs', 'node:path']);
  });

  it('./node-threads is where worker_threads lives', async () => {
    expect(await nodeBuiltinsReachedFrom('../src/node-threads.ts')).toEqual([
      'node:os',
      'node:worker_threads',
    ]);
  });
});
