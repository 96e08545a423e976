import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  gram,
  LinalgError,
  Matrix,
  matmul,
  setBackend,
  symEig,
  symEigProjections,
  symEigValues,
} from '../src/index.js';
import type { KernelBackend } from '../src/kernels/backend.js';
import { wasmBackend } from '../src/kernels/wasm/wasm-backends.js';
import { createThreadedBackend } from '../src/node-threads.js';
import { lowRankMatrix, maxAbs, randomMatrix, randomSymmetric, randomVector } from './helpers.js';

function sameBits(x: Float64Array, y: Float64Array): boolean {
  return x.length === y.length && x.every((value, k) => Object.is(value, y[k]));
}

/** max over rows j of min over the sign s of max_k |P[j,k] − s·R[j,k]|. */
function rowsEqualUpToSign(P: Float64Array, R: Float64Array, rows: number, cols: number): number {
  let worst = 0;
  for (let j = 0; j < rows; j++) {
    let plus = 0;
    let minus = 0;
    for (let k = 0; k < cols; k++) {
      plus = Math.max(plus, Math.abs(P[j * cols + k] - R[j * cols + k]));
      minus = Math.max(minus, Math.abs(P[j * cols + k] + R[j * cols + k]));
    }
    worst = Math.max(worst, Math.min(plus, minus));
  }
  return worst;
}

/** Sign-free checks: Σⱼ pⱼqⱼ = bᵀc and Σⱼ λⱼpⱼqⱼ = bᵀAc for every pair of columns b, c of B. */
function expectSpectralIdentities(A: Matrix, B: Matrix): void {
  const n = A.rows;
  const m = B.cols;
  const { values, projections } = symEigProjections(A, B);
  const P = projections.data;
  const AB = matmul(A, B);
  const scale = Math.max(maxAbs(A), Number.MIN_VALUE) * Math.max(maxAbs(B), 1) ** 2 * n;
  for (let b = 0; b < m; b++) {
    for (let c = 0; c < m; c++) {
      let inner = 0;
      let quadratic = 0;
      let spectralInner = 0;
      let spectralQuadratic = 0;
      for (let i = 0; i < n; i++) {
        inner += B.data[i * m + b] * B.data[i * m + c];
        quadratic += B.data[i * m + b] * AB.data[i * m + c];
        spectralInner += P[i * m + b] * P[i * m + c];
        spectralQuadratic += values[i] * P[i * m + b] * P[i * m + c];
      }
      expect(Math.abs(spectralInner - inner)).toBeLessThanOrEqual(1e-12 * n * Math.max(maxAbs(B), 1) ** 2);
      expect(Math.abs(spectralQuadratic - quadratic)).toBeLessThanOrEqual(1e-12 * scale);
    }
  }
}

describe('symEigProjections', () => {
  afterEach(() => setBackend('auto'));

  it('solves the documented 2×2 example', () => {
    const { values, projections } = symEigProjections(
      Matrix.fromRows([
        [2, 1],
        [1, 2],
      ]),
      Float64Array.of(1, 0),
    );
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(projections).toBeInstanceOf(Float64Array);
    expect(projections[0] ** 2).toBeCloseTo(0.5, 14);
    expect(projections[1] ** 2).toBeCloseTo(0.5, 14);
  });

  it('returns exactly the eigenvalues of symEigValues, on the WebAssembly and the JS path', () => {
    for (const backend of ['auto', 'js'] as const) {
      setBackend(backend);
      for (const n of [1, 2, 3, 17, 64, 129]) {
        const A = randomSymmetric(n, 100 + n);
        const { values } = symEigProjections(A, randomVector(n, n));
        expect(sameBits(values, symEigValues(A))).toBe(true);
      }
    }
  });

  it('gives the same bits with its reduction in kernel memory, through gemm only, and on a thread pool', async () => {
    const A = gram(randomMatrix(300, 420, 9));
    const B = randomMatrix(300, 3, 10);
    const simd = wasmBackend('simd') as KernelBackend;
    setBackend(simd);
    const inKernelMemory = symEigProjections(A, B);
    // A copy of the backend has no executor: the reduction's copies and the QL run in JS arrays.
    setBackend({ name: 'wasm-simd-without-executor', gemm: simd.gemm, syrk: simd.syrk });
    const throughArrays = symEigProjections(A, B);
    const pool = await createThreadedBackend({ threads: 2, kernel: 'simd' });
    try {
      setBackend(pool);
      const pooled = symEigProjections(A, B);
      for (const other of [throughArrays, pooled]) {
        expect(sameBits(other.values, inKernelMemory.values)).toBe(true);
        expect(sameBits(other.projections.data, inKernelMemory.projections.data)).toBe(true);
      }
    } finally {
      setBackend('auto');
      await pool.terminate();
    }
  });

  it('equals Vᵀ B of symEig row by row up to each eigenvector sign (separated spectra)', () => {
    for (const backend of ['auto', 'js'] as const) {
      setBackend(backend);
      for (const [n, m] of [
        [5, 1],
        [40, 3],
        [150, 2],
      ]) {
        const A = randomSymmetric(n, 7 * n);
        const B = randomMatrix(n, m, 3 * n);
        const { vectors } = symEig(A);
        const reference = matmul(vectors, B, { transposeA: true });
        const { projections } = symEigProjections(A, B);
        expect(projections).toBeInstanceOf(Matrix);
        expect(projections.shape).toEqual([n, m]);
        expect(rowsEqualUpToSign(projections.data, reference.data, n, m)).toBeLessThanOrEqual(1e-11 * n);
      }
    }
  });

  it('keeps the sign-free identities on random, low-rank, clustered and Gram matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('random', 'lowRank', 'clustered', 'gram'),
        fc.integer(),
        (n, m, kind, seed) => {
          let A: Matrix;
          if (kind === 'random') A = randomSymmetric(n, seed);
          else if (kind === 'lowRank') A = gram(lowRankMatrix(n, n + 3, Math.max(1, n >> 2), seed));
          else if (kind === 'gram') A = gram(randomMatrix(n, 2 * n + 1, seed));
          else {
            // Eigenvalues in two tight clusters: eigenvectors are ill-determined, sums are not.
            const Q = symEig(randomSymmetric(n, seed)).vectors;
            const D = new Matrix(n, n);
            for (let i = 0; i < n; i++) D.data[i * n + i] = (i % 2 === 0 ? 1 : 2) + 1e-14 * i;
            A = matmul(matmul(Q, D), Q, { transposeB: true });
            for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A.data[j * n + i] = A.data[i * n + j];
          }
          expectSpectralIdentities(A, randomMatrix(n, m, seed ^ 0x5bd1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('treats the zero matrix as having the identity eigenbasis', () => {
    const B = randomMatrix(4, 2, 9);
    const { values, projections } = symEigProjections(new Matrix(4, 4), B);
    expect(Array.from(values)).toEqual([0, 0, 0, 0]);
    expect(projections.toRows()).toEqual(B.toRows());
    expect(projections).not.toBe(B);
  });

  it('does not modify its inputs', () => {
    const A = randomSymmetric(6, 1);
    const B = randomMatrix(6, 2, 2);
    const before = [A.clone(), B.clone()];
    symEigProjections(A, B);
    expect(A.toRows()).toEqual(before[0].toRows());
    expect(B.toRows()).toEqual(before[1].toRows());
  });

  it('rejects mismatched or non-finite B with an error naming it', () => {
    const A = randomSymmetric(3, 1);
    const cases: unknown[] = [
      new Float64Array(2),
      Float64Array.of(1, Number.NaN, 0),
      new Matrix(2, 1),
      [1, 2, 3],
    ];
    for (const B of cases) {
      expect(() => symEigProjections(A, B as Float64Array)).toThrow(LinalgError);
      try {
        symEigProjections(A, B as Float64Array);
      } catch (error) {
        expect((error as LinalgError).argument).toBe('B');
      }
    }
    expect(() => symEigProjections(Matrix.fromRows([[1, 2]]), Float64Array.of(1))).toThrow(/square/);
  });
});
