import { choleskySolve, gram, LinalgError, Matrix } from '@benignlab/linalg';
import { objectiveValue } from './adversarial-objective.js';
import { LinearModelError } from './errors.js';
import { multiply, multiplyTransposed } from './linear-model.js';
import { minNorm } from './min-norm.js';
import { polishSparse } from './sparse-polish.js';

/**
 * ℓ∞ adversarial training by a primal-dual interior-point method (Boyd & Vandenberghe,
 * Convex Optimization §11.7) on the n-dimensional dual of the loss.
 *
 * Why the dual: with uᵢ = |yᵢ − ⟨xᵢ, θ⟩| + ε‖θ‖₁, `n·F(θ)/2 = ½‖u‖²`, and minimizing it
 * over θ has the Lagrange dual, a quadratic program with only linear constraints,
 *
 *     maximize yᵀv − ½‖z‖²  over v, z ∈ ℝⁿ  subject to  |vᵢ| ≤ zᵢ,  |(Xᵀv)ⱼ| ≤ ε·𝟙ᵀz,
 *
 * (the feasible set is a cone K, so its optimum is ½nF* and z* = u*). The 2p constraints
 * on Xᵀv carry multipliers θ⁺ⱼ, θ⁻ⱼ ≥ 0 with θ = θ⁺ − θ⁻ exactly the primal coefficients.
 * Each Newton system is therefore 2n×2n whatever p is; forming it costs one weighted Gram
 * product `X diag(c) Xᵀ` (O(n²p)), and the method needs a few dozen of them whatever the
 * conditioning of the ℓ1 problem — unlike first-order or reweighting schemes, whose
 * certified gap stalls near basis-pursuit-like optima (p > n, ε ≪ ε₀). The equivalent
 * form with the ball ‖z‖ ≤ 1 and objective yᵀv was tried first: its curved constraint
 * cut most steps short (hundreds of iterations at ε near ε₀).
 *
 * Every iterate is certified exactly: the primal value is `F(θ⁺ − θ⁻)` evaluated from
 * scratch, and the dual direction (v, z), rescaled into K from freshly computed Xᵀv and
 * normalized to ‖z‖ = 1, gives the weak-duality bound `F* ≥ (vᵀy/‖z‖)²/n`.
 */

/** The best primal point found, its objective, and the best certified lower bound on F*. */
export interface LinfInteriorPointResult {
  readonly theta: Float64Array;
  readonly objective: number;
  /** A certified lower bound on min F (not on √(nF)). */
  readonly lowerBound: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** t = CENTERING·m/η̂: how far each step pushes towards the boundary (B&V's μ). */
const CENTERING = 10;
/** Backtracking parameters of the residual line search (B&V's α, β). */
const SUFFICIENT_DECREASE = 0.01;
const BACKTRACK = 0.5;
const MAX_BACKTRACKS = 60;
/** Fraction of the step to the boundary of λ ≥ 0 that is taken at most. */
const BOUNDARY_FRACTION = 0.99;
/** Stop iterating when the surrogate gap is below this fraction of the certificate's target. */
const STALL_FRACTION = 1e-3;
/**
 * Also stop when, already within STALL_GAP_FACTOR × tolerance, the certified gap has not
 * halved in STALL_ITERATIONS iterations: steps cut to rounding size mean the iterates
 * cannot improve further (seen only for ε ≲ 1e-5·ε₀). Far from the optimum the gap can
 * legitimately plateau for a while as the iterates cross the feasible set.
 */
const STALL_ITERATIONS = 20;
const STALL_GAP_FACTOR = 1e4;
const PROGRESS_FACTOR = 0.5;
/** Relative diagonal regularization tried when the Newton matrix is numerically singular. */
const REGULARIZATION_START = 1e-14;

/**
 * Minimizes `F(θ) = (1/n) Σᵢ (|yᵢ − ⟨xᵢ, θ⟩| + ε‖θ‖₁)²` for 0 < ε < ε₀ (inputs validated
 * by the caller); stops when `F(θ) − lowerBound ≤ tolerance·F(θ)`.
 */
export function linfInteriorPoint(
  X: Matrix,
  y: Float64Array,
  epsilon: number,
  tolerance: number,
  maxIterations: number,
): LinfInteriorPointResult {
  const { rows: n, cols: p } = X;
  // The dual feasible set does not depend on y and the optimum scales with y, so the
  // iterations run on y/c with c = √(n·F) at the better of θ = 0 and the min-norm
  // solution, which puts √(nF*) within a modest factor of 1 even when ε → 0 makes F*
  // tiny (absolute tolerances inside the method then match the relative target).
  const start = minNorm(X, y).coef;
  const startObjective = objectiveValue(X, y, start, epsilon, 'linf');
  let labelSquares = 0;
  for (let i = 0; i < n; i++) labelSquares += y[i] * y[i];
  const startIsBetter = startObjective * n < labelSquares;
  const labelNorm = Math.sqrt(startIsBetter ? startObjective * n : labelSquares);
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) target[i] = y[i] / labelNorm;

  const state = initialState(n, p, epsilon);
  const m = 2 * p + 2 * n;
  const size = 2 * n;

  let bestTheta: Float64Array = new Float64Array(p);
  if (startIsBetter) for (let j = 0; j < p; j++) bestTheta[j] = start[j] / labelNorm;
  let bestObjective = objectiveValue(X, target, bestTheta, epsilon, 'linf');
  let bestBound = 0;
  let iterations = 0;
  let converged = false;
  let gapAtLastProgress = Number.POSITIVE_INFINITY;
  let lastProgress = 0;

  const correlation = multiplyTransposed(X, state.v);
  const constraints = evaluateConstraints(state, correlation, epsilon);
  while (iterations < maxIterations) {
    iterations++;
    const theta = primalCoefficients(state);
    const objective = objectiveValue(X, target, theta, epsilon, 'linf');
    if (objective < bestObjective) {
      bestObjective = objective;
      bestTheta = theta;
    }
    bestBound = Math.max(bestBound, certifiedBound(state, correlation, target, epsilon));
    const relativeGap = (bestObjective - (bestBound * bestBound) / n) / bestObjective;
    if (relativeGap <= tolerance) {
      converged = true;
      break;
    }
    if (relativeGap <= PROGRESS_FACTOR * gapAtLastProgress) {
      gapAtLastProgress = relativeGap;
      lastProgress = iterations;
    } else if (relativeGap < STALL_GAP_FACTOR * tolerance && iterations - lastProgress > STALL_ITERATIONS)
      break;

    // Once the surrogate gap is far below the target yet the certificate is not, rounding
    // limits the iterates (v and the multipliers lose digits to cancellation near a
    // basis-pursuit optimum); the active-set finish below then solves the KKT system of
    // the support the iterations have found.
    const surrogateGap = surrogateDualityGap(state, constraints);
    if (!(surrogateGap > STALL_FRACTION * tolerance * n * bestObjective) || !strictlyFeasible(constraints))
      break;
    const t = (CENTERING * m) / surrogateGap;

    const newton = newtonMatrix(X, state, constraints, epsilon, size);
    const rhs = barrierGradientStep(X, state, constraints, target, epsilon, t);
    const step = solveNewton(newton, rhs);
    const direction = splitStep(X, step, n);
    const rates = constraintRates(direction, epsilon);
    const multiplierStep = multiplierDirection(state, constraints, rates, t);

    const fitted = multiply(X, theta);
    const thetaStep = new Float64Array(p);
    for (let j = 0; j < p; j++) thetaStep[j] = multiplierStep.plus[j] - multiplierStep.minus[j];
    const fittedStep = multiply(X, thetaStep);
    const s = lineSearch(
      state,
      constraints,
      rates,
      direction,
      multiplierStep,
      fitted,
      fittedStep,
      target,
      epsilon,
      t,
    );
    if (s === 0) break;
    applyStep(state, direction, multiplierStep, s);
    correlation.set(multiplyTransposed(X, state.v));
    Object.assign(constraints, evaluateConstraints(state, correlation, epsilon));
  }
  if (!converged) {
    const polished = polishSparse(X, target, bestTheta, epsilon, tolerance);
    if (polished.objective < bestObjective) {
      bestObjective = polished.objective;
      bestTheta = polished.theta;
    }
    bestBound = Math.max(bestBound, polished.bound);
    converged = bestObjective - (bestBound * bestBound) / n <= tolerance * bestObjective;
  }
  const scale = labelNorm * labelNorm;
  for (let j = 0; j < p; j++) bestTheta[j] *= labelNorm;
  return {
    theta: bestTheta,
    objective: objectiveValue(X, y, bestTheta, epsilon, 'linf'),
    lowerBound: Math.min((bestBound * bestBound * scale) / n, bestObjective * scale),
    iterations,
    converged,
  };
}

/** Dual point (v, z) and the multipliers of its constraints (the primal variables). */
interface InteriorState {
  v: Float64Array;
  z: Float64Array;
  /** Multipliers of (Xᵀv)ⱼ − ε𝟙ᵀz ≤ 0 and −(Xᵀv)ⱼ − ε𝟙ᵀz ≤ 0: θ = plus − minus. */
  plus: Float64Array;
  minus: Float64Array;
  /** Multipliers of vᵢ − zᵢ ≤ 0 and −vᵢ − zᵢ ≤ 0: their difference is the residual y − Xθ. */
  upper: Float64Array;
  lower: Float64Array;
}

/** Values fᵢ < 0 of the constraints at the current point. */
interface ConstraintValues {
  plus: Float64Array;
  minus: Float64Array;
  upper: Float64Array;
  lower: Float64Array;
}

/** Directional derivatives ∇fᵢᵀΔw of the (linear) constraints along a step. */
interface ConstraintRates {
  plus: Float64Array;
  minus: Float64Array;
  upper: Float64Array;
  lower: Float64Array;
}

interface StepDirection {
  v: Float64Array;
  z: Float64Array;
  /** XᵀΔv. */
  correlation: Float64Array;
}

interface MultiplierStep {
  plus: Float64Array;
  minus: Float64Array;
  upper: Float64Array;
  lower: Float64Array;
}

/**
 * v = 0, z = 𝟙/√n is strictly feasible; multipliers λᵢ = 1/(m·(−fᵢ)) give surrogate gap 1,
 * the scale of the optimum ½nF* ≤ ½‖y‖² = ½ (θ = 0 is a candidate).
 */
function initialState(n: number, p: number, epsilon: number): InteriorState {
  const m = 2 * p + 2 * n;
  const zValue = 1 / Math.sqrt(n);
  const mass = epsilon * n * zValue;
  return {
    v: new Float64Array(n),
    z: new Float64Array(n).fill(zValue),
    plus: new Float64Array(p).fill(1 / (m * mass)),
    minus: new Float64Array(p).fill(1 / (m * mass)),
    upper: new Float64Array(n).fill(1 / (m * zValue)),
    lower: new Float64Array(n).fill(1 / (m * zValue)),
  };
}

function evaluateConstraints(
  state: InteriorState,
  correlation: Float64Array,
  epsilon: number,
): ConstraintValues {
  const { v, z } = state;
  const n = v.length;
  const p = correlation.length;
  let mass = 0;
  for (let i = 0; i < n; i++) mass += z[i];
  const plus = new Float64Array(p);
  const minus = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    plus[j] = correlation[j] - epsilon * mass;
    minus[j] = -correlation[j] - epsilon * mass;
  }
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    upper[i] = v[i] - z[i];
    lower[i] = -v[i] - z[i];
  }
  return { plus, minus, upper, lower };
}

/** Whether every constraint is strictly satisfied (recomputed values can round to 0). */
function strictlyFeasible(f: ConstraintValues): boolean {
  const negative = (values: Float64Array) => {
    for (let k = 0; k < values.length; k++) if (!(values[k] < 0)) return false;
    return true;
  };
  return negative(f.plus) && negative(f.minus) && negative(f.upper) && negative(f.lower);
}

function primalCoefficients(state: InteriorState): Float64Array {
  const { plus, minus } = state;
  const theta = new Float64Array(plus.length);
  for (let j = 0; j < theta.length; j++) theta[j] = plus[j] - minus[j];
  return theta;
}

/** η̂ = −Σ λᵢfᵢ. */
function surrogateDualityGap(state: InteriorState, f: ConstraintValues): number {
  let gap = 0;
  for (let j = 0; j < f.plus.length; j++) gap -= state.plus[j] * f.plus[j] + state.minus[j] * f.minus[j];
  for (let i = 0; i < f.upper.length; i++) gap -= state.upper[i] * f.upper[i] + state.lower[i] * f.lower[i];
  return gap;
}

/**
 * Weak-duality bound on √(n·F*): with z' = z/‖z‖, the largest s such that (sv, z') is
 * feasible for `max vᵀy s.t. |vᵢ| ≤ zᵢ, ‖z‖ ≤ 1, ‖Xᵀv‖∞ ≤ ε𝟙ᵀz` (whose value is √(nF*)),
 * times vᵀy; valid for any v, z (rounding included, since feasibility is re-checked
 * rather than assumed).
 */
function certifiedBound(
  state: InteriorState,
  correlation: Float64Array,
  y: Float64Array,
  epsilon: number,
): number {
  const { v, z } = state;
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
  let largest = 0;
  for (let j = 0; j < correlation.length; j++) largest = Math.max(largest, Math.abs(correlation[j]));
  let scale = largest === 0 ? Number.POSITIVE_INFINITY : (epsilon * mass) / (zNorm * largest);
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > 0) scale = Math.min(scale, z[i] / (zNorm * a));
  }
  return Number.isFinite(scale) ? scale * value : 0;
}

/**
 * `H = ∇²f₀ + Σ(λᵢ/−fᵢ)∇fᵢ∇fᵢᵀ` in the variables (v, z), f₀ = ½‖z‖² − yᵀv: with
 * cⱼ± = θⱼ±/(−fⱼ±) and dᵢ± = upper/lower multiplier over its slack,
 *
 *     H_vv = X diag(c⁺ + c⁻) Xᵀ + diag(d⁺ + d⁻)
 *     H_vz = −ε X(c⁺ − c⁻) 𝟙ᵀ + diag(d⁻ − d⁺)
 *     H_zz = ε² 𝟙ᵀ(c⁺ + c⁻) 𝟙𝟙ᵀ + diag(d⁺ + d⁻) + I.
 */
function newtonMatrix(
  X: Matrix,
  state: InteriorState,
  f: ConstraintValues,
  epsilon: number,
  size: number,
): Matrix {
  const { rows: n, cols: p } = X;
  const total = new Float64Array(p);
  const difference = new Float64Array(p);
  let totalSum = 0;
  for (let j = 0; j < p; j++) {
    const cPlus = state.plus[j] / -f.plus[j];
    const cMinus = state.minus[j] / -f.minus[j];
    total[j] = cPlus + cMinus;
    difference[j] = cPlus - cMinus;
    totalSum += total[j];
  }
  const weighted = weightedGram(X, total);
  const coupling = multiply(X, difference);
  const H = new Matrix(size, size);
  const data = H.data;
  const w = weighted.data;
  for (let i = 0; i < n; i++) {
    const row = i * size;
    for (let k = 0; k < n; k++) data[row + k] = w[i * n + k];
    for (let k = 0; k < n; k++) data[row + n + k] = -epsilon * coupling[i];
  }
  const zz = epsilon * epsilon * totalSum;
  for (let i = 0; i < n; i++) {
    const row = (n + i) * size;
    for (let k = 0; k < n; k++) data[row + k] = -epsilon * coupling[k];
    for (let k = 0; k < n; k++) data[row + n + k] = zz;
    data[row + n + i] += 1;
  }
  for (let i = 0; i < n; i++) {
    const dUpper = state.upper[i] / -f.upper[i];
    const dLower = state.lower[i] / -f.lower[i];
    data[i * size + i] += dUpper + dLower;
    data[(n + i) * size + n + i] += dUpper + dLower;
    data[i * size + n + i] += dLower - dUpper;
    data[(n + i) * size + i] += dLower - dUpper;
  }
  return H;
}

/** `−∇f₀ − (1/t)Σ∇fᵢ/(−fᵢ)`: the negated gradient of the barrier objective `f₀ − (1/t)Σlog(−fᵢ)`. */
function barrierGradientStep(
  X: Matrix,
  state: InteriorState,
  f: ConstraintValues,
  y: Float64Array,
  epsilon: number,
  t: number,
): Float64Array {
  const { rows: n, cols: p } = X;
  const inverse = 1 / t;
  const columnWeights = new Float64Array(p);
  let massWeight = 0;
  for (let j = 0; j < p; j++) {
    const a = 1 / -f.plus[j];
    const b = 1 / -f.minus[j];
    columnWeights[j] = a - b;
    massWeight += a + b;
  }
  const fromColumns = multiply(X, columnWeights);
  const rhs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = 1 / -f.upper[i];
    const b = 1 / -f.lower[i];
    rhs[i] = y[i] - inverse * (fromColumns[i] + a - b);
    rhs[n + i] = -state.z[i] - inverse * (-epsilon * massWeight - a - b);
  }
  return rhs;
}

/**
 * Cholesky solve of the Newton system; near the optimum the multipliers of active and
 * inactive constraints differ by many orders of magnitude, so a numerically indefinite
 * factorization is retried with a growing diagonal shift (a slightly damped Newton step,
 * which the residual line search accepts or shortens).
 */
function solveNewton(H: Matrix, rhs: Float64Array): Float64Array {
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
      if (!(error instanceof LinalgError) || shift > meanDiagonal) {
        throw new LinearModelError(
          'X',
          `the interior-point Newton system could not be factored (${String(error)})`,
        );
      }
    }
  }
}

function splitStep(X: Matrix, step: Float64Array, n: number): StepDirection {
  const v = step.slice(0, n);
  const z = step.slice(n);
  return { v, z, correlation: multiplyTransposed(X, v) };
}

function constraintRates(d: StepDirection, epsilon: number): ConstraintRates {
  const n = d.v.length;
  const p = d.correlation.length;
  let mass = 0;
  for (let i = 0; i < n; i++) mass += d.z[i];
  const plus = new Float64Array(p);
  const minus = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    plus[j] = d.correlation[j] - epsilon * mass;
    minus[j] = -d.correlation[j] - epsilon * mass;
  }
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    upper[i] = d.v[i] - d.z[i];
    lower[i] = -d.v[i] - d.z[i];
  }
  return { plus, minus, upper, lower };
}

/** Δλᵢ = −λᵢ + (λᵢ∇fᵢᵀΔw + 1/t)/(−fᵢ) (B&V 11.55, eliminated). */
function multiplierDirection(
  state: InteriorState,
  f: ConstraintValues,
  rates: ConstraintRates,
  t: number,
): MultiplierStep {
  const inverse = 1 / t;
  const update = (lambda: Float64Array, value: Float64Array, rate: Float64Array): Float64Array => {
    const out = new Float64Array(lambda.length);
    for (let k = 0; k < out.length; k++) out[k] = -lambda[k] + (lambda[k] * rate[k] + inverse) / -value[k];
    return out;
  };
  return {
    plus: update(state.plus, f.plus, rates.plus),
    minus: update(state.minus, f.minus, rates.minus),
    upper: update(state.upper, f.upper, rates.upper),
    lower: update(state.lower, f.lower, rates.lower),
  };
}

/**
 * The B&V backtracking search: start at 0.99 of the largest step keeping λ ≥ 0, shrink
 * until every constraint stays strictly negative, then until the norm of the
 * primal-dual residual `r_t = (∇f₀ + Σλᵢ∇fᵢ, −λᵢfᵢ − 1/t)` decreases sufficiently.
 * Constraints and residual are affine or quadratic in the step, so each trial costs
 * O(n + p).
 */
function lineSearch(
  state: InteriorState,
  f: ConstraintValues,
  rates: ConstraintRates,
  d: StepDirection,
  dl: MultiplierStep,
  fitted: Float64Array,
  fittedStep: Float64Array,
  y: Float64Array,
  epsilon: number,
  t: number,
): number {
  let s = 1;
  const limit = (lambda: Float64Array, step: Float64Array) => {
    for (let k = 0; k < lambda.length; k++) if (step[k] < 0) s = Math.min(s, -lambda[k] / step[k]);
  };
  limit(state.plus, dl.plus);
  limit(state.minus, dl.minus);
  limit(state.upper, dl.upper);
  limit(state.lower, dl.lower);
  s *= BOUNDARY_FRACTION;

  const feasible = (step: number): boolean => {
    const linear = (value: Float64Array, rate: Float64Array) => {
      for (let k = 0; k < value.length; k++) if (!(value[k] + step * rate[k] < 0)) return false;
      return true;
    };
    return (
      linear(f.plus, rates.plus) &&
      linear(f.minus, rates.minus) &&
      linear(f.upper, rates.upper) &&
      linear(f.lower, rates.lower)
    );
  };
  let backtracks = 0;
  while (!feasible(s)) {
    s *= BACKTRACK;
    if (++backtracks > MAX_BACKTRACKS) return 0;
  }
  const current = residualNorm(state, f, rates, d, dl, fitted, fittedStep, y, epsilon, t, 0);
  while (
    residualNorm(state, f, rates, d, dl, fitted, fittedStep, y, epsilon, t, s) >
    (1 - SUFFICIENT_DECREASE * s) * current
  ) {
    s *= BACKTRACK;
    if (++backtracks > MAX_BACKTRACKS) return 0;
  }
  return s;
}

/** ‖r_t‖ at step s along (Δw, Δλ). */
function residualNorm(
  state: InteriorState,
  f: ConstraintValues,
  rates: ConstraintRates,
  d: StepDirection,
  dl: MultiplierStep,
  fitted: Float64Array,
  fittedStep: Float64Array,
  y: Float64Array,
  epsilon: number,
  t: number,
  s: number,
): number {
  const n = y.length;
  const inverse = 1 / t;
  let total = 0;
  let multiplierMass = 0;
  const centrality = (lambda: Float64Array, step: Float64Array, value: Float64Array, rate: Float64Array) => {
    for (let k = 0; k < lambda.length; k++) {
      const l = lambda[k] + s * step[k];
      const r = -l * (value[k] + s * rate[k]) - inverse;
      total += r * r;
    }
  };
  centrality(state.plus, dl.plus, f.plus, rates.plus);
  centrality(state.minus, dl.minus, f.minus, rates.minus);
  centrality(state.upper, dl.upper, f.upper, rates.upper);
  centrality(state.lower, dl.lower, f.lower, rates.lower);
  for (let j = 0; j < state.plus.length; j++) {
    multiplierMass += state.plus[j] + s * dl.plus[j] + state.minus[j] + s * dl.minus[j];
  }
  for (let i = 0; i < n; i++) {
    const upper = state.upper[i] + s * dl.upper[i];
    const lower = state.lower[i] + s * dl.lower[i];
    const rv = -y[i] + fitted[i] + s * fittedStep[i] + upper - lower;
    const rz = state.z[i] + s * d.z[i] - epsilon * multiplierMass - upper - lower;
    total += rv * rv + rz * rz;
  }
  return Math.sqrt(total);
}

function applyStep(state: InteriorState, d: StepDirection, dl: MultiplierStep, s: number): void {
  const move = (x: Float64Array, dx: Float64Array) => {
    for (let k = 0; k < x.length; k++) x[k] += s * dx[k];
  };
  move(state.v, d.v);
  move(state.z, d.z);
  move(state.plus, dl.plus);
  move(state.minus, dl.minus);
  move(state.upper, dl.upper);
  move(state.lower, dl.lower);
}

/** `X diag(c) Xᵀ` through the Gram product of `X diag(√c)`. */
export function weightedGram(X: Matrix, weights: Float64Array): Matrix {
  const scaled = X.clone();
  const { rows, cols, data } = scaled;
  const root = new Float64Array(cols);
  for (let j = 0; j < cols; j++) root[j] = Math.sqrt(weights[j]);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) data[offset + j] *= root[j];
  }
  return gram(scaled);
}
