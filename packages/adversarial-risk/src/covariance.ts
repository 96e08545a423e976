import { assertMatrix, describeValue, matvec, toFloat64Vector } from '@benignlab/linalg';
import type { Covariance, CovarianceInput } from '@benignlab/linear-models';
import { RiskError } from './errors.js';

// One covariance type for the whole library: `@benignlab/linear-models` declares it (its
// fits take it too), this package re-exports it. The risks need λ_j > 0, checked below.
export type { Covariance, CovarianceInput };

/** Relative tolerance on the unit length of each basis column. */
const UNIT_COLUMN_TOLERANCE = 1e-8;

/**
 * Checks a {@link Covariance}: positive finite eigenvalues, and a p×p basis with unit
 * columns when present (a cheap O(p²) guard against passing Σ itself as the basis;
 * full orthogonality would cost O(p³)).
 */
export function assertCovariance(name: string, value: unknown): Covariance {
  if (value === null || typeof value !== 'object') {
    throw new RiskError(name, `expected a covariance { eigenvalues, basis? }, got ${describeValue(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (key !== 'eigenvalues' && key !== 'basis') {
      throw new RiskError(name, `has unknown key "${key}"; expected "eigenvalues" and optionally "basis"`);
    }
  }
  const { basis } = value as Covariance;
  const eigenvalues = toFloat64Vector((value as Covariance).eigenvalues) as Float64Array;
  if (!(eigenvalues instanceof Float64Array) || eigenvalues.length === 0) {
    throw new RiskError(
      `${name}.eigenvalues`,
      `expected a non-empty Float64Array, got ${describeValue(eigenvalues)}`,
    );
  }
  for (let j = 0; j < eigenvalues.length; j++) {
    const lambda = eigenvalues[j] as number;
    if (!(lambda > 0 && lambda < Number.POSITIVE_INFINITY)) {
      throw new RiskError(
        `${name}.eigenvalues`,
        `entry ${j} is ${lambda}; expected finite positive eigenvalues (a covariance is positive definite)`,
      );
    }
  }
  if (basis !== undefined) {
    const p = eigenvalues.length;
    assertMatrix(`${name}.basis`, basis);
    if (basis.rows !== p || basis.cols !== p) {
      throw new RiskError(
        `${name}.basis`,
        `is ${basis.shape}, expected ${p}×${p} to match the ${p} eigenvalues`,
      );
    }
    const squaredNorms = new Float64Array(p);
    const { data } = basis;
    for (let i = 0; i < p; i++) {
      const offset = i * p;
      for (let j = 0; j < p; j++) {
        const b = data[offset + j] as number;
        squaredNorms[j] += b * b;
      }
    }
    for (let j = 0; j < p; j++) {
      if (Math.abs((squaredNorms[j] as number) - 1) > UNIT_COLUMN_TOLERANCE) {
        throw new RiskError(
          `${name}.basis`,
          `column ${j} has squared length ${squaredNorms[j]}; expected orthonormal eigenvector columns`,
        );
      }
    }
  }
  return basis === undefined ? { eigenvalues } : { eigenvalues, basis };
}

/**
 * Coordinates of an ambient vector in the eigenbasis, `Bᵀv` (v itself when Σ is
 * diagonal, without a copy).
 */
export function toEigenCoordinates(v: Float64Array, covariance: Covariance): Float64Array {
  return covariance.basis === undefined ? v : matvec(covariance.basis, v, { transpose: true });
}

/** `tr Σ = Σ_j λ_j`. */
export function covarianceTrace(eigenvalues: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < eigenvalues.length; j++) sum += eigenvalues[j] as number;
  return sum;
}

/** `vᵀ Σ v = Σ_j λ_j c_j²` for eigen-coordinates `c`. */
export function quadraticForm(eigenvalues: Float64Array, coordinates: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < eigenvalues.length; j++) {
    const c = coordinates[j] as number;
    sum += (eigenvalues[j] as number) * c * c;
  }
  return sum;
}
