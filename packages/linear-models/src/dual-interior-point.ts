import { choleskySolve, LinalgError, Matrix } from '@benignlab/linalg';
import { LinearModelError } from './errors.js';

/**
 * The pieces shared by the ℓ∞ and ℓ2 interior-point solvers of adversarial training.
 * Both run the primal-dual method of Boyd & Vandenberghe (Convex Optimization §11.7) on
 * the n-dimensional dual of the loss,
 *
 *     maximize yᵀv − ½‖z‖²  over v, z ∈ ℝⁿ  subject to  |vᵢ| ≤ zᵢ,  ‖Xᵀv‖ ≤ ε·𝟙ᵀz,
 *
 * (‖·‖ the perturbation norm: ℓ∞ gives 2p linear constraints, ℓ2 one second-order cone).
 * What they share: the rescaling of y, the 2n box constraints |vᵢ| ≤ zᵢ (values, rates,
 * multiplier steps), the block structure of the 2n×2n Newton matrix and of its
 * right-hand side, the damped Cholesky solve and the weak-duality certificate.
 */

/** t = CENTERING·m/η̂: how far each step pushes towards the boundary (B&V's μ). */
export const CENTERING = 10;
/** Backtracking parameters of the residual line search (B&V's α, β). */
export const SUFFICIENT_DECREASE = 0.01;
export const BACKTRACK = 0.5;
export const MAX_BACKTRACKS = 60;
/** Fraction of the step to the boundary of λ ≥ 0 that is taken at most. */
export const BOUNDARY_FRACTION = 0.99;
/** Relative diagonal regularization tried when the Newton matrix is numerically singular. */
const REGULARIZATION_START = 1e-14;

/**
 * The factor c that makes √(n·F*) of the rescaled problem (labels y/c) of order one: the
 * dual feasible set does not depend on y and the optimum scales with it, so solving for
 * y/c with c = √(n·F) at a good primal candidate keeps the method's absolute tolerances
 * in step with the relative target even when ε → 0 makes F* tiny.
 *
 * @param candidateObjective F at a primal candidate (∞ if none)
 * @returns `labelNorm` = c and whether the candidate beats θ = 0
 */
export function labelScaling(
  y: Float64Array,
  candidateObjective: number,
): { labelNorm: number; candidateIsBetter: boolean } {
  const n = y.length;
  let labelSquares = 0;
  for (let i = 0; i < n; i++) labelSquares += y[i] * y[i];
  const candidateIsBetter = candidateObjective * n < labelSquares;
  return {
    labelNorm: Math.sqrt(candidateIsBetter ? candidateObjective * n : labelSquares),
    candidateIsBetter,
  };
}

/** Values fᵢ < 0 of the box constraints vᵢ − zᵢ ≤ 0 (`upper`) and −vᵢ − zᵢ ≤ 0 (`lower`). */
export interface BoxValues {
  upper: Float64Array;
  lower: Float64Array;
}

/** The box constraints at (v, z), or their rates ∇fᵢᵀΔw along a step (Δv, Δz): both affine. */
export function boxValues(v: Float64Array, z: Float64Array): BoxValues {
  const n = v.length;
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    upper[i] = v[i] - z[i];
    lower[i] = -v[i] - z[i];
  }
  return { upper, lower };
}

/** Σ values (the mass 𝟙ᵀz of the cone constraint). */
export function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Whether every value is strictly negative (recomputed values can round to 0). */
export function allNegative(values: Float64Array): boolean {
  for (let k = 0; k < values.length; k++) if (!(values[k] < 0)) return false;
  return true;
}

/** −Σ λᵢfᵢ, a part of the surrogate duality gap η̂. */
export function complementarity(multipliers: Float64Array, values: Float64Array): number {
  let gap = 0;
  for (let k = 0; k < values.length; k++) gap -= multipliers[k] * values[k];
  return gap;
}

/** Δλᵢ = −λᵢ + (λᵢ∇fᵢᵀΔw + 1/t)/(−fᵢ) (B&V 11.55, eliminated). */
export function multiplierStep(
  lambda: Float64Array,
  value: Float64Array,
  rate: Float64Array,
  t: number,
): Float64Array {
  const inverse = 1 / t;
  const out = new Float64Array(lambda.length);
  for (let k = 0; k < out.length; k++) out[k] = -lambda[k] + (lambda[k] * rate[k] + inverse) / -value[k];
  return out;
}

/** Lowers `limit` to the largest step s keeping λ + sΔλ ≥ 0. */
export function multiplierStepLimit(lambda: Float64Array, step: Float64Array, limit: number): number {
  let s = limit;
  for (let k = 0; k < lambda.length; k++) if (step[k] < 0) s = Math.min(s, -lambda[k] / step[k]);
  return s;
}

/** Whether f + s·rate stays strictly negative (an affine constraint along a step). */
export function affineFeasible(value: Float64Array, rate: Float64Array, s: number): boolean {
  for (let k = 0; k < value.length; k++) if (!(value[k] + s * rate[k] < 0)) return false;
  return true;
}

/** Σ (−λᵢ(s)fᵢ(s) − 1/t)² of affine constraints at step s: their centrality residual. */
export function centralitySquares(
  lambda: Float64Array,
  lambdaStep: Float64Array,
  value: Float64Array,
  rate: Float64Array,
  s: number,
  t: number,
): number {
  const inverse = 1 / t;
  let total = 0;
  for (let k = 0; k < lambda.length; k++) {
    const r = -(lambda[k] + s * lambdaStep[k]) * (value[k] + s * rate[k]) - inverse;
    total += r * r;
  }
  return total;
}

/** The ε-constraint's part of the Newton matrix, in the shared block form below. */
export interface CorrelationBlock {
  /** n×n: its Hessian terms in v (`X diag(c) Xᵀ` for ℓ∞); overwritten. */
  vv: Matrix;
  /** Length n: the vector a in the v–z block `−ε a 𝟙ᵀ`. */
  coupling: Float64Array;
  /** The scalar b in the z–z block `ε² b 𝟙𝟙ᵀ`. */
  mass: number;
}

/**
 * `H = ∇²f₀ + Σλᵢ∇²fᵢ + Σ(λᵢ/−fᵢ)∇fᵢ∇fᵢᵀ` in the variables (v, z), f₀ = ½‖z‖² − yᵀv:
 * with dᵢ± the upper/lower box multiplier over its slack,
 *
 *     H_vv = vv + diag(d⁺ + d⁻)
 *     H_vz = −ε·coupling·𝟙ᵀ + diag(d⁻ − d⁺)
 *     H_zz = ε²·mass·𝟙𝟙ᵀ + diag(d⁺ + d⁻) + I.
 */
export function newtonMatrix(
  block: CorrelationBlock,
  upper: Float64Array,
  lower: Float64Array,
  box: BoxValues,
  epsilon: number,
): Matrix {
  const n = upper.length;
  const size = 2 * n;
  const H = new Matrix(size, size);
  const data = H.data;
  const w = block.vv.data;
  const coupling = block.coupling;
  for (let i = 0; i < n; i++) {
    const row = i * size;
    for (let k = 0; k < n; k++) data[row + k] = w[i * n + k];
    const c = -epsilon * coupling[i];
    for (let k = 0; k < n; k++) data[row + n + k] = c;
  }
  const zz = epsilon * epsilon * block.mass;
  for (let i = 0; i < n; i++) {
    const row = (n + i) * size;
    for (let k = 0; k < n; k++) data[row + k] = -epsilon * coupling[k];
    for (let k = 0; k < n; k++) data[row + n + k] = zz;
    data[row + n + i] += 1;
  }
  for (let i = 0; i < n; i++) {
    const dUpper = upper[i] / -box.upper[i];
    const dLower = lower[i] / -box.lower[i];
    data[i * size + i] += dUpper + dLower;
    data[(n + i) * size + n + i] += dUpper + dLower;
    data[i * size + n + i] += dLower - dUpper;
    data[(n + i) * size + i] += dLower - dUpper;
  }
  return H;
}

/**
 * `−∇f₀ − (1/t)Σ∇fᵢ/(−fᵢ)`, the negated gradient of the barrier objective
 * `f₀ − (1/t)Σlog(−fᵢ)`, given the ε-constraints' part `Σ ∇_v fⱼ/(−fⱼ)` (`fromCorrelation`,
 * length n) and `Σ 1/(−fⱼ)` (`massWeight`; each has ∇_z fⱼ = −ε𝟙).
 */
export function barrierRhs(
  y: Float64Array,
  z: Float64Array,
  box: BoxValues,
  fromCorrelation: Float64Array,
  massWeight: number,
  epsilon: number,
  t: number,
): Float64Array {
  const n = y.length;
  const inverse = 1 / t;
  const rhs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = 1 / -box.upper[i];
    const b = 1 / -box.lower[i];
    rhs[i] = y[i] - inverse * (fromCorrelation[i] + a - b);
    rhs[n + i] = -z[i] - inverse * (-epsilon * massWeight - a - b);
  }
  return rhs;
}

/**
 * Cholesky solve of a symmetric positive (semi)definite system; near the optimum the
 * multipliers of active and inactive constraints differ by many orders of magnitude, so
 * a numerically indefinite factorization is retried with a growing diagonal shift (a
 * slightly damped Newton step, which the residual line search accepts or shortens).
 */
export function solveDamped(H: Matrix, rhs: Float64Array, what: string): Float64Array {
  const size = H.rows;
  let meanDiagonal = 0;
  for (let k = 0; k < size; k++) meanDiagonal += H.data[k * size + k];
  meanDiagonal /= size;
  const original = H.data.slice();
  for (let shift = 0; ; shift = shift === 0 ? REGULARIZATION_START * meanDiagonal : shift * 100) {
    H.data.set(original);
    for (let k = 0; k < size; k++) H.data[k * size + k] += shift;
    try {
      return choleskySolve(H, rhs) as Float64Array;
    } catch (error) {
      if (!(error instanceof LinalgError) || !(shift <= meanDiagonal)) {
        throw new LinearModelError('X', `the ${what} could not be factored (${String(error)})`);
      }
    }
  }
}

/**
 * Weak-duality bound on √(n·F*): with z' = z/‖z‖₂, the largest s such that (sv, z') is
 * feasible for `max vᵀy s.t. |vᵢ| ≤ zᵢ, ‖z‖₂ ≤ 1, ‖Xᵀv‖ ≤ ε𝟙ᵀz` (whose value is
 * √(nF*)), times vᵀy. Valid for any v, z (rounding included) as long as
 * `correlationNorm` = ‖Xᵀv‖ (perturbation norm) is freshly computed, since feasibility is
 * re-checked rather than assumed.
 */
export function certifiedBound(
  v: Float64Array,
  z: Float64Array,
  y: Float64Array,
  epsilon: number,
  correlationNorm: number,
): number {
  let squares = 0;
  let mass = 0;
  let value = 0;
  for (let i = 0; i < v.length; i++) {
    squares += z[i] * z[i];
    mass += z[i];
    value += v[i] * y[i];
  }
  const zNorm = Math.sqrt(squares);
  if (!(zNorm > 0) || !(value > 0)) return 0;
  let scale = correlationNorm === 0 ? Number.POSITIVE_INFINITY : (epsilon * mass) / (zNorm * correlationNorm);
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > 0) scale = Math.min(scale, z[i] / (zNorm * a));
  }
  return Number.isFinite(scale) ? scale * value : 0;
}

/** The best primal point, its objective F, and a certified lower bound on min F. */
export interface InteriorPointResult {
  readonly theta: Float64Array;
  readonly objective: number;
  /** A certified lower bound on min F (not on √(nF)). */
  readonly lowerBound: number;
  readonly iterations: number;
  readonly converged: boolean;
}
