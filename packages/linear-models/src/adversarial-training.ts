import { choleskySolve, gram, LinalgError, type Matrix } from '@benignlab/linalg';
import {
  dualNormValue,
  objectiveValue,
  type PerturbationNorm,
  readAdversarialOptions,
} from './adversarial-objective.js';
import { LinearModelError } from './errors.js';
import { type LinearModel, linearModel, multiply, multiplyTransposed } from './linear-model.js';
import { minNorm } from './min-norm.js';
import { polishSparse } from './sparse-polish.js';
import { assertCount, assertDesign, assertPositive } from './validate.js';

/** Options of {@link adversarialTraining}. */
export interface AdversarialTrainingOptions {
  /** Perturbation budget ε ≥ 0 of training. */
  epsilon: number;
  /** Perturbation norm: `'l2'` (penalty ‖θ‖₂) or `'linf'` (penalty ‖θ‖₁). */
  norm: PerturbationNorm;
  /** Stop when the duality gap is at most `tolerance` × objective. Default 1e-8. */
  tolerance?: number;
  /** Iteration cap. Default 1000. */
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
  /** Reweighted-ridge iterations performed (0 when a closed form applied). */
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
/** Relative floor on the ℓ1 weights η_j, so a coordinate that touches 0 can re-enter. */
const SPARSITY_FLOOR = 1e-12;
/** ℓ∞ only: the active-set finish of `sparse-polish.ts` runs after 20, 40, 80, … iterations. */
const POLISH_START = 20;

/**
 * Adversarial training of a linear model (THEORY.md §2, a comparator beyond the paper):
 * minimizes the convex loss `F(θ) = (1/n) Σᵢ (|yᵢ − ⟨xᵢ, θ⟩| + ε‖θ‖_*)²`, the exact
 * worst-case squared loss under perturbations of ℓ2 norm ε (‖·‖_* = ℓ2) or ℓ∞ norm ε
 * (‖·‖_* = ℓ1).
 *
 * Solver: iteratively reweighted ridge. `(a + b)² = min_{w∈(0,1)} a²/w + b²/(1−w)` turns F
 * into a weighted ridge problem for fixed weights (for ℓ1 also
 * `‖θ‖₁² = min_{η∈simplex} Σⱼ θⱼ²/ηⱼ`); each iteration solves the n×n dual system
 * `(X diag(η) Xᵀ + diag(dᵢ)) α = y`, `θ = diag(η) Xᵀα`, with
 * `dᵢ = ε‖u‖₁|rᵢ| / (‖θ‖_* uᵢ)`, `uᵢ = |rᵢ| + ε‖θ‖_*`, and never increases F. Costs:
 * ℓ2 O(n²p) once then O(n³) per iteration; ℓ∞ O(n²p) per iteration. Start: ridge with
 * λ = ε² (ℓ2) or λ = pε² (ℓ∞), i.e. all weights ½. For ℓ∞ an active-set finish (exact
 * KKT solves on the guessed support, `sparse-polish.ts`) runs after 20, 40, 80, …
 * iterations; in the nearly interpolating regime (p > n, small ε) certification can
 * still need more than the default iterations, which `converged: false` reports.
 *
 * Certificate: for any v, z with |v| ≤ z, ‖z‖₂ ≤ 1 and ‖Xᵀv‖ ≤ ε·Σz (‖·‖ the
 * perturbation norm), weak duality gives `√(nF(θ)) ≥ vᵀy` for every θ. The iteration's
 * dual vector α, rescaled to be feasible, gives such a bound; the solver stops when
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

  const kernel = norm === 'l2' ? gram(X) : undefined;
  const shifts = new Float64Array(n).fill(n * epsilon * epsilon);
  const sparsity = norm === 'linf' ? new Float64Array(p).fill(1 / p) : undefined;

  let bestTheta: Float64Array = new Float64Array(p);
  let bestObjective = Number.POSITIVE_INFINITY;
  let bestBound = 0;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const system = kernel === undefined ? weightedGram(X, sparsity as Float64Array) : kernel.clone();
    const alpha = solveShifted(system, shifts, y);
    const direction = multiplyTransposed(X, alpha);
    const theta = sparsity === undefined ? direction : scaled(direction, sparsity);

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
    bestBound = Math.max(
      bestBound,
      dualBound(alpha, direction, slack, slackSquares, slackSum, y, epsilon, norm),
    );
    if (bestObjective - (bestBound * bestBound) / n <= tolerance * bestObjective) {
      converged = true;
      break;
    }
    if (norm === 'linf' && (isPolishIteration(iterations) || iterations === maxIterations)) {
      const polished = polishSparse(X, y, bestTheta, epsilon, tolerance);
      if (polished.objective < bestObjective) {
        bestObjective = polished.objective;
        bestTheta = polished.theta;
      }
      bestBound = Math.max(bestBound, polished.bound);
      if (bestObjective - (bestBound * bestBound) / n <= tolerance * bestObjective) {
        converged = true;
        break;
      }
    }
    if (penalty === 0) break;
    updateWeights(shifts, residual, slack, slackSum, penalty, epsilon);
    if (sparsity !== undefined) updateSparsity(sparsity, theta);
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

/** 20, 40, 80, …: a geometric schedule keeps the finish's cost a small share of the run. */
function isPolishIteration(iteration: number): boolean {
  const ratio = iteration / POLISH_START;
  return Number.isInteger(ratio) && (ratio & (ratio - 1)) === 0;
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

/** ηⱼ ∝ max(|θⱼ|, floor), summing to 1: the minimizing ℓ1 weights at θ, kept positive. */
function updateSparsity(sparsity: Float64Array, theta: Float64Array): void {
  let largest = 0;
  for (let j = 0; j < theta.length; j++) largest = Math.max(largest, Math.abs(theta[j]));
  const floor = SPARSITY_FLOOR * largest;
  let total = 0;
  for (let j = 0; j < theta.length; j++) {
    const eta = Math.max(Math.abs(theta[j]), floor);
    sparsity[j] = eta;
    total += eta;
  }
  for (let j = 0; j < theta.length; j++) sparsity[j] /= total;
}

/** `X diag(η) Xᵀ` through the Gram product of `X diag(√η)`. */
function weightedGram(X: Matrix, sparsity: Float64Array): Matrix {
  const scaled = X.clone();
  const { rows, cols, data } = scaled;
  const root = new Float64Array(cols);
  for (let j = 0; j < cols; j++) root[j] = Math.sqrt(sparsity[j]);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) data[offset + j] *= root[j];
  }
  return gram(scaled);
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

function scaled(v: Float64Array, weights: Float64Array): Float64Array {
  const out = new Float64Array(v.length);
  for (let j = 0; j < v.length; j++) out[j] = v[j] * weights[j];
  return out;
}
