import fc from 'fast-check';
import { expect } from 'vitest';
import type { KernelBackend } from '../src/index.js';
import { seededUniform } from './helpers.js';

/** Seeded buffer of uniform entries in [-1, 1). */
export function seededBuffer(length: number, seed: number): Float64Array {
  const next = seededUniform(seed);
  return Float64Array.from({ length }, () => next());
}

/** `op(A)[i, p]` for a row-major operand stored with leading dimension `ld` at `offset`. */
function entry(
  x: Float64Array,
  offset: number,
  ld: number,
  transposed: boolean,
  i: number,
  p: number,
): number {
  return transposed ? x[offset + p * ld + i] : x[offset + i * ld + p];
}

export interface GemmCase {
  transposeA: boolean;
  transposeB: boolean;
  m: number;
  n: number;
  k: number;
  beta: number;
  /** Extra columns in every leading dimension and a leading offset, to exercise strides. */
  pad: number;
  seed: number;
}

/** Runs one gemm on `backend` with padded strides; returns the full C buffer and (unless told not to) the naive reference. */
export function runGemmCase(
  backend: KernelBackend,
  c: GemmCase,
  withReference = true,
): { actual: Float64Array; expected: Float64Array } {
  const { transposeA, transposeB, m, n, k, beta, pad, seed } = c;
  const aRows = transposeA ? k : m;
  const aCols = transposeA ? m : k;
  const bRows = transposeB ? n : k;
  const bCols = transposeB ? k : n;
  const lda = aCols + pad;
  const ldb = bCols + pad;
  const ldc = n + pad;
  const a = seededBuffer(pad + aRows * lda, seed);
  const b = seededBuffer(pad + bRows * ldb, seed + 1);
  const start = seededBuffer(pad + m * ldc, seed + 2);
  const expected = start.slice();
  for (let i = 0; i < (withReference ? m : 0); i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++)
        sum += entry(a, pad, lda, transposeA, i, p) * entry(b, pad, ldb, transposeB, p, j);
      const index = pad + i * ldc + j;
      expected[index] = beta === 0 ? sum : beta * start[index] + sum;
    }
  }
  const actual = start.slice();
  if (beta === 0) {
    // BLAS semantics: with beta = 0, garbage in C must not leak into the result.
    for (let i = 0; i < m; i++) actual[pad + i * ldc] = Number.NaN;
  }
  backend.gemm(transposeA, transposeB, m, n, k, a, pad, lda, b, pad, ldb, beta, actual, pad, ldc);
  return { actual, expected };
}

/** Runs one syrk on `backend`; returns the C buffer (ldc = n + pad) and the naive reference. */
export function runSyrkCase(
  backend: KernelBackend,
  n: number,
  k: number,
  pad: number,
  seed: number,
  withReference = true,
): { actual: Float64Array; expected: Float64Array } {
  const lda = k + pad;
  const ldc = n + pad;
  const a = seededBuffer(pad + n * lda, seed);
  const expected = seededBuffer(pad + n * ldc, seed + 3);
  const actual = expected.slice();
  for (let i = 0; i < (withReference ? n : 0); i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[pad + i * lda + p] * a[pad + j * lda + p];
      expected[pad + i * ldc + j] = sum;
    }
  }
  backend.syrk(n, k, a, pad, lda, actual, pad, ldc);
  return { actual, expected };
}

/** Largest |x − y| over two buffers. */
export function maxDifference(x: Float64Array, y: Float64Array): number {
  let worst = 0;
  for (let t = 0; t < x.length; t++) worst = Math.max(worst, Math.abs(x[t] - y[t]));
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}

/** fast-check arbitrary of gemm cases, small enough for a naive reference. */
export const gemmCaseArbitrary: fc.Arbitrary<GemmCase> = fc.record({
  transposeA: fc.boolean(),
  transposeB: fc.boolean(),
  m: fc.integer({ min: 1, max: 23 }),
  n: fc.integer({ min: 1, max: 23 }),
  k: fc.integer({ min: 1, max: 40 }),
  beta: fc.constantFrom(0, 1, -0.5),
  pad: fc.integer({ min: 0, max: 3 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

/**
 * The conformance suite every kernel backend must pass: gemm in all transpose
 * combinations with strides, offsets and beta; sizes crossing the micro-tile, the
 * 256-deep summation slices and the 128×512 task blocks; syrk with exact symmetry.
 */
export function expectConformingBackend(backend: KernelBackend): void {
  fc.assert(
    fc.property(gemmCaseArbitrary, (c) => {
      const { actual, expected } = runGemmCase(backend, c);
      expect(maxDifference(actual, expected)).toBeLessThanOrEqual(1e-13 * (c.k + 1));
    }),
    { numRuns: 60, seed: 4 },
  );
  for (const transposeA of [false, true]) {
    for (const transposeB of [false, true]) {
      const c = { transposeA, transposeB, m: 131, n: 517, k: 300, beta: 0.5, pad: 1, seed: 11 };
      const { actual, expected } = runGemmCase(backend, c);
      expect(maxDifference(actual, expected)).toBeLessThanOrEqual(1e-12);
    }
  }
  for (const [n, k] of [
    [1, 1],
    [3, 2],
    [5, 257],
    [133, 70],
    [530, 19],
  ] as const) {
    const { actual, expected } = runSyrkCase(backend, n, k, 2, n + k);
    expect(maxDifference(actual, expected)).toBeLessThanOrEqual(1e-13 * (k + 1));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) expect(actual[2 + i * (n + 2) + j]).toBe(actual[2 + j * (n + 2) + i]);
    }
  }
}
