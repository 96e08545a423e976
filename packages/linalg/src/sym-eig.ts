import {
  accumulateReflectors,
  transposeSquare,
  tridiagonalize,
} from './kernels/eigen/householder-tridiagonal.js';
import { implicitQL } from './kernels/eigen/implicit-ql.js';
import { jsBackend } from './kernels/js-backend.js';
import { getBackend } from './kernels/registry.js';
import {
  wasmSymmetricEigenpairs,
  wasmSymmetricEigenvalues,
  wasmTridiagonalEigen,
} from './kernels/wasm/symmetric-eigen-kernels.js';
import { Matrix } from './matrix.js';
import {
  descendingOrder,
  MAX_SWEEPS_PER_EIGENVALUE,
  nonConvergence,
  scaledSymmetricCopy,
} from './sym-eig-common.js';
import { assertMatrix, assertSymmetric } from './validate.js';

/** The result of {@link symEig}. */
export interface SymmetricEigendecomposition {
  /** Eigenvalues λ₁ ≥ λ₂ ≥ … ≥ λₙ (descending). */
  values: Float64Array;
  /** n×n orthogonal matrix whose column j is the unit eigenvector for `values[j]`. */
  vectors: Matrix;
}

/**
 * Symmetric eigendecomposition `A = V Λ Vᵀ`, e.g. of a covariance `Σ` or a Gram matrix
 * `X Xᵀ`, whose eigenvalues λᵢ feed the effective ranks `r_k(Σ)` of the Theory page.
 *
 * Algorithm (as LAPACK's `dsteqr` path and EISPACK's `tred2`/`tql2`):
 * 1. scale `A` by its largest magnitude (no overflow or underflow in the sweeps);
 * 2. Householder tridiagonalization `A = Q T Qᵀ` (~2n³ flops; reflectors stored, `Q`
 *    accumulated backwards in 4/3·n³);
 * 3. implicit QL iteration on `T` with Wilkinson shifts (the eigenvalue of the leading
 *    2×2 block closer to its top entry), the plane rotations applied to the rows of `Qᵀ`
 *    (contiguous in row-major storage), which become the eigenvectors. On the default
 *    WebAssembly path QL yields the eigenvalues only (on a worker of a thread pool), and
 *    the eigenvectors come from divide and conquer on `T` (LAPACK `dstedc`, ~4/3·n³ flops)
 *    followed by one blocked back-transformation by Q (`dormtr`, ~2n³), the whole
 *    decomposition held in the backend's WebAssembly memory and shared by its threads.
 *
 * The result is backward stable: the eigenvalues are accurate to about `n·ε·‖A‖₂`
 * absolutely (so ~1e-13 relative for well-conditioned spectra) and the eigenvectors are
 * orthonormal to working precision. Each eigenvector's sign is fixed so that its
 * largest-magnitude entry is positive (first one on ties), which makes results
 * reproducible across backends and platforms.
 *
 * @param A symmetric n×n matrix (finite, non-empty; symmetric to relative 1e-10, and
 *   `(A + Aᵀ)/2` is what is decomposed)
 * @returns `{ values, vectors }` with `values` descending and `A · vectors[:, j] = values[j] · vectors[:, j]`
 * @example
 * ```ts
 * const { values, vectors } = symEig(Matrix.fromRows([[2, 1], [1, 2]]));
 * values; // Float64Array [3, 1]
 * vectors.column(0); // [0.7071…, 0.7071…]
 * ```
 */
export function symEig(A: Matrix): SymmetricEigendecomposition {
  assertMatrix('A', A);
  assertSymmetric('A', A);
  const n = A.rows;
  const { d, scale, orderedColumns } = eigenpairs(A);
  if (orderedColumns === undefined) return { values: new Float64Array(n), vectors: Matrix.identity(n) };
  const order = descendingOrder(d);
  const values = Float64Array.from(order, (k) => d[k] * scale);
  return { values, vectors: new Matrix(n, n, orderedColumns(order)) };
}

/**
 * Column j of the result is column `order[j]` of the n×n `columns`, signed so that its
 * largest-magnitude entry is positive (the first on ties): found row by row so every pass
 * over the columns is contiguous. (The WebAssembly path runs the same convention in kernel
 * memory.)
 */
function orderSignedColumns(n: number, columns: Float64Array, order: number[]): Float64Array {
  const largest = new Float64Array(n).fill(-1);
  const sign = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k < n; k++) {
      const magnitude = Math.abs(columns[row + k]);
      if (magnitude > largest[k]) {
        largest[k] = magnitude;
        sign[k] = columns[row + k] < 0 ? -1 : 1;
      }
    }
  }
  const ordered = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) ordered[row + j] = sign[order[j]] * columns[row + order[j]];
  }
  return ordered;
}

/**
 * The eigenvalues alone of a symmetric matrix, descending: the same algorithm and
 * accuracy as {@link symEig} (bit-identical values) without accumulating eigenvectors
 * (about 2n³ flops instead of ~9n³). For spectra: effective ranks `r_k(Σ)`, kernel eigenvalues.
 *
 * @param A symmetric n×n matrix (finite, non-empty; symmetric to relative 1e-10)
 * @returns the n eigenvalues λ₁ ≥ … ≥ λₙ
 * @example
 * ```ts
 * symEigValues(Matrix.fromRows([[2, 1], [1, 2]])); // Float64Array [3, 1]
 * ```
 */
export function symEigValues(A: Matrix): Float64Array {
  assertMatrix('A', A);
  assertSymmetric('A', A);
  const fast = wasmSymmetricEigenvalues(A.data, A.rows, MAX_SWEEPS_PER_EIGENVALUE);
  if (fast !== undefined && fast.unconverged >= 0) throw nonConvergence(fast.unconverged);
  const { d, scale } =
    fast === undefined ? reduceAndIterate(A, false) : { d: fast.values, scale: fast.scale || 1 };
  return Float64Array.from(descendingOrder(d), (k) => d[k] * scale);
}

/**
 * The unsorted scaled eigenvalues `d`, the scale, and `orderedColumns(order)`, the
 * eigenvectors of d[order[0]], d[order[1]], … as sign-fixed columns of a fresh n×n array
 * (undefined for the zero matrix): all in kernel memory on a WebAssembly backend, else by
 * {@link reduceAndIterate}.
 */
function eigenpairs(A: Matrix): {
  d: Float64Array;
  scale: number;
  orderedColumns: ((order: number[]) => Float64Array) | undefined;
} {
  const n = A.rows;
  const fast = wasmSymmetricEigenpairs(A.data, n, MAX_SWEEPS_PER_EIGENVALUE);
  if (fast !== undefined) {
    if (fast.unconverged >= 0) throw nonConvergence(fast.unconverged);
    if (fast.scale === 0) return { d: new Float64Array(n), scale: 1, orderedColumns: undefined };
    return { d: fast.d, scale: fast.scale, orderedColumns: fast.orderedColumns };
  }
  const { d, columns, scale } = reduceAndIterate(A, true);
  if (columns === undefined) return { d, scale, orderedColumns: undefined };
  return { d, scale, orderedColumns: (order) => orderSignedColumns(n, columns, order) };
}

/**
 * Scales `(A + Aᵀ)/2` by its largest magnitude, tridiagonalizes it and runs the QL
 * iteration. Returns the unsorted scaled eigenvalues `d`, and with `wantVectors` the
 * eigenvectors as the columns of `columns` (undefined for the zero matrix).
 */
function reduceAndIterate(
  A: Matrix,
  wantVectors: boolean,
): { d: Float64Array; columns: Float64Array | undefined; scale: number } {
  const n = A.rows;
  const { a, scale } = scaledSymmetricCopy(A);
  if (scale === 0) return { d: new Float64Array(n), columns: undefined, scale: 1 };
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  // The same algorithm in WebAssembly SIMD unless the JS reference backend is pinned.
  const fast =
    getBackend() === jsBackend
      ? undefined
      : wasmTridiagonalEigen(n, a, d, e, wantVectors, MAX_SWEEPS_PER_EIGENVALUE);
  if (fast !== undefined) {
    if (fast.unconverged >= 0) throw nonConvergence(fast.unconverged);
    return { d, columns: fast.vectors, scale };
  }
  const tau = new Float64Array(n);
  tridiagonalize(n, a, d, e, tau);
  // QL rotates rows: start from Qᵀ, end with the eigenvectors as rows, then transpose.
  const rows = wantVectors ? transposeSquare(n, accumulateReflectors(n, a, tau)) : undefined;
  const unconverged = implicitQL(n, d, e, rows, MAX_SWEEPS_PER_EIGENVALUE);
  if (unconverged >= 0) throw nonConvergence(unconverged);
  return { d, columns: rows === undefined ? undefined : transposeSquare(n, rows), scale };
}
