import { LinalgError } from './errors.js';
import { applyReflectorsTransposed, tridiagonalize } from './kernels/eigen/householder-tridiagonal.js';
import { implicitQL } from './kernels/eigen/implicit-ql.js';
import { jsBackend } from './kernels/js-backend.js';
import { getBackend } from './kernels/registry.js';
import {
  wasmSymmetricProjections,
  wasmTridiagonalEigenvalues,
  wasmTridiagonalize,
} from './kernels/wasm/symmetric-eigen-kernels.js';
import { Matrix } from './matrix.js';
import {
  descendingOrder,
  MAX_SWEEPS_PER_EIGENVALUE,
  nonConvergence,
  scaledSymmetricCopy,
} from './sym-eig-common.js';
import { assertMatrix, assertSymmetric, assertVector } from './validate.js';

/** The result of {@link symEigProjections}: a `Matrix` of projections for a `Matrix` B, a vector for a vector. */
export interface SymmetricEigenProjections<B extends Matrix | Float64Array> {
  /** Eigenvalues λ₁ ≥ λ₂ ≥ … ≥ λₙ, the same bits as {@link symEigValues}. */
  values: Float64Array;
  /** `VᵀB`: row j (entry j for a vector) is `v_jᵀB` for the unit eigenvector v_j of `values[j]`. */
  projections: B;
}

/**
 * The eigenvalues of a symmetric `A = V Λ Vᵀ` together with the projections `VᵀB` of a few
 * vectors onto its eigenvectors, without forming V: what spectral formulas such as the
 * ridge path need, e.g. `‖θ̂_λ‖² = Σⱼ μⱼ (v_jᵀy)² / (μⱼ + nλ)²` from `A = XXᵀ`, `B = y`.
 *
 * Algorithm: the Householder tridiagonalization `A = Q T Qᵀ` of {@link symEig}, then
 * `C = QᵀB` reflector by reflector (O(n²m)), then implicit QL on T with every plane
 * rotation applied to the rows of C, which turns it into `ZᵀQᵀB = VᵀB` (O(n²m)). The
 * eigenvalues come from the eigenvalue-only QL of {@link symEigValues} (same bits) and
 * are paired with the rows by rank. Cost: about that of `symEigValues` (the reduction,
 * ~4/3·n³) plus O(n²m); no n×n eigenvector matrix (`symEig` costs several times more).
 *
 * Signs: each eigenvector's sign is that of some fixed orthonormal eigenbasis, not
 * necessarily the one `symEig` returns, so use sign-free combinations (squares, or
 * products `(v_jᵀb)(v_jᵀc)` of two columns of one call). Within a cluster of (nearly)
 * equal eigenvalues the individual eigenvectors are not determined by A; sums over the
 * cluster are.
 *
 * @param A symmetric n×n matrix (finite, non-empty; symmetric to relative 1e-10, and
 *   `(A + Aᵀ)/2` is what is decomposed)
 * @param B n×m matrix (m vectors as columns) or a length-n vector, finite
 * @returns `{ values, projections }`: values descending; projections n×m (or length n)
 * @typeParam B the type of `B`: a {@link Matrix} gives an n×m matrix of projections, a Float64Array a vector
 * @example
 * ```ts
 * const { values, projections } = symEigProjections(Matrix.fromRows([[2, 1], [1, 2]]), Float64Array.of(1, 0));
 * values;                         // Float64Array [3, 1]
 * projections.map((c) => c * c);  // [0.5, 0.5]: (v₁ᵀb)², (v₂ᵀb)²
 * ```
 */
export function symEigProjections<B extends Matrix | Float64Array>(
  A: Matrix,
  B: B,
): SymmetricEigenProjections<B> {
  assertMatrix('A', A);
  assertSymmetric('A', A);
  const n = A.rows;
  const isVector = B instanceof Float64Array;
  if (isVector) assertVector('B', B, n);
  else {
    assertMatrix('B', B, { allowEmpty: true });
    if (B.rows !== n) throw new LinalgError('B', `is ${B.shape}, expected ${n} rows (as A is ${A.shape})`);
  }
  const m = isVector ? 1 : (B as Matrix).cols;
  const c = isVector ? B.slice() : (B as Matrix).data.slice();
  const { values, order } = projectOntoEigenvectors(A, c, m);
  const projections = new Float64Array(n * m);
  for (let j = 0; j < n; j++) projections.set(c.subarray(order[j] * m, order[j] * m + m), j * m);
  const result = isVector ? projections : new Matrix(n, m, projections);
  return { values, projections: result as B };
}

/**
 * `c ← VᵀB` in place (n×m row-major, unsorted rows); returns the descending eigenvalues and
 * which row of `c` belongs to each.
 */
function projectOntoEigenvectors(
  A: Matrix,
  c: Float64Array,
  m: number,
): { values: Float64Array; order: number[] } {
  const n = A.rows;
  // On a WebAssembly backend (the JS reference has no executor, so it takes the route below).
  const fast = wasmSymmetricProjections(A.data, n, c, m, MAX_SWEEPS_PER_EIGENVALUE);
  if (fast !== undefined) {
    if (fast.unconverged >= 0) throw nonConvergence(fast.unconverged);
    if (fast.scale === 0)
      return { values: new Float64Array(n), order: Array.from({ length: n }, (_, k) => k) };
    // Both QL runs agree to rounding, so rank r of one is rank r of the other.
    const values = Float64Array.from(descendingOrder(fast.values), (k) => fast.values[k] * fast.scale);
    return { values, order: descendingOrder(fast.rotated) };
  }
  const { a, scale } = scaledSymmetricCopy(A);
  // The zero matrix: every vector is an eigenvector, V = I.
  if (scale === 0) return { values: new Float64Array(n), order: Array.from({ length: n }, (_, k) => k) };
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const tau = new Float64Array(n);
  const useWasm = getBackend() !== jsBackend;
  if (!(useWasm && wasmTridiagonalize(n, a, d, e, tau))) tridiagonalize(n, a, d, e, tau);
  applyReflectorsTransposed(n, a, tau, c, m);
  const rotatedD = d.slice();
  const rotatedUnconverged = implicitQL(n, rotatedD, e.slice(), c, MAX_SWEEPS_PER_EIGENVALUE, m);
  if (rotatedUnconverged >= 0) throw nonConvergence(rotatedUnconverged);
  // Eigenvalues from the same eigenvalue-only QL as symEigValues (the same bits).
  const valuesUnconverged =
    (useWasm ? wasmTridiagonalEigenvalues(n, d, e, MAX_SWEEPS_PER_EIGENVALUE) : undefined) ??
    implicitQL(n, d, e, undefined, MAX_SWEEPS_PER_EIGENVALUE);
  if (valuesUnconverged >= 0) throw nonConvergence(valuesUnconverged);
  // Both QL runs agree to rounding, so rank r of one is rank r of the other.
  const order = descendingOrder(rotatedD);
  const values = Float64Array.from(descendingOrder(d), (k) => d[k] * scale);
  return { values, order };
}
