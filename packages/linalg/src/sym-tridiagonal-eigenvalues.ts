import { LinalgError } from './errors.js';
import { describeValue } from './matrix.js';
import { rationalQL } from './rational-ql.js';
import { MAX_SWEEPS_PER_EIGENVALUE, nonConvergence } from './sym-eig-common.js';

/**
 * Eigenvalues of the symmetric tridiagonal matrix T with diagonal `diagonal` (length n) and
 * off-diagonal `offDiagonal` (length n − 1, `T[i][i+1] = T[i+1][i] = offDiagonal[i]`),
 * sorted ascending. Values only, in O(n) memory and O(n²) time: Reinsch's rational
 * (root-free) QL iteration with shifts (EISPACK `tqlrat`, the algorithm of LAPACK's
 * `dsterf`), on T directly, so a 10⁵×10⁵ tridiagonal matrix needs a few MB, never an
 * n×n buffer.
 *
 * The input is scaled by its largest magnitude first so the rotations neither overflow nor
 * underflow; eigenvalues carry an absolute error of order ε·‖T‖ (small ones lose relative
 * accuracy, as in `dsterf`).
 * Deterministic: the same input gives the same bits on every engine and thread count
 * (single-threaded, no WebAssembly).
 *
 * @param diagonal the n diagonal entries (finite)
 * @param offDiagonal the n − 1 off-diagonal entries (finite)
 * @returns a new Float64Array of the n eigenvalues, ascending
 * @example
 * ```ts
 * symTridiagonalEigenvalues(Float64Array.of(2, 2), Float64Array.of(1)); // [1, 3]
 * ```
 */
export function symTridiagonalEigenvalues(diagonal: Float64Array, offDiagonal: Float64Array): Float64Array {
  if (!(diagonal instanceof Float64Array) || diagonal.length === 0) {
    throw new LinalgError('diagonal', `expected a non-empty Float64Array, got ${describeValue(diagonal)}`);
  }
  const n = diagonal.length;
  if (!(offDiagonal instanceof Float64Array) || offDiagonal.length !== n - 1) {
    throw new LinalgError(
      'offDiagonal',
      `expected a Float64Array of length n − 1 = ${n - 1}, got ${describeValue(offDiagonal)}`,
    );
  }
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const value = diagonal[i] as number;
    if (!Number.isFinite(value)) {
      throw new LinalgError('diagonal', `entry ${i} is ${value}; expected finite numbers only`);
    }
    scale = Math.max(scale, Math.abs(value));
  }
  for (let i = 0; i < n - 1; i++) {
    const value = offDiagonal[i] as number;
    if (!Number.isFinite(value)) {
      throw new LinalgError('offDiagonal', `entry ${i} is ${value}; expected finite numbers only`);
    }
    scale = Math.max(scale, Math.abs(value));
  }
  const d = new Float64Array(n);
  if (scale === 0) return d;
  const e2 = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = (diagonal[i] as number) / scale;
  for (let i = 0; i < n - 1; i++) e2[i] = ((offDiagonal[i] as number) / scale) ** 2;
  const unconverged = rationalQL(n, d, e2, MAX_SWEEPS_PER_EIGENVALUE);
  if (unconverged >= 0) throw nonConvergence(unconverged);
  for (let i = 0; i < n; i++) d[i] = (d[i] as number) * scale;
  return d.sort();
}
