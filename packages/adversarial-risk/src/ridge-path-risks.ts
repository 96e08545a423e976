import { assertKnownOptions, type Matrix, toFloat64Vector, type VectorInput } from '@benignlab/linalg';
import { ridgePath } from '@benignlab/linear-models';
import type { BudgetMode } from './budget.js';
import { assertCovariance, type CovarianceInput } from './covariance.js';
import { RiskError } from './errors.js';
import { adversarialRisk, harmRatio, standardRisk } from './linear-risk.js';
import type { NormSpec } from './norms.js';

/** Options of {@link ridgePathRisks}. */
export interface RidgePathRisksOptions {
  /** The true coefficients θ* (length p). */
  thetaStar: VectorInput;
  /** The feature covariance Σ of the test distribution x ~ N(0, Σ). */
  covariance: CovarianceInput;
  /** The budget α ≥ 0 (absolute), or α_rel when `budget` is `'relative'`. */
  alpha: number;
  /** The adversaries' norms, one curve each; default `['l2']`. */
  norms?: readonly NormSpec[];
  /** How α is read; default `'absolute'`. */
  budget?: BudgetMode;
  /** σ² ≥ 0 of Gaussian label noise in the test loss; default 0. */
  noiseVariance?: number;
}

/** The risks of θ̂_λ over the grid: one entry per λ, one curve per norm. */
export interface RidgePathRisks {
  readonly lambda: Float64Array;
  /** `R(θ̂_λ) = (θ̂_λ − θ*)ᵀ Σ (θ̂_λ − θ*)`. */
  readonly standardRisk: Float64Array;
  /** Exact Gaussian `R_α(θ̂_λ)`, keyed by norm (`'l2'`, `'linf'`, or the exponent as a string). */
  readonly adversarialRisk: Readonly<Record<string, Float64Array>>;
  /** `R_α(θ̂_λ)/R_α(θ*)` under the same budget, keyed like `adversarialRisk`. */
  readonly harmRatio: Readonly<Record<string, Float64Array>>;
  /** θ̂_λ for every λ, a `count×p` matrix (row k at `lambda[k]`). */
  readonly coefficients: Matrix;
}

/**
 * Standard and adversarial risks of ridge regression along a λ grid in one call: the path
 * θ̂_λ from one spectral decomposition (`ridgePath` of `@benignlab/linear-models`, λ = 0
 * is the min-norm interpolator), then for each λ the exact Gaussian risks
 * `R(θ̂_λ)`, `R_α(θ̂_λ) = R + 2√(2/π)·α‖θ̂_λ‖_*·√R + α²‖θ̂_λ‖_*²` and the harm ratio
 * `R_α(θ̂_λ)/R_α(θ*)` for each adversary norm (ℓ2 → ‖·‖₂, ℓ∞ → ‖·‖₁ as dual norms).
 *
 * Cost: the path (O(n²p + n³) for p > n), θ̂ for the grid (two matrix products), then
 * O(p) per λ and norm (O(p²) when Σ has a basis).
 *
 * @param X n×p training design, rows are samples
 * @param y length-n training labels
 * @param lambdas the grid, every λ ≥ 0
 * @param options θ*, Σ, α, norms, budget, noiseVariance
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0, 1], [0, 1, 1]]); // n = 2, p = 3
 * const y = Float64Array.of(1, 2);
 * const thetaStar = Float64Array.of(1, 1, 0);
 * const eigenvalues = Float64Array.of(1, 1, 1); // Σ = I
 * const risks = ridgePathRisks(X, y, [0, 1e-3, 1e-2, 1e-1], {
 *   thetaStar, covariance: { eigenvalues }, alpha: 0.05, budget: 'relative', norms: ['l2', 'linf'],
 * });
 * risks.standardRisk; // R over λ
 * risks.adversarialRisk.linf; // R_α against ℓ∞ over λ
 * risks.harmRatio.l2; // R_α(θ̂_λ)/R_α(θ*) against ℓ2
 * ```
 */
export function ridgePathRisks(
  X: Matrix,
  y: VectorInput,
  lambdas: ArrayLike<number>,
  options: RidgePathRisksOptions,
): RidgePathRisks {
  if (options === null || typeof options !== 'object') {
    throw new RiskError(
      'options',
      'expected { thetaStar, covariance, alpha, norms?, budget?, noiseVariance? }',
    );
  }
  assertKnownOptions('options', options, [
    'thetaStar',
    'covariance',
    'alpha',
    'norms',
    'budget',
    'noiseVariance',
  ]);
  const covariance = assertCovariance('options.covariance', options.covariance);
  const thetaStar = toFloat64Vector(options.thetaStar) as Float64Array;
  const norms = options.norms ?? ['l2'];
  if (!Array.isArray(norms) || norms.length === 0) {
    throw new RiskError('options.norms', "expected a non-empty array of norms such as ['l2', 'linf']");
  }
  const grid = Float64Array.from(lambdas);
  const coefficients = ridgePath(X, toFloat64Vector(y) as Float64Array).coefMatrix(grid);
  const count = grid.length;
  const risk = new Float64Array(count);
  const adversarial: Record<string, Float64Array> = {};
  const harm: Record<string, Float64Array> = {};
  for (const norm of norms) {
    adversarial[String(norm)] = new Float64Array(count);
    harm[String(norm)] = new Float64Array(count);
  }
  for (let k = 0; k < count; k++) {
    const theta = coefficients.row(k);
    risk[k] = standardRisk(theta, thetaStar, covariance);
    for (const norm of norms) {
      const riskOptions = {
        alpha: options.alpha,
        norm,
        budget: options.budget ?? 'absolute',
        noiseVariance: options.noiseVariance ?? 0,
      };
      (adversarial[String(norm)] as Float64Array)[k] = adversarialRisk(
        theta,
        thetaStar,
        covariance,
        riskOptions,
      );
      (harm[String(norm)] as Float64Array)[k] = harmRatio(theta, thetaStar, covariance, riskOptions);
    }
  }
  return { lambda: grid, standardRisk: risk, adversarialRisk: adversarial, harmRatio: harm, coefficients };
}
