import {
  assertMatrix,
  describeValue,
  type Matrix,
  matmul,
  toFloat64Vector,
  type VectorInput,
} from '@benignlab/linalg';
import { LinearModelError } from './errors.js';
import { multiply, multiplyTransposed } from './linear-model.js';

/**
 * A feature covariance `Σ = B diag(e) Bᵀ` by its eigenvalues `e` and optional orthonormal
 * eigenbasis `B` (columns are eigenvectors; absent means Σ = diag(e)). The one covariance
 * type of benignlab: `@benignlab/adversarial-risk` re-exports it, and `@benignlab/data`'s
 * designs describe Σ in the same shape ([Theory §1](https://benignlab.github.io/theory.html#section-1)). The fits accept
 * e_j ≥ 0; the risk functions of adversarial-risk need Σ positive definite (e_j > 0) and
 * say so.
 */
export interface Covariance {
  /** e_1, …, e_p, in the order of the basis columns. */
  readonly eigenvalues: Float64Array;
  /** p×p orthonormal eigenbasis, columns are eigenvectors; identity when absent. */
  readonly basis?: Matrix | undefined;
}

/** A {@link Covariance} whose eigenvalues may also be a plain array of numbers. */
export interface CovarianceInput {
  /** e_1, …, e_p: a `Float64Array` or `number[]`. */
  readonly eigenvalues: VectorInput;
  /** p×p orthonormal eigenbasis, columns are eigenvectors; identity when absent. */
  readonly basis?: Matrix | undefined;
}

/** Checks a {@link Covariance} for p features. */
export function assertCovariance(name: string, value: unknown, p: number): Covariance {
  if (value === null || typeof value !== 'object') {
    throw new LinearModelError(
      name,
      `expected a covariance { eigenvalues, basis? }, got ${describeValue(value)}`,
    );
  }
  for (const key of Object.keys(value)) {
    if (key !== 'eigenvalues' && key !== 'basis') {
      throw new LinearModelError(
        name,
        `has unknown key "${key}"; expected "eigenvalues" and optionally "basis"`,
      );
    }
  }
  const { basis } = value as Covariance;
  const eigenvalues = toFloat64Vector((value as CovarianceInput).eigenvalues) as Float64Array;
  if (!(eigenvalues instanceof Float64Array) || eigenvalues.length !== p) {
    throw new LinearModelError(
      `${name}.eigenvalues`,
      `expected a Float64Array of length ${p} (one per feature), got ${describeValue(eigenvalues)}`,
    );
  }
  for (let j = 0; j < p; j++) {
    const e = eigenvalues[j];
    if (!Number.isFinite(e) || e < 0) {
      throw new LinearModelError(
        `${name}.eigenvalues`,
        `entry ${j} is ${e}; expected finite non-negative variances`,
      );
    }
  }
  if (basis !== undefined) {
    assertMatrix(`${name}.basis`, basis);
    if (basis.rows !== p || basis.cols !== p) {
      throw new LinearModelError(`${name}.basis`, `is ${basis.shape}, expected ${p}×${p}`);
    }
  }
  return basis === undefined ? { eigenvalues } : { eigenvalues, basis };
}

/**
 * `R Σ^{1/2}` in the sense `(R B) diag(√e)`, for R with p columns: then
 * `(R Σ^{1/2})(R Σ^{1/2})ᵀ = R Σ Rᵀ`. O(mp) for diagonal Σ, O(mp²) with a basis.
 */
export function whitenRows(R: Matrix, covariance: Covariance): Matrix {
  const rotated = covariance.basis === undefined ? R.clone() : matmul(R, covariance.basis);
  const { rows, cols, data } = rotated;
  const scale = new Float64Array(cols);
  for (let j = 0; j < cols; j++) scale[j] = Math.sqrt(covariance.eigenvalues[j]);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) data[offset + j] *= scale[j];
  }
  return rotated;
}

/** `Σ v` (length p). O(p) for diagonal Σ, O(p²) with a basis. */
export function applyCovariance(covariance: Covariance, v: Float64Array): Float64Array {
  const { eigenvalues, basis } = covariance;
  const p = eigenvalues.length;
  if (basis === undefined) {
    const out = new Float64Array(p);
    for (let j = 0; j < p; j++) out[j] = eigenvalues[j] * v[j];
    return out;
  }
  // Σ v = U diag(λ) Uᵀ v.
  const coordinates = multiplyTransposed(basis, v);
  for (let k = 0; k < p; k++) coordinates[k] *= eigenvalues[k];
  return multiply(basis, coordinates);
}
