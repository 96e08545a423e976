import { gram, type Matrix } from '@benignlab/linalg';
import { objectiveValue } from './adversarial-objective.js';
import {
  affineFeasible,
  allNegative,
  BACKTRACK,
  BOUNDARY_FRACTION,
  barrierRhs,
  boxValues,
  CENTERING,
  centralitySquares,
  certifiedBound,
  complementarity,
  type InteriorPointResult,
  labelScaling,
  MAX_BACKTRACKS,
  multiplierStep,
  multiplierStepLimit,
  newtonMatrix,
  SUFFICIENT_DECREASE,
  solveDamped,
} from './dual-interior-point.js';
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
): InteriorPointResult {
  const { rows: n, cols: p } = X;
  // The iterations run on y/c with c = √(n·F) at the better of θ = 0 and the min-norm
  // solution (see labelScaling).
  const start = minNorm(X, y).coef;
  const { labelNorm, candidateIsBetter: startIsBetter } = labelScaling(
    y,
    objectiveValue(X, y, start, epsilon, 'linf'),
  );
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) target[i] = y[i] / labelNorm;

  const state = initialState(n, p, epsilon);
  const m = 2 * p + 2 * n;

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
    bestBound = Math.max(bestBound, certifiedBound(state.v, state.z, target, epsilon, maxAbs(correlation)));
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

    const newton = linfNewtonMatrix(X, state, constraints, epsilon);
    const rhs = linfBarrierRhs(X, state, constraints, target, epsilon, t);
    const step = solveDamped(newton, rhs, 'interior-point Newton system');
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
  return { plus, minus, ...boxValues(v, z) };
}

/** Whether every constraint is strictly satisfied (recomputed values can round to 0). */
function strictlyFeasible(f: ConstraintValues): boolean {
  return allNegative(f.plus) && allNegative(f.minus) && allNegative(f.upper) && allNegative(f.lower);
}

function primalCoefficients(state: InteriorState): Float64Array {
  const { plus, minus } = state;
  const theta = new Float64Array(plus.length);
  for (let j = 0; j < theta.length; j++) theta[j] = plus[j] - minus[j];
  return theta;
}

/** η̂ = −Σ λᵢfᵢ. */
function surrogateDualityGap(state: InteriorState, f: ConstraintValues): number {
  return (
    complementarity(state.plus, f.plus) +
    complementarity(state.minus, f.minus) +
    complementarity(state.upper, f.upper) +
    complementarity(state.lower, f.lower)
  );
}

/** ‖Xᵀv‖∞, the perturbation norm of the correlations. */
function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (let j = 0; j < values.length; j++) largest = Math.max(largest, Math.abs(values[j]));
  return largest;
}

/**
 * The Newton matrix (shared block form, `dual-interior-point.ts`) with the 2p linear
 * constraints ±(Xᵀv)ⱼ ≤ ε𝟙ᵀz: with cⱼ± = θⱼ±/(−fⱼ±), `vv = X diag(c⁺ + c⁻) Xᵀ`,
 * `coupling = X(c⁺ − c⁻)`, `mass = 𝟙ᵀ(c⁺ + c⁻)`.
 */
function linfNewtonMatrix(X: Matrix, state: InteriorState, f: ConstraintValues, epsilon: number): Matrix {
  const p = X.cols;
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
  const block = { vv: weightedGram(X, total), coupling: multiply(X, difference), mass: totalSum };
  return newtonMatrix(block, state.upper, state.lower, f, epsilon);
}

/** The barrier right-hand side with the 2p linear constraints ±(Xᵀv)ⱼ ≤ ε𝟙ᵀz. */
function linfBarrierRhs(
  X: Matrix,
  state: InteriorState,
  f: ConstraintValues,
  y: Float64Array,
  epsilon: number,
  t: number,
): Float64Array {
  const p = X.cols;
  const columnWeights = new Float64Array(p);
  let massWeight = 0;
  for (let j = 0; j < p; j++) {
    const a = 1 / -f.plus[j];
    const b = 1 / -f.minus[j];
    columnWeights[j] = a - b;
    massWeight += a + b;
  }
  return barrierRhs(y, state.z, f, multiply(X, columnWeights), massWeight, epsilon, t);
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
  return { plus, minus, ...boxValues(d.v, d.z) };
}

function multiplierDirection(
  state: InteriorState,
  f: ConstraintValues,
  rates: ConstraintRates,
  t: number,
): MultiplierStep {
  return {
    plus: multiplierStep(state.plus, f.plus, rates.plus, t),
    minus: multiplierStep(state.minus, f.minus, rates.minus, t),
    upper: multiplierStep(state.upper, f.upper, rates.upper, t),
    lower: multiplierStep(state.lower, f.lower, rates.lower, t),
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
  s = multiplierStepLimit(state.plus, dl.plus, s);
  s = multiplierStepLimit(state.minus, dl.minus, s);
  s = multiplierStepLimit(state.upper, dl.upper, s);
  s = multiplierStepLimit(state.lower, dl.lower, s);
  s *= BOUNDARY_FRACTION;

  const feasible = (step: number): boolean =>
    affineFeasible(f.plus, rates.plus, step) &&
    affineFeasible(f.minus, rates.minus, step) &&
    affineFeasible(f.upper, rates.upper, step) &&
    affineFeasible(f.lower, rates.lower, step);
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
  let total =
    centralitySquares(state.plus, dl.plus, f.plus, rates.plus, s, t) +
    centralitySquares(state.minus, dl.minus, f.minus, rates.minus, s, t) +
    centralitySquares(state.upper, dl.upper, f.upper, rates.upper, s, t) +
    centralitySquares(state.lower, dl.lower, f.lower, rates.lower, s, t);
  let multiplierMass = 0;
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
