import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { gram, Matrix, setBackend, symEig, symEigValues } from '../src/index.js';
import type { KernelBackend } from '../src/kernels/backend.js';
import {
  attachExecutor,
  executorOf,
  type RankUpdateExecutor,
} from '../src/kernels/wasm/rank-update-executor.js';
import { wasmBackend } from '../src/kernels/wasm/wasm-backends.js';
import { createThreadedBackend } from '../src/node-threads.js';
import { maxAbsDiff, randomMatrix, randomSymmetric, seededUniform } from './helpers.js';

/** max |A V − V Λ| and max |VᵀV − I|. */
function residuals(A: Matrix, values: Float64Array, V: Matrix): { eigen: number; orthogonality: number } {
  const n = A.rows;
  let eigen = 0;
  let orthogonality = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let av = 0;
      let vv = 0;
      for (let k = 0; k < n; k++) {
        av += A.data[i * n + k] * V.data[k * n + j];
        vv += V.data[k * n + i] * V.data[k * n + j];
      }
      eigen = Math.max(eigen, Math.abs(av - values[j] * V.data[i * n + j]));
      orthogonality = Math.max(orthogonality, Math.abs(vv - (i === j ? 1 : 0)));
    }
  }
  return { eigen, orthogonality };
}

function sameBits(x: Float64Array, y: Float64Array): boolean {
  return Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(
    Buffer.from(y.buffer, y.byteOffset, y.byteLength),
  );
}

describe('symEig on the WebAssembly path (chunked tridiagonalization, divide and conquer, blocked reflectors)', () => {
  afterEach(() => setBackend('auto'));

  it('matches the JS reference path on random symmetric matrices of every small order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (n, seed) => {
        const A = randomSymmetric(n, seed);
        setBackend(wasmBackend('simd')!);
        const fast = symEig(A);
        setBackend('js');
        const reference = symEig(A);
        expect(maxAbsDiff(fast.values, reference.values)).toBeLessThanOrEqual(1e-13 * n);
        const { eigen, orthogonality } = residuals(A, fast.values, fast.vectors);
        expect(eigen).toBeLessThanOrEqual(1e-13 * n);
        expect(orthogonality).toBeLessThanOrEqual(1e-13 * n);
      }),
      { numRuns: 40, seed: 12 },
    );
  });

  it('stays accurate past the 128-reflector blocks and the chunked steps, with a rank-deficient Gram matrix', () => {
    // X Xᵀ of a 400×120 X: 280 zero eigenvalues (one big cluster).
    const A = gram(randomMatrix(400, 120, 5));
    setBackend(wasmBackend('simd')!);
    const fast = symEig(A);
    const scale = fast.values[0];
    const { eigen, orthogonality } = residuals(A, fast.values, fast.vectors);
    expect(eigen / scale).toBeLessThanOrEqual(1e-13);
    expect(orthogonality).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(fast.values[120] / scale)).toBeLessThanOrEqual(1e-13);
    setBackend('js');
    expect(maxAbsDiff(symEig(A).values, fast.values) / scale).toBeLessThanOrEqual(1e-13);
  });

  it('handles diagonal and already tridiagonal input (zero Householder tails)', () => {
    const D = Matrix.fromRows([
      [3, 0, 0, 0],
      [0, -1, 0, 0],
      [0, 0, 2, 1],
      [0, 0, 1, 2],
    ]);
    setBackend(wasmBackend('simd')!);
    const { values, vectors } = symEig(D);
    expect(Array.from(values).map((x) => Number(x.toFixed(12)))).toEqual([3, 3, 1, -1]);
    expect(residuals(D, values, vectors).eigen).toBeLessThan(1e-14);
  });

  it("shares the reduction steps' row chunks across threads with the same bits (n = 300: chunked steps)", async () => {
    // Steps with ≥ 256 trailing rows are swept in 4 row chunks, on every thread of a pool.
    const A = gram(randomMatrix(300, 340, 8));
    setBackend(wasmBackend('simd')!);
    const single = symEig(A);
    const scale = single.values[0];
    const { eigen, orthogonality } = residuals(A, single.values, single.vectors);
    expect(eigen / scale).toBeLessThanOrEqual(1e-13);
    expect(orthogonality).toBeLessThanOrEqual(1e-12);
    for (const threads of [2, 3]) {
      const pool = await createThreadedBackend({ threads, kernel: 'simd' });
      try {
        // A name of its own: the registry keeps one backend per name.
        setBackend({ ...pool, name: `${pool.name}-${threads}-chunked` });
        const parallel = symEig(A);
        expect(sameBits(parallel.values, single.values)).toBe(true);
        expect(sameBits(parallel.vectors.data, single.vectors.data)).toBe(true);
      } finally {
        setBackend('auto');
        await pool.terminate();
      }
    }
    setBackend('js');
    expect(maxAbsDiff(symEig(A).values, single.values) / scale).toBeLessThanOrEqual(1e-13);
  });

  it('gives the same bits whether the eigenvectors are formed in kernel memory or through gemm', () => {
    // A copy of a WebAssembly backend has no executor attached: divide and conquer and the
    // back-transformation then run on JS arrays through its gemm (the route of custom
    // backends). n = 300: several merges with deflation and three blocks of reflectors.
    const A = gram(randomMatrix(300, 200, 12));
    const simd = wasmBackend('simd') as KernelBackend;
    setBackend(simd);
    const inKernelMemory = symEig(A);
    setBackend({ name: 'wasm-simd-through-gemm', gemm: simd.gemm, syrk: simd.syrk });
    const throughGemm = symEig(A);
    setBackend('auto');
    expect(sameBits(throughGemm.values, inKernelMemory.values)).toBe(true);
    expect(sameBits(throughGemm.vectors.data, inKernelMemory.vectors.data)).toBe(true);
    const { eigen, orthogonality } = residuals(A, inKernelMemory.values, inKernelMemory.vectors);
    expect(eigen / inKernelMemory.values[0]).toBeLessThanOrEqual(1e-13);
    expect(orthogonality).toBeLessThanOrEqual(1e-12);
  });

  it('symmetrizes in kernel memory with the bits of symEigValues, for input symmetric only to 1e-12', () => {
    const A = randomSymmetric(140, 21);
    const uniform = seededUniform(22);
    for (let t = 0; t < A.data.length; t++) A.data[t] *= 1 + 1e-12 * uniform();
    setBackend(wasmBackend('simd') as KernelBackend);
    const { values, vectors } = symEig(A);
    expect(sameBits(values, symEigValues(A))).toBe(true);
    const symmetric = A.clone();
    for (let i = 0; i < 140; i++)
      for (let j = 0; j < 140; j++)
        symmetric.data[i * 140 + j] = (A.data[i * 140 + j] + A.data[j * 140 + i]) / 2;
    const { eigen, orthogonality } = residuals(symmetric, values, vectors);
    expect(eigen / Math.abs(values[0])).toBeLessThanOrEqual(1e-13);
    expect(orthogonality).toBeLessThanOrEqual(1e-12);
  });

  it('gives the same bits on a one-thread pool (no workers: the eigenvalues and roots run inline)', async () => {
    const A = randomSymmetric(260, 23);
    setBackend(wasmBackend('simd') as KernelBackend);
    const single = symEig(A);
    const pool = await createThreadedBackend({ threads: 1, kernel: 'simd' });
    try {
      // A name of its own (the registry keeps one backend per name), with the pool's executor.
      const renamed = { ...pool, name: `${pool.name}-one-thread` };
      attachExecutor(renamed, executorOf(pool) as RankUpdateExecutor);
      setBackend(renamed);
      const pooled = symEig(A);
      expect(sameBits(pooled.values, single.values)).toBe(true);
      expect(sameBits(pooled.vectors.data, single.vectors.data)).toBe(true);
    } finally {
      setBackend('auto');
      await pool.terminate();
    }
  });

  it('signs every eigenvector so its largest-magnitude entry is positive, the first on ties, on both paths', () => {
    const tie = Matrix.fromRows([
      [2, 1],
      [1, 2],
    ]);
    for (const backend of ['js', 'wasm-simd']) {
      setBackend(backend);
      // λ = 1 has eigenvector ±(1, −1)/√2: a tie, so the first entry is the positive one.
      const { vectors } = symEig(tie);
      expect(vectors.get(0, 1)).toBeCloseTo(Math.SQRT1_2, 14);
      expect(vectors.get(1, 1)).toBeCloseTo(-Math.SQRT1_2, 14);
      for (const n of [7, 61, 130]) {
        const V = symEig(randomSymmetric(n, n + 40)).vectors;
        for (let j = 0; j < n; j++) {
          let largest = -1;
          let entry = 0;
          for (let i = 0; i < n; i++) {
            const value = V.get(i, j);
            if (Math.abs(value) > largest) {
              largest = Math.abs(value);
              entry = value;
            }
          }
          expect(entry).toBeGreaterThan(0);
        }
      }
    }
  });

  it('gives bit-identical eigenpairs on the threaded backend and on one thread', async () => {
    const A = randomSymmetric(150, 3);
    setBackend(wasmBackend('simd')!);
    const single = symEig(A);
    const threaded = await createThreadedBackend({ threads: 2, kernel: 'simd' });
    try {
      setBackend(threaded);
      const parallel = symEig(A);
      expect(sameBits(parallel.values, single.values)).toBe(true);
      expect(sameBits(parallel.vectors.data, single.vectors.data)).toBe(true);
    } finally {
      setBackend('auto');
      await threaded.terminate();
    }
  });
});
