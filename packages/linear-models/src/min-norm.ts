import type { VectorInput } from '@benignlab/linalg';
import { lstsq, type Matrix } from '@benignlab/linalg';
import { combineEigenvectors, gramSpectrum, projectOntoEigenvectors } from './gram-spectrum.js';
import { type LinearModel, linearModel, multiplyTransposed } from './linear-model.js';
import { assertDesign } from './validate.js';

/** The minimum-norm least-squares fit `θ̂₀ = X⁺y` and how it was computed. */
export interface MinNormModel extends LinearModel {
  /** Numerical rank of X (directions below the cutoff are treated as null). */
  readonly rank: number;
  /** `'dual'` (eigendecomposition of XXᵀ, p > n) or `'primal'` (least squares, p ≤ n). */
  readonly form: 'dual' | 'primal';
}

/**
 * The minimum-norm least-squares solution `θ̂₀ = X⁺ y` ([Theory §2](https://benignlab.github.io/theory.html#section-2)), the ridgeless
 * limit λ → 0⁺ of ridge.
 *
 * - p > n (dual form): `θ̂₀ = Xᵀ U diag(1/μ) Uᵀ y` from one eigendecomposition
 *   `XXᵀ = U diag(μ) Uᵀ`; when rank X = n this is `Xᵀ(XXᵀ)⁻¹y`, the min-norm interpolator.
 *   Eigenvalues μ ≤ max(n, p)·ε·μ₁ count as zero (pseudo-inverse semantics), so duplicated
 *   or dependent rows give the least-squares fit of minimum norm, never NaN.
 *   Cost O(n²p + n³).
 * - p ≤ n (primal form): ordinary least squares through `lstsq` of `@benignlab/linalg`
 *   (its default singular-value cutoff), which avoids squaring the condition number.
 *
 * @param X n×p design, rows are samples
 * @param y length-n labels
 * @returns coefficients (length p), `predict`, `rank` and `form`
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0, 1], [0, 1, 1]]);
 * const fit = minNorm(X, Float64Array.of(1, 2));
 * fit.predict(X); // [1, 2]: p > n, the fit interpolates
 * fit.rank; // 2
 * ```
 */
export function minNorm(X: Matrix, y: VectorInput): MinNormModel {
  const { n, p, y: labels } = assertDesign(X, y);
  if (p > n) return dualMinNorm(X, labels);
  const { solution, rank } = lstsq(X, labels);
  return { ...linearModel(solution as Float64Array), rank, form: 'primal' };
}

function dualMinNorm(X: Matrix, y: Float64Array): MinNormModel {
  const spectrum = gramSpectrum(X, 'dual');
  const { rank, values, vectors } = spectrum;
  const coordinates = projectOntoEigenvectors(vectors, y, rank);
  for (let k = 0; k < rank; k++) coordinates[k] /= values[k];
  const dualCoef = combineEigenvectors(vectors, coordinates, rank);
  return { ...linearModel(multiplyTransposed(X, dualCoef)), rank, form: 'dual' };
}
