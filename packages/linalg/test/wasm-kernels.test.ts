import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gram, jsBackend, Matrix, matmul, setBackend } from '../src/index.js';
import { symmetricPanelRows } from '../src/kernels/wasm/blocked-gemm.js';
import {
  instantiateKernel,
  kernelModule,
  supportedKernelVariants,
} from '../src/kernels/wasm/kernel-module.js';
import { packColumnPanels, packRowPanels } from '../src/kernels/wasm/packing.js';
import {
  growMemory,
  type RankUpdateJob,
  runTasks,
  taskCount,
} from '../src/kernels/wasm/rank-update-executor.js';
import { bestWasmBackend, wasmBackend } from '../src/kernels/wasm/wasm-backends.js';
import {
  expectConformingBackend,
  maxDifference,
  runGemmCase,
  runSyrkCase,
  seededBuffer,
} from './backend-conformance.js';
import { randomMatrix } from './helpers.js';

describe('kernel feature detection', () => {
  it('finds WebAssembly SIMD on Node 20+, and picks the best build', () => {
    const supported = supportedKernelVariants();
    expect(supported.simd).toBe(true);
    expect(bestWasmBackend()?.name).toBe(supported.fma ? 'wasm-fma' : 'wasm-simd');
    expect(kernelModule('simd', true)).toBeInstanceOf(WebAssembly.Module);
  });
});

describe('packing into micro-panels', () => {
  it('lays rows out four at a time per summation index, zero-padding the last panel', () => {
    // 5×3 source with leading dimension 4 and offset 1: entry (i, p) = 10 i + p.
    const src = new Float64Array(1 + 5 * 4).fill(-1);
    for (let i = 0; i < 5; i++) for (let p = 0; p < 3; p++) src[1 + i * 4 + p] = 10 * i + p;
    const dst = new Float64Array(2 * 4 * 3).fill(99);
    packRowPanels(src, 1, 4, 5, 3, dst, 0);
    expect(Array.from(dst)).toEqual([
      0, 10, 20, 30, 1, 11, 21, 31, 2, 12, 22, 32, 40, 0, 0, 0, 41, 0, 0, 0, 42, 0, 0, 0,
    ]);
  });

  it('lays columns out four at a time per summation index, zero-padding the last panel', () => {
    // 2×6 source (p, j) = 10 p + j with leading dimension 7.
    const src = new Float64Array(2 * 7).fill(-1);
    for (let p = 0; p < 2; p++) for (let j = 0; j < 6; j++) src[p * 7 + j] = 10 * p + j;
    const dst = new Float64Array(2 * 4 * 2).fill(99);
    packColumnPanels(src, 0, 7, 2, 6, dst, 0);
    expect(Array.from(dst)).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 4, 5, 0, 0, 14, 15, 0, 0]);
  });

  it('round-trips: packing rows of A equals packing columns of Aᵀ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer(),
        (rows, kc, seed) => {
          const a = seededBuffer(rows * kc, seed);
          const at = new Float64Array(kc * rows);
          for (let i = 0; i < rows; i++) for (let p = 0; p < kc; p++) at[p * rows + i] = a[i * kc + p];
          const panels = Math.ceil(rows / 4) * 4 * kc;
          const x = new Float64Array(panels);
          const y = new Float64Array(panels);
          packRowPanels(a, 0, kc, rows, kc, x, 0);
          packColumnPanels(at, 0, rows, kc, rows, y, 0);
          expect(Array.from(x)).toEqual(Array.from(y));
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });
});

describe('macro-kernel tasks', () => {
  it('give bit-identical C whatever order the tasks run in (the basis of thread-count independence)', () => {
    const module = kernelModule('simd', false) as WebAssembly.Module;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernel = instantiateKernel(module, memory);
    const rows = 300;
    const cols = 150;
    const kc = 37;
    const packedA = 0;
    const packedB = 304 * kc * 8;
    const c = packedB + 152 * kc * 8;
    growMemory(memory, c + rows * cols * 8);
    const heap = new Float64Array(memory.buffer);
    heap.set(seededBuffer(304 * kc, 1), packedA / 8);
    heap.set(seededBuffer(152 * kc, 2), packedB / 8);
    const run = (order: number[], lowerOnly: boolean): Float64Array => {
      const job: RankUpdateJob = {
        rows,
        cols,
        kc,
        packedA,
        packedB,
        c,
        accumulate: false,
        lowerOnly,
        blockRows: 64,
        blockCols: 32,
        firstTask: 0,
      };
      expect(order.length).toBe(taskCount(job));
      let next = 0;
      runTasks(kernel, job, () => (next < order.length ? order[next++] : order.length));
      return new Float64Array(memory.buffer, c, rows * cols).slice();
    };
    const tasks = Array.from({ length: 5 * 5 }, (_, t) => t);
    const forward = run(tasks, false);
    const backward = run([...tasks].reverse(), false);
    expect(Buffer.from(backward.buffer).equals(Buffer.from(forward.buffer))).toBe(true);
    const lower = run([...tasks].reverse(), true);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j <= Math.min(i, cols - 1); j++)
        expect(lower[i * cols + j]).toBe(forward[i * cols + j]);
  });
});

describe('single-threaded WebAssembly SIMD backend', () => {
  const backend = wasmBackend('simd');

  it('exists on Node 20+', () => {
    expect(backend?.name).toBe('wasm-simd');
  });

  it('passes the backend conformance suite (gemm, syrk, strides, beta)', () => {
    expectConformingBackend(backend!);
  });

  it('handles empty products: k = 0 scales C by beta, m = 0 or n = 0 touches nothing', () => {
    const { actual, expected } = runGemmCase(backend!, {
      transposeA: false,
      transposeB: true,
      m: 3,
      n: 2,
      k: 0,
      beta: 2,
      pad: 1,
      seed: 5,
    });
    expect(maxDifference(actual, expected)).toBe(0);
    const zero = runSyrkCase(backend!, 4, 0, 0, 6);
    expect(Array.from(zero.actual)).toEqual(new Array(16).fill(0));
    const c = new Float64Array([7]);
    backend!.gemm(false, false, 0, 1, 3, new Float64Array(0), 0, 3, new Float64Array(3), 0, 1, 0, c, 0, 1);
    expect(c[0]).toBe(7);
  });

  it('computes big Gram matrices in row panels with the bits of one whole product', () => {
    // n = 1100 needs two 8 MiB panels (896 + 204 rows); gemm(X, Xᵀ) runs the same
    // micro-kernel calls per entry over one whole scratch C.
    const n = 1100;
    expect(symmetricPanelRows(n)).toBeLessThan(n);
    const X = randomMatrix(n, 45, 12);
    setBackend(backend!);
    try {
      const G = gram(X);
      const whole = matmul(X, X, { transposeB: true });
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          expect(G.data[i * n + j]).toBe(whole.data[i * n + j]);
          expect(G.data[j * n + i]).toBe(G.data[i * n + j]);
        }
      }
    } finally {
      setBackend('auto');
    }
  });

  it('is exact on small integers and agrees with the JS backend through the public API', () => {
    const A = new Matrix(70, 300);
    const B = new Matrix(300, 530);
    for (let t = 0; t < A.data.length; t++) A.data[t] = (t % 7) - 3;
    for (let t = 0; t < B.data.length; t++) B.data[t] = (t % 5) - 2;
    const X = randomMatrix(40, 700, 9);
    setBackend('js');
    const exactJs = matmul(A, B);
    const gramJs = gram(X);
    try {
      setBackend(backend!);
      expect(Array.from(matmul(A, B).data)).toEqual(Array.from(exactJs.data));
      expect(maxDifference(gram(X).data, gramJs.data)).toBeLessThanOrEqual(1e-12);
    } finally {
      setBackend('auto');
    }
    expect(jsBackend.name).toBe('js');
  });
});
