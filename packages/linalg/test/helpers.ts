import fc from 'fast-check';
import { Matrix } from '../src/index.js';

/** A reproducible stream of uniform numbers in [-1, 1) (mulberry32). */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

/** A `rows×cols` matrix of seeded uniform entries. */
export function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const next = seededUniform(seed);
  const M = new Matrix(rows, cols);
  for (let k = 0; k < M.data.length; k++) M.data[k] = next();
  return M;
}

/** A seeded vector of uniform entries. */
export function randomVector(length: number, seed: number): Float64Array {
  const next = seededUniform(seed);
  return Float64Array.from({ length }, () => next());
}

/** A seeded random symmetric matrix (A + Aᵀ)/2. */
export function randomSymmetric(n: number, seed: number): Matrix {
  const A = randomMatrix(n, n, seed);
  const S = new Matrix(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) S.data[i * n + j] = (A.data[i * n + j] + A.data[j * n + i]) / 2;
  return S;
}

/** Textbook triple loop, the reference for the blocked kernels. */
export function naiveProduct(A: Matrix, B: Matrix): Matrix {
  const C = new Matrix(A.rows, B.cols);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < B.cols; j++) {
      let s = 0;
      for (let p = 0; p < A.cols; p++) s += A.data[i * A.cols + p] * B.data[p * B.cols + j];
      C.data[i * B.cols + j] = s;
    }
  }
  return C;
}

/** Largest absolute entry of `A − B` (same shapes). */
export function maxAbsDiff(A: Matrix | Float64Array, B: Matrix | Float64Array): number {
  const a = A instanceof Matrix ? A.data : A;
  const b = B instanceof Matrix ? B.data : B;
  if (a.length !== b.length) throw new Error(`length mismatch ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
  return worst;
}

/** Largest absolute entry. */
export function maxAbs(A: Matrix | Float64Array): number {
  const a = A instanceof Matrix ? A.data : A;
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k]));
  return worst;
}

/** fast-check arbitrary for a seeded matrix with 1..maxSize rows and columns. */
export function matrixArbitrary(maxSize = 12): fc.Arbitrary<Matrix> {
  return fc
    .record({
      rows: fc.integer({ min: 1, max: maxSize }),
      cols: fc.integer({ min: 1, max: maxSize }),
      seed: fc.integer(),
    })
    .map(({ rows, cols, seed }) => randomMatrix(rows, cols, seed));
}

/** A seeded `rows×cols` matrix of exact rank `rank` (product of random factors). */
export function lowRankMatrix(rows: number, cols: number, rank: number, seed: number): Matrix {
  const left = randomMatrix(rows, rank, seed);
  const right = randomMatrix(rank, cols, seed + 1);
  return naiveProduct(left, right);
}

/** Property-run settings shared by the suites: enough cases, bounded time. */
export const propertyRuns = { numRuns: 60, seed: 20240122 } as const;
