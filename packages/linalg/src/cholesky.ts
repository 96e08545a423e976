import { LinalgError } from './errors.js';
import { getBackend } from './kernels/registry.js';
import { Matrix } from './matrix.js';
import { assertMatrix, assertSquare, assertSymmetric, assertVector } from './validate.js';

/** Columns per panel of the blocked factorization; the panel update is one backend `gemm`. */
const PANEL = 64;

/**
 * The Cholesky factor `L` (lower triangular, positive diagonal) with `A = L Lᵀ`.
 *
 * Left-looking blocked algorithm: for each panel of {@link PANEL} columns, the update by
 * all earlier columns, `A[k:, panel] − L[k:, :k] · L[panel, :k]ᵀ`, is one `gemm` on the
 * active backend (the O(n³/3) work); the panel itself is factored column by column.
 * Only the lower triangle of `A` is read, after checking that `A` is symmetric (relative
 * tolerance 1e-10).
 *
 * @param A symmetric positive definite n×n matrix (finite, non-empty)
 * @returns a new n×n lower-triangular matrix `L` (upper triangle zero)
 * @throws LinalgError naming `A` and the 0-based pivot where a leading minor is not
 *   positive definite
 * @example
 * ```ts
 * cholesky(Matrix.fromRows([[4, 2], [2, 5]])).toRows(); // [[2, 0], [1, 2]]
 * ```
 */
export function cholesky(A: Matrix): Matrix {
  assertMatrix('A', A);
  assertSquare('A', A);
  assertSymmetric('A', A);
  return factorLower('A', A);
}

function factorLower(name: string, A: Matrix): Matrix {
  const n = A.rows;
  const source = A.data;
  const L = new Matrix(n, n);
  const l = L.data;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j <= i; j++) l[row + j] = source[row + j];
  }
  const backend = getBackend();
  const update = new Float64Array(n * PANEL);
  for (let k0 = 0; k0 < n; k0 += PANEL) {
    const k1 = Math.min(k0 + PANEL, n);
    const width = k1 - k0;
    const height = n - k0;
    if (k0 > 0) {
      // update = L[k0:, :k0] · L[k0:k1, :k0]ᵀ, height × width, then subtracted below the diagonal.
      backend.gemm(false, true, height, width, k0, l, k0 * n, n, l, k0 * n, n, 0, update, 0, width);
      for (let i = 0; i < height; i++) {
        const row = (k0 + i) * n + k0;
        const jEnd = Math.min(width, i + 1);
        for (let j = 0; j < jEnd; j++) l[row + j] -= update[i * width + j];
      }
    }
    for (let j = k0; j < k1; j++) {
      const rowJ = j * n;
      let pivot = l[rowJ + j];
      for (let p = k0; p < j; p++) pivot -= l[rowJ + p] * l[rowJ + p];
      if (!(pivot > 0) || !Number.isFinite(pivot)) {
        throw new LinalgError(
          name,
          `is not positive definite: pivot ${j} (0-based) is ${pivot} after eliminating the first ${j} columns, so the leading ${j + 1}×${j + 1} minor is not positive definite; expected a symmetric positive definite matrix`,
        );
      }
      const diagonal = Math.sqrt(pivot);
      l[rowJ + j] = diagonal;
      for (let i = j + 1; i < n; i++) {
        const rowI = i * n;
        let s = l[rowI + j];
        for (let p = k0; p < j; p++) s -= l[rowI + p] * l[rowJ + p];
        l[rowI + j] = s / diagonal;
      }
    }
  }
  return L;
}

/**
 * Solves `A x = b` for symmetric positive definite `A` by `A = L Lᵀ`, then the
 * triangular solves `L y = b` and `Lᵀ x = y` (cost n³/3 + 2n²r for r right-hand sides).
 * Used e.g. for ridge regression, `(XᵀX + nλ I) θ = Xᵀ y`.
 *
 * @param A symmetric positive definite n×n matrix
 * @param b right-hand side: a vector of length n, or an n×r matrix (one column per system)
 * @returns `x` of the same kind as `b` (length n, or n×r)
 * @example
 * ```ts
 * choleskySolve(Matrix.fromRows([[4, 2], [2, 5]]), Float64Array.of(2, 1)); // [0.5, 0]
 * ```
 */
export function choleskySolve(A: Matrix, b: Float64Array): Float64Array;
export function choleskySolve(A: Matrix, b: Matrix): Matrix;
export function choleskySolve(A: Matrix, b: Float64Array | Matrix): Float64Array | Matrix;
export function choleskySolve(A: Matrix, b: Float64Array | Matrix): Float64Array | Matrix {
  assertMatrix('A', A);
  assertSquare('A', A);
  const n = A.rows;
  let columns: number;
  let x: Float64Array;
  if (b instanceof Matrix) {
    assertMatrix('b', b);
    if (b.rows !== n) {
      throw new LinalgError('b', `is ${b.shape} but A is ${A.shape}; expected b with ${n} rows`);
    }
    columns = b.cols;
    x = b.data.slice();
  } else {
    assertVector('b', b);
    if (b.length !== n) {
      throw new LinalgError('b', `has length ${b.length} but A is ${A.shape}; expected length ${n}`);
    }
    columns = 1;
    x = b.slice();
  }
  assertSymmetric('A', A);
  const l = factorLower('A', A).data;
  // Row-oriented substitutions: each step is an axpy over a contiguous row of x (all r columns).
  for (let i = 0; i < n; i++) {
    const rowL = i * n;
    const rowX = i * columns;
    for (let p = 0; p < i; p++) {
      const factor = l[rowL + p];
      const rowP = p * columns;
      for (let c = 0; c < columns; c++) x[rowX + c] -= factor * x[rowP + c];
    }
    const diagonal = l[rowL + i];
    for (let c = 0; c < columns; c++) x[rowX + c] /= diagonal;
  }
  for (let i = n - 1; i >= 0; i--) {
    const rowX = i * columns;
    const diagonal = l[i * n + i];
    for (let c = 0; c < columns; c++) x[rowX + c] /= diagonal;
    for (let p = 0; p < i; p++) {
      const factor = l[i * n + p];
      const rowP = p * columns;
      for (let c = 0; c < columns; c++) x[rowP + c] -= factor * x[rowX + c];
    }
  }
  return b instanceof Matrix ? new Matrix(n, columns, x) : x;
}
