import type { Matrix, VectorInput } from '@benignlab/linalg';
import { objectiveValue, type PerturbationNorm, readAdversarialOptions } from './adversarial-objective.js';
import { l2InteriorPoint } from './l2-interior-point.js';
import { type LinearModel, linearModel, multiplyTransposed } from './linear-model.js';
import { linfInteriorPoint } from './linf-interior-point.js';
import { minNorm } from './min-norm.js';
import { assertCount, assertDesign, assertPositive } from './validate.js';

/** Options of {@link adversarialTraining}. */
export interface AdversarialTrainingOptions {
  /** Perturbation budget ε ≥ 0 of training. */
  epsilon: number;
  /** Perturbation norm: `'l2'` (penalty ‖θ‖₂) or `'linf'` (penalty ‖θ‖₁). */
  norm: PerturbationNorm;
  /** Stop when the duality gap is at most `tolerance` × objective. Default 1e-8. */
  tolerance?: number;
  /** Iteration cap (interior-point steps). Default 1000. */
  maxIterations?: number;
}

/** An adversarially trained linear model with its optimality certificate. */
export interface AdversarialTrainingModel extends LinearModel {
  readonly epsilon: number;
  readonly norm: PerturbationNorm;
  /** The training objective `(1/n) Σᵢ (|yᵢ − ⟨xᵢ, θ̂⟩| + ε‖θ̂‖_*)²` at the returned θ̂. */
  readonly objective: number;
  /** A certified lower bound on the minimum of the objective (from a dual feasible point). */
  readonly lowerBound: number;
  /** `objective − lowerBound` ≥ 0: θ̂ is within this of optimal (the stopping certificate). */
  readonly dualityGap: number;
  /** `dualityGap / objective` (0 when the objective is 0). */
  readonly relativeDualityGap: number;
  /** Interior-point iterations performed; 0 when a closed form applied. */
  readonly iterations: number;
  /** Whether `relativeDualityGap ≤ tolerance` was reached. */
  readonly converged: boolean;
  /**
   * ε above which θ = 0 is optimal: `‖Xᵀy‖ / ‖y‖₁` with ‖·‖ the perturbation norm
   * (ℓ2 or ℓ∞).
   */
  readonly epsilonZero: number;
}

const DEFAULT_TOLERANCE = 1e-8;
const DEFAULT_MAX_ITERATIONS = 1000;

/**
 * Adversarial training of a linear model ([Theory §2](https://benignlab.github.io/theory.html#section-2), a comparator beyond the paper):
 * minimizes the convex loss `F(θ) = (1/n) Σᵢ (|yᵢ − ⟨xᵢ, θ⟩| + ε‖θ‖_*)²`, the exact
 * worst-case squared loss under perturbations of ℓ2 norm ε (‖·‖_* = ℓ2) or ℓ∞ norm ε
 * (‖·‖_* = ℓ1).
 *
 * Solver: a primal-dual interior-point method (Boyd & Vandenberghe §11.7) on the dual
 * `max yᵀv − ½‖z‖²` s.t. `|v| ≤ z`, `‖Xᵀv‖ ≤ ε𝟙ᵀz` (‖·‖ the perturbation norm; optimum
 * ½nF*), whose constraint multipliers give θ (`dual-interior-point.ts`). ℓ2
 * (`l2-interior-point.ts`): the constraint on Xᵀv is one second-order cone, written as
 * the scalar `‖Xᵀv‖₂ ≤ ε𝟙ᵀz` whose multiplier is ‖θ‖₂ with θ ∝ Xᵀv; one Gram product
 * XXᵀ (O(n²p)), then a 2n×2n Cholesky solve per iteration (O(n³)); typically 15–55
 * iterations certify 1e-8 from 0.01·ε₀ to 0.99·ε₀ at n ≤ 100 (up to ~150 at n = 300–500). For p > n
 * the min-norm interpolator is optimal below a threshold ε₁ (`nε‖α‖∞ ≤ ‖θ‖` with
 * θ = Xᵀα, XXᵀα = y) and is returned certified with 0 iterations. ℓ∞ (`linf-interior-point.ts`): 2p linear
 * constraints whose multipliers are θ⁺, θ⁻; each iteration costs one O(n²p) weighted
 * Gram product and a 2n×2n Cholesky solve, and 20–60 iterations certify 1e-8 whatever ε
 * (measured from 1e-3·ε₀ to 0.99·ε₀, p below and above n). When rounding stalls the ℓ∞
 * iterations (ε ≲ 1e-5·ε₀) an active-set finish solves the KKT system of the support
 * found (`sparse-polish.ts`); at ε ≈ 1e-6·ε₀ the certified gap can still end at 1–2e-8,
 * reported as `converged: false`.
 *
 * Certificate: for any v, z with |v| ≤ z, ‖z‖₂ ≤ 1 and ‖Xᵀv‖ ≤ ε·Σz (‖·‖ the
 * perturbation norm), weak duality gives `√(nF(θ)) ≥ vᵀy` for every θ. The iteration's
 * dual vector (the interior point's v), rescaled to be feasible from
 * freshly computed products, gives such a bound; the solver stops when
 * `F(θ̂) − (vᵀy)²/n ≤ tolerance · F(θ̂)`. Closed forms: ε = 0 is least squares
 * ({@link minNorm}); ε ≥ ‖Xᵀy‖/‖y‖₁ makes θ = 0 optimal (certified exactly).
 *
 * @param X n×p design, rows are samples
 * @param y length-n labels
 * @param options `epsilon`, `norm`, `tolerance`, `maxIterations`
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0, 1], [0, 1, 1]]); // n = 2 samples, p = 3 features
 * const y = Float64Array.of(1, 2);
 * const fit = adversarialTraining(X, y, { epsilon: 0.05, norm: 'linf' }); // coef ≈ [0, 1, 1]
 * fit.converged; // true
 * fit.relativeDualityGap; // ≤ 1e-8
 * ```
 */
export function adversarialTraining(
  X: Matrix,
  y: VectorInput,
  options: AdversarialTrainingOptions,
): AdversarialTrainingModel {
  const { n, p, y: labels } = assertDesign(X, y);
  const { epsilon, norm } = readAdversarialOptions(options, ['tolerance', 'maxIterations']);
  const tolerance =
    options.tolerance === undefined
      ? DEFAULT_TOLERANCE
      : assertPositive('options.tolerance', options.tolerance);
  const maxIterations =
    options.maxIterations === undefined
      ? DEFAULT_MAX_ITERATIONS
      : assertCount('options.maxIterations', options.maxIterations, 1);

  const correlation = multiplyTransposed(X, labels);
  let labelL1 = 0;
  for (let i = 0; i < n; i++) labelL1 += Math.abs(labels[i]);
  const epsilonZero = labelL1 === 0 ? 0 : perturbationNorm(correlation, norm) / labelL1;
  const base = { epsilon, norm, epsilonZero };

  if (epsilon === 0) {
    const fit = minNorm(X, labels);
    return { ...fit, ...exactSolution(objectiveValue(X, labels, fit.coef, 0, norm)), ...base };
  }
  if (epsilon >= epsilonZero) {
    const zero = new Float64Array(p);
    return {
      ...linearModel(zero),
      ...exactSolution(objectiveValue(X, labels, zero, epsilon, norm)),
      ...base,
    };
  }

  const solved =
    norm === 'linf'
      ? linfInteriorPoint(X, labels, epsilon, tolerance, maxIterations)
      : l2InteriorPoint(X, labels, epsilon, tolerance, maxIterations);
  const dualityGap = solved.objective - solved.lowerBound;
  return {
    ...linearModel(solved.theta),
    ...base,
    objective: solved.objective,
    lowerBound: solved.lowerBound,
    dualityGap,
    relativeDualityGap: solved.objective === 0 ? 0 : dualityGap / solved.objective,
    iterations: solved.iterations,
    converged: solved.converged,
  };
}

/**
 * The certificate fields of a minimizer known in closed form (min-norm at ε = 0, θ = 0 for
 * ε ≥ ε₀): the lower bound is the objective itself, so the gap is exactly zero.
 */
function exactSolution(objective: number) {
  return {
    objective,
    lowerBound: objective,
    dualityGap: 0,
    relativeDualityGap: 0,
    iterations: 0,
    converged: true,
  };
}

/** The perturbation norm (the dual of the penalty norm): ℓ2 or ℓ∞. */
function perturbationNorm(v: Float64Array, norm: PerturbationNorm): number {
  let s = 0;
  if (norm === 'l2') {
    for (let j = 0; j < v.length; j++) s += v[j] * v[j];
    return Math.sqrt(s);
  }
  for (let j = 0; j < v.length; j++) s = Math.max(s, Math.abs(v[j]));
  return s;
}
