import type { KernelBackend } from './backend.js';

/**
 * Width of a block of the summation index `p` (and of output columns) processed while
 * the touched rows of `B` stay in L1/L2 cache: 256 doubles = 2 KiB per row slice.
 */
const BLOCK_K = 256;
/** Output columns updated per pass of the rank-1 kernels, so a slice of `C` rows stays cached. */
const BLOCK_N = 512;
/** Rows of the other operand visited per pass of the dot-product kernels. */
const BLOCK_ROWS = 64;

/**
 * Scales `C ← beta · C` up front so the kernels only accumulate. `beta = 0` writes
 * zeros (BLAS semantics) so garbage or NaN in an uninitialized `C` never leaks through.
 */
function scaleOutput(
  m: number,
  n: number,
  beta: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
): void {
  if (beta === 1) return;
  for (let i = 0; i < m; i++) {
    const rowStart = cOffset + i * ldc;
    if (beta === 0) c.fill(0, rowStart, rowStart + n);
    else for (let j = rowStart; j < rowStart + n; j++) c[j] *= beta;
  }
}

/**
 * `C += op(A) · B` with `B` stored `k×n` (not transposed), as rank-1 updates of rows of
 * `C`. `op(A)[i, p]` lives at `a[aOffset + i * aRowStride + p * aSumStride]`, which covers
 * both `A` and `Aᵀ`. Four rows of `C` are updated per pass so each loaded `B[p, j]`
 * feeds four multiply-adds; every `C[i, j]` still accumulates in ascending `p` order.
 */
function rankOneKernel(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  aOffset: number,
  aRowStride: number,
  aSumStride: number,
  b: Float64Array,
  bOffset: number,
  ldb: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
): void {
  for (let j0 = 0; j0 < n; j0 += BLOCK_N) {
    const jEnd = Math.min(j0 + BLOCK_N, n);
    for (let p0 = 0; p0 < k; p0 += BLOCK_K) {
      const pEnd = Math.min(p0 + BLOCK_K, k);
      let i = 0;
      for (; i + 3 < m; i += 4) {
        const c0 = cOffset + i * ldc;
        const c1 = c0 + ldc;
        const c2 = c1 + ldc;
        const c3 = c2 + ldc;
        const aRow = aOffset + i * aRowStride;
        for (let p = p0; p < pEnd; p++) {
          const aIndex = aRow + p * aSumStride;
          const a0 = a[aIndex];
          const a1 = a[aIndex + aRowStride];
          const a2 = a[aIndex + 2 * aRowStride];
          const a3 = a[aIndex + 3 * aRowStride];
          const bRow = bOffset + p * ldb;
          for (let j = j0; j < jEnd; j++) {
            const bj = b[bRow + j];
            c[c0 + j] += a0 * bj;
            c[c1 + j] += a1 * bj;
            c[c2 + j] += a2 * bj;
            c[c3 + j] += a3 * bj;
          }
        }
      }
      for (; i < m; i++) {
        const c0 = cOffset + i * ldc;
        const aRow = aOffset + i * aRowStride;
        for (let p = p0; p < pEnd; p++) {
          const a0 = a[aRow + p * aSumStride];
          const bRow = bOffset + p * ldb;
          for (let j = j0; j < jEnd; j++) c[c0 + j] += a0 * b[bRow + j];
        }
      }
    }
  }
}

/**
 * `C[i, j] += Σ_p A[i, p] · B[j, p]` (i.e. `C += A · Bᵀ` with both stored row-major), as
 * dot products of contiguous rows with a 2×2 register tile. Each entry has a single
 * accumulator summed in ascending `p`, so the result does not depend on the tiling;
 * `syrk` relies on that to agree bit for bit with `gemm(false, true)`.
 * With `upperOnly` (square `syrk` use) only entries with `j ≥ i` are formed, half the work.
 */
function dotKernel(
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  aOffset: number,
  lda: number,
  b: Float64Array,
  bOffset: number,
  ldb: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
  upperOnly: boolean,
): void {
  for (let j0 = 0; j0 < n; j0 += BLOCK_ROWS) {
    const jBlockEnd = Math.min(j0 + BLOCK_ROWS, n);
    const iLimit = upperOnly ? Math.min(m, jBlockEnd) : m;
    let i = 0;
    for (; i + 1 < iLimit; i += 2) {
      const a0 = aOffset + i * lda;
      const a1 = a0 + lda;
      const cRow0 = cOffset + i * ldc;
      const cRow1 = cRow0 + ldc;
      const jStart = upperOnly ? Math.max(j0, i) : j0;
      let j = jStart;
      for (; j + 1 < jBlockEnd; j += 2) {
        const b0 = bOffset + j * ldb;
        const b1 = b0 + ldb;
        let s00 = 0;
        let s01 = 0;
        let s10 = 0;
        let s11 = 0;
        for (let p = 0; p < k; p++) {
          const x0 = a[a0 + p];
          const x1 = a[a1 + p];
          const y0 = b[b0 + p];
          const y1 = b[b1 + p];
          s00 += x0 * y0;
          s01 += x0 * y1;
          s10 += x1 * y0;
          s11 += x1 * y1;
        }
        c[cRow0 + j] += s00;
        c[cRow0 + j + 1] += s01;
        c[cRow1 + j] += s10;
        c[cRow1 + j + 1] += s11;
      }
      for (; j < jBlockEnd; j++) {
        const b0 = bOffset + j * ldb;
        let s0 = 0;
        let s1 = 0;
        for (let p = 0; p < k; p++) {
          const y = b[b0 + p];
          s0 += a[a0 + p] * y;
          s1 += a[a1 + p] * y;
        }
        c[cRow0 + j] += s0;
        c[cRow1 + j] += s1;
      }
    }
    for (; i < iLimit; i++) {
      const a0 = aOffset + i * lda;
      const cRow0 = cOffset + i * ldc;
      for (let j = upperOnly ? Math.max(j0, i) : j0; j < jBlockEnd; j++) {
        const b0 = bOffset + j * ldb;
        let s = 0;
        for (let p = 0; p < k; p++) s += a[a0 + p] * b[b0 + p];
        c[cRow0 + j] += s;
      }
    }
  }
}

/**
 * The plain TypeScript backend: always available, in every JavaScript runtime, and the
 * reference every faster backend is tested against.
 *
 * - `A·B` and `Aᵀ·B`: blocked rank-1 updates of four rows of `C` at a time (unit-stride
 *   inner loop over a row of `B` and `C`).
 * - `A·Bᵀ` and `syrk`: dot products of contiguous rows with a 2×2 register tile.
 * - `Aᵀ·Bᵀ` (rare): `B` is transposed once into scratch, then `Aᵀ·B` is used.
 *
 * @example
 * ```ts
 * const a = Float64Array.of(1, 2, 3, 4); // 2×2, row-major
 * const b = Float64Array.of(5, 6, 7, 8);
 * const c = new Float64Array(4);
 * jsBackend.gemm(false, false, 2, 2, 2, a, 0, 2, b, 0, 2, 0, c, 0, 2); // c = a·b = [19, 22, 43, 50]
 * ```
 */
export const jsBackend: KernelBackend = {
  name: 'js',
  strict: true,

  gemm(transposeA, transposeB, m, n, k, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc) {
    scaleOutput(m, n, beta, c, cOffset, ldc);
    if (m === 0 || n === 0 || k === 0) return;
    if (!transposeB) {
      const rowStride = transposeA ? 1 : lda;
      const sumStride = transposeA ? lda : 1;
      rankOneKernel(m, n, k, a, aOffset, rowStride, sumStride, b, bOffset, ldb, c, cOffset, ldc);
      return;
    }
    if (!transposeA) {
      dotKernel(m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc, false);
      return;
    }
    // B is stored n×k; make a k×n copy so the unit-stride rank-1 kernel applies.
    const bT = new Float64Array(k * n);
    for (let j = 0; j < n; j++) {
      const row = bOffset + j * ldb;
      for (let p = 0; p < k; p++) bT[p * n + j] = b[row + p];
    }
    rankOneKernel(m, n, k, a, aOffset, 1, lda, bT, 0, n, c, cOffset, ldc);
  },

  syrk(n, k, a, aOffset, lda, c, cOffset, ldc) {
    for (let i = 0; i < n; i++) {
      const rowStart = cOffset + i * ldc;
      c.fill(0, rowStart + i, rowStart + n);
    }
    dotKernel(n, n, k, a, aOffset, lda, a, aOffset, lda, c, cOffset, ldc, true);
    // Mirror the upper triangle: the result is exactly symmetric by construction.
    for (let i = 1; i < n; i++) {
      const rowStart = cOffset + i * ldc;
      for (let j = 0; j < i; j++) c[rowStart + j] = c[cOffset + j * ldc + i];
    }
  },
};
