import { choleskySolve, gram, LinalgError, type Matrix } from '@benignlab/linalg';
import {
  dualNormValue,
  objectiveValue,
  type PerturbationNorm,
  readAdversarialOptions,
} from './adversarial-objective.js';
import { LinearModelError } from './errors.js';
import { type LinearModel, linearModel, multiply, multiplyTransposed } from './linear-model.js';
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
  /** Iteration cap (reweighting steps for ℓ2, interior-point steps for ℓ∞). Default 1000. */
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
  /** Iterations performed: reweighted-ridge steps (ℓ2) or interior-point steps (ℓ∞); 0 when a closed form applied. */
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
/** Relative floor on the reweighting terms, so exact-zero residuals keep the system definite. */
const WEIGHT_FLOOR = 1e-14;

/**
 * Adversarial training of a linear model (THEORY.md §2, a comparator beyond the paper):
 * minimizes the convex loss `F(θ) = (1/n) Σᵢ (|yᵢ − ⟨xᵢ, θ⟩| + ε‖θ‖_*)²`, the exact
 * worst-case squared loss under perturbations of ℓ2 norm ε (‖·‖_* = ℓ2) or ℓ∞ norm ε
 * (‖·‖_* = ℓ1).
 *
 * Solvers. ℓ2: iteratively reweighted ridge. `(a + b)² = min_{w∈(0,1)} a²/w + b²/(1−w)`
 * turns F into a weighted ridge problem for fixed weights; each iteration solves the n×n
 * dual system `(XXᵀ + diag(dᵢ)) α = y`, `θ = Xᵀα`, with `dᵢ = ε‖u‖₁|rᵢ| / (‖θ‖₂ uᵢ)`,
 * `uᵢ = |rᵢ| + ε‖θ‖₂`, and never increases F; O(n²p) once, then O(n³) per iteration,
 * starting from ridge with λ = ε². ℓ∞: a primal-dual interior-point method on the dual
 * quadratic program `max yᵀv − ½‖z‖²` s.t. `|v| ≤ z`, `‖Xᵀv‖∞ ≤ ε𝟙ᵀz`
 * (`linf-interior-point.ts`), whose constraint multipliers are θ; each iteration costs one
 * O(n²p) weighted Gram product and a 2n×2n Cholesky solve, and 20–60 iterations certify
 * 1e-8 whatever ε (measured from 1e-3·ε₀ to 0.99·ε₀, p below and above n). When rounding
 * stalls the iterations (ε ≲ 1e-5·ε₀) an active-set finish solves the KKT system of the
 * support found (`sparse-polish.ts`); at ε ≈ 1e-6·ε₀ the certified gap can still end at
 * 1–2e-8, reported as `converged: false`.
 *
 * Certificate: for any v, z with |v| ≤ z, ‖z‖₂ ≤ 1 and ‖Xᵀv‖ ≤ ε·Σz (‖·‖ the
 * perturbation norm), weak duality gives `√(nF(θ)) ≥ vᵀy` for every θ. The iteration's
 * dual vector (α for ℓ2, the interior point's v for ℓ∞), rescaled to be feasible from
 * freshly computed products, gives such a bound; the solver stops when
 * `F(θ̂) − (vᵀy)²/n ≤ tolerance · F(θ̂)`. Closed forms: ε = 0 is least squares
 * ({@link minNorm}); ε ≥ ‖Xᵀy‖/‖y‖₁ makes θ = 0 optimal (certified exactly).
 *
 * @param X n×p design, rows are samples
 * @param y length-n labels
 * @param options `epsilon`, `norm`, `tolerance`, `maxIterations`
 * @example
 * ```ts
 * const fit = adversarialTraining(X, y, { epsilon: 0.05, norm: 'linf' });
 * fit.converged; // true
 * fit.relativeDualityGap; // ≤ 1e-8
 * ```
 */
export function adversarialTraining(
  X: Matrix,
  y: Float64Array,
  options: AdversarialTrainingOptions,
): AdversarialTrainingModel {
  const { n, p } = assertDesign(X, y);
  const { epsilon, norm } = readAdversarialOptions(options, ['tolerance', 'maxIterations']);
  const tolerance =
    options.tolerance === undefined
      ? DEFAULT_TOLERANCE
      : assertPositive('options.tolerance', options.tolerance);
  const maxIterations =
    options.maxIterations === undefined
      ? DEFAULT_MAX_ITERATIONS
      : assertCount('options.maxIterations', options.maxIterations, 1);

  const correlation = multiplyTransposed(X, y);
  let labelL1 = 0;
  for (let i = 0; i < n; i++) labelL1 += Math.abs(y[i]);
  const epsilonZero = labelL1 === 0 ? 0 : perturbationNorm(correlation, norm) / labelL1;
  const base = { epsilon, norm, epsilonZero };

  if (epsilon === 0) {
    const fit = minNorm(X, y);
    return { ...fit, ...exactSolution(objectiveValue(X, y, fit.coef, 0, norm)), ...base };
  }
  if (epsilon >= epsilonZero) {
    const zero = new Float64Array(p);
    return {
      ...linearModel(zero),
      ...exactSolution(objectiveValue(X, y, zero, epsilon, norm)),
      ...base,
    };
  }

  if (norm === 'linf') {
    const solved = linfInteriorPoint(X, y, epsilon, tolerance, maxIterations);
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

  const kernel = gram(X);
  const shifts = new Float64Array(n).fill(n * epsilon * epsilon);

  let bestTheta: Float64Array = new Float64Array(p);
  let bestObjective = Number.POSITIVE_INFINITY;
  let bestBound = 0;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const alpha = solveShifted(kernel.clone(), shifts, y);
    const theta = multiplyTransposed(X, alpha);

    const residual = multiply(X, theta);
    for (let i = 0; i < n; i++) residual[i] = y[i] - residual[i];
    const penalty = epsilon * dualNormValue(theta, norm);
    const slack = new Float64Array(n);
    let slackSquares = 0;
    let slackSum = 0;
    for (let i = 0; i < n; i++) {
      const u = Math.abs(residual[i]) + penalty;
      slack[i] = u;
      slackSquares += u * u;
      slackSum += u;
    }
    const objective = slackSquares / n;
    if (objective < bestObjective) {
      bestObjective = objective;
      bestTheta = theta;
    }
    bestBound = Math.max(bestBound, dualBound(alpha, theta, slack, slackSquares, slackSum, y, epsilon, norm));
    if (bestObjective - (bestBound * bestBound) / n <= tolerance * bestObjective) {
      converged = true;
      break;
    }
    if (penalty === 0) break;
    updateWeights(shifts, residual, slack, slackSum, penalty, epsilon);
  }
  const lowerBound = Math.min((bestBound * bestBound) / n, bestObjective);
  const dualityGap = bestObjective - lowerBound;
  return {
    ...linearModel(bestTheta),
    ...base,
    objective: bestObjective,
    lowerBound,
    dualityGap,
    relativeDualityGap: bestObjective === 0 ? 0 : dualityGap / bestObjective,
    iterations,
    converged,
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

/**
 * Lower bound √(n·F*) ≥ s·|αᵀy| from the dual direction α: with z = u/‖u‖ the largest
 * s with s|αᵢ| ≤ zᵢ and s‖Xᵀα‖ ≤ ε‖z‖₁ makes (sα, z) dual feasible.
 */
function dualBound(
  alpha: Float64Array,
  direction: Float64Array,
  slack: Float64Array,
  slackSquares: number,
  slackSum: number,
  y: Float64Array,
  epsilon: number,
  norm: PerturbationNorm,
): number {
  const slackNorm = Math.sqrt(slackSquares);
  if (slackNorm === 0) return 0;
  const directionNorm = perturbationNorm(direction, norm);
  let scale =
    directionNorm === 0 ? Number.POSITIVE_INFINITY : (epsilon * slackSum) / (slackNorm * directionNorm);
  let value = 0;
  for (let i = 0; i < alpha.length; i++) {
    const a = Math.abs(alpha[i]);
    if (a > 0) scale = Math.min(scale, slack[i] / (slackNorm * a));
    value += alpha[i] * y[i];
  }
  return Number.isFinite(scale) ? scale * Math.abs(value) : 0;
}

/** dᵢ = n·c·wᵢ with wᵢ = |rᵢ|/uᵢ and c = ε‖u‖₁/(n‖θ‖_*), the minimizing weights at θ. */
function updateWeights(
  shifts: Float64Array,
  residual: Float64Array,
  slack: Float64Array,
  slackSum: number,
  penalty: number,
  epsilon: number,
): void {
  const factor = (epsilon * epsilon * slackSum) / penalty;
  for (let i = 0; i < shifts.length; i++) shifts[i] = (factor * Math.abs(residual[i])) / slack[i];
}

/**
 * Solves `(M + diag(d)) α = y` by Cholesky. Zero shifts (exactly fitted points) can leave
 * the matrix singular when X has dependent rows; the floor on dᵢ then grows until the
 * factorization succeeds.
 */
function solveShifted(system: Matrix, shifts: Float64Array, y: Float64Array): Float64Array {
  const size = system.rows;
  let meanDiagonal = 0;
  for (let k = 0; k < size; k++) meanDiagonal += system.data[k * size + k];
  meanDiagonal /= size;
  const original = system.data.slice();
  for (let floor = WEIGHT_FLOOR * meanDiagonal; ; floor *= 1000) {
    system.data.set(original);
    for (let k = 0; k < size; k++) system.data[k * size + k] += Math.max(shifts[k], floor);
    try {
      return choleskySolve(system, y) as Float64Array;
    } catch (error) {
      if (!(error instanceof LinalgError) || floor > meanDiagonal) {
        throw new LinearModelError('X', `the reweighted system could not be factored (${String(error)})`);
      }
    }
  }
}
