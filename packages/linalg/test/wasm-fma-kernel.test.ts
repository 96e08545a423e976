import './enable-relaxed-simd.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KernelBackend } from '../src/index.js';
import { expectConformingBackend, maxDifference, runGemmCase } from './backend-conformance.js';

describe('single-threaded WebAssembly relaxed-SIMD FMA backend', () => {
  let fma: KernelBackend;
  let simd: KernelBackend;

  beforeAll(async () => {
    const { supportedKernelVariants } = await import('../src/kernels/wasm/kernel-module.js');
    const { bestWasmBackend, wasmBackend } = await import('../src/kernels/wasm/wasm-backends.js');
    expect(supportedKernelVariants()).toEqual({ simd: true, fma: true });
    expect(bestWasmBackend()?.name).toBe('wasm-fma');
    fma = wasmBackend('fma')!;
    simd = wasmBackend('simd')!;
  });

  it('is registered as the automatic backend, above plain SIMD', async () => {
    const { getBackend, listBackends } = await import('../src/index.js');
    expect(getBackend().name).toBe('wasm-fma');
    expect(listBackends().map((entry) => entry.name)).toEqual(['wasm-fma', 'wasm-simd', 'js']);
  });

  it('is the FMA build', async () => {
    const { instantiateKernel, productModule } = await import('../src/kernels/wasm/kernel-module.js');
    const memory = new WebAssembly.Memory({ initial: 1 });
    expect(instantiateKernel(productModule('fma')!, memory).usesFusedMultiplyAdd()).toBe(1);
    expect(instantiateKernel(productModule('simd')!, memory).usesFusedMultiplyAdd()).toBe(0);
    expect(fma.name).toBe('wasm-fma');
  });

  it('passes the backend conformance suite (gemm, syrk, strides, beta)', () => {
    expectConformingBackend(fma);
  });

  it('differs from the multiply-then-add build only by rounding', () => {
    const c = { transposeA: false, transposeB: true, m: 64, n: 64, k: 500, beta: 0, pad: 0, seed: 21 };
    const withFma = runGemmCase(fma, c).actual;
    const withoutFma = runGemmCase(simd, c).actual;
    expect(maxDifference(withFma, withoutFma)).toBeLessThanOrEqual(1e-12);
    // One rounding per step instead of two: some entries must differ, or FMA is not in use.
    expect(maxDifference(withFma, withoutFma)).toBeGreaterThan(0);
  });

  it('runs on worker threads with the same bits as on one thread', async () => {
    const { createThreadedBackend } = await import('../src/node-threads.js');
    const threaded = await createThreadedBackend({ threads: 2 });
    try {
      expect(threaded.name).toBe('wasm-fma-threads');
      const c = { transposeA: true, transposeB: true, m: 300, n: 530, k: 270, beta: 0, pad: 2, seed: 31 };
      const one = runGemmCase(fma, c, false).actual;
      const two = runGemmCase(threaded, c, false).actual;
      expect(Buffer.from(two.buffer).equals(Buffer.from(one.buffer))).toBe(true);
    } finally {
      await threaded.terminate();
    }
  });
});
