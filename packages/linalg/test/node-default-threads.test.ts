import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { gram, matmul, setBackend, symEig } from '../src/index.js';
import {
  createDefaultThreadsBackend,
  POOL_MINIMUM_MULTIPLY_ADDS,
} from '../src/kernels/threads/node-default-threads.js';
import { supportedKernelVariants } from '../src/kernels/wasm/kernel-module.js';
import { executorOf } from '../src/kernels/wasm/rank-update-executor.js';
import { randomMatrix, randomSymmetric } from './helpers.js';

function sameBits(x: Float64Array, y: Float64Array): boolean {
  return Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(
    Buffer.from(y.buffer, y.byteOffset, y.byteLength),
  );
}

describe("Node's default pool (both cores without enableThreads)", () => {
  afterAll(() => setBackend('auto'));

  it('keeps small operations on the calling thread and starts the pool on the first large one, with the same bits as one thread', () => {
    const backend = createDefaultThreadsBackend('simd', 2, 10_000, true, () => false);
    if (backend === undefined) throw new Error('expected the default pool on a 2-thread request');
    expect(backend.name).toBe('wasm-simd-default-threads');
    expect(backend.strict).toBe(true);
    // Small problems: the single-threaded executor, no worker started.
    expect(executorOf(backend, 20)?.threads).toBe(1);
    // X is 300×400: gram is a syrk of 300²·400/2 = 1.8·10⁷ multiply-adds, over the threshold.
    const X = randomMatrix(300, 400, 11);
    expect((300 * 300 * 400) / 2).toBeGreaterThanOrEqual(POOL_MINIMUM_MULTIPLY_ADDS);
    const A = randomSymmetric(300, 12);
    const B = randomMatrix(400, 260, 13);
    setBackend('wasm-simd');
    const oneThread = { gram: gram(X), product: matmul(X, B), eigen: symEig(A) };
    setBackend(backend);
    const pooled = { gram: gram(X), product: matmul(X, B), eigen: symEig(A) };
    setBackend('auto');
    expect(executorOf(backend, 1000)?.threads).toBe(2);
    expect(executorOf(backend, 20)?.threads).toBe(1);
    expect(sameBits(pooled.gram.data, oneThread.gram.data)).toBe(true);
    expect(sameBits(pooled.product.data, oneThread.product.data)).toBe(true);
    expect(sameBits(pooled.eigen.values, oneThread.eigen.values)).toBe(true);
    expect(sameBits(pooled.eigen.vectors.data, oneThread.eigen.vectors.data)).toBe(true);
  });

  it('keeps every operation on the calling thread while the machine is oversubscribed', () => {
    let busy = true;
    const backend = createDefaultThreadsBackend('simd', 2, 10_000, true, () => busy);
    expect(executorOf(backend!, 1000)?.threads).toBe(1);
    busy = false;
    expect(executorOf(backend!, 1000)?.threads).toBe(2);
    busy = true;
    expect(executorOf(backend!, 1000)?.threads).toBe(1);
  });

  it('is not offered on one core, nor off the main thread (no pool per worker)', () => {
    expect(createDefaultThreadsBackend('simd', 1)).toBeUndefined();
    expect(createDefaultThreadsBackend('simd', 2, 10_000, false)).toBeUndefined();
  });

  it('is the automatic backend of the node entry, FMA only under the "fastest" policy', async () => {
    const entry = await import('../src/index.node.js');
    const fma = supportedKernelVariants().fma;
    expect(entry.getBackend().name).toBe(fma ? 'wasm-fma-default-threads' : 'wasm-simd-default-threads');
    entry.setKernelPolicy('strict');
    try {
      expect(entry.getBackend().name).toBe('wasm-simd-default-threads');
    } finally {
      entry.setKernelPolicy('fastest');
    }
  });

  it('in a real process: no worker for small work, a pool for large work, and the process still exits by itself', async () => {
    // The built layout: the entry and node-worker.js side by side (the worker is loaded by URL).
    const out = mkdtempSync(join(tmpdir(), 'benignlab-default-pool-'));
    try {
      await build({
        entryPoints: {
          index: new URL('../src/index.node.ts', import.meta.url).pathname,
          'node-worker': new URL('../src/kernels/threads/node-worker.js', import.meta.url).pathname,
        },
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        outdir: out,
        logLevel: 'silent',
      });
      const script = `
        import { readFileSync } from 'node:fs';
        const { gram, Matrix, getBackend } = await import(${JSON.stringify(join(out, 'index.js'))});
        const threads = () => Number(readFileSync('/proc/self/status', 'utf8').match(/Threads:\\s+(\\d+)/)[1]);
        const before = threads();
        gram(new Matrix(40, 50, new Float64Array(2000).fill(0.5)));
        const afterSmall = threads();
        const big = new Float64Array(300 * 400).map((_, i) => Math.sin(i));
        gram(new Matrix(300, 400, big));
        console.log(JSON.stringify({ name: getBackend().name, before, afterSmall, afterLarge: threads() }));
      `;
      const started = performance.now();
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        timeout: 30_000,
        // Two threads whatever the machine's load (a shared test machine is often oversubscribed).
        env: { ...process.env, BENIGNLAB_THREADS: '2' },
      });
      const seconds = (performance.now() - started) / 1000;
      const report = JSON.parse(stdout) as {
        name: string;
        before: number;
        afterSmall: number;
        afterLarge: number;
      };
      expect(report.name).toMatch(/^wasm-(simd|fma)-default-threads$/);
      expect(report.afterSmall).toBe(report.before);
      // availableParallelism() − 1 workers (≥ 1 on this 2-core machine).
      expect(report.afterLarge).toBeGreaterThan(report.afterSmall);
      // Exits by itself with the idle pool alive: well before execFile's timeout.
      expect(seconds).toBeLessThan(20);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
