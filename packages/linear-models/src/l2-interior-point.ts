import { choleskySolve, gram, LinalgError, Matrix } from '@benignlab/linalg';
import { objectiveValue } from './adversarial-objective.js';
import {
  affineFeasible,
  allNegative,
  BACKTRACK,
  BOUNDARY_FRACTION,
  type BoxValues,
  barrierRhs,
  boxValues,
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
  sum,
} from './dual-interior-point.js';
import { multiply, multiplyTransposed } from './linear-model.js';
import { minNorm } from './min-norm.js';

/**
 * ℓ2 adversarial training by the primal-dual interior-point method of
 * `dual-interior-point.ts` (Boyd & Vandenberghe §11.7) on the dual
 *
 *     maximize yᵀv − ½‖z‖²  subject to  |vᵢ| ≤ zᵢ,  f_c(v, z) = ‖Xᵀv‖₂ − ε·𝟙ᵀz ≤ 0,
 *
 * whose optimum is ½nF*. The cone constraint is kept as the one convex scalar
 * inequality f_c; its multiplier λ is ‖θ‖₂ and stationarity in v gives
 * `θ = λ·Xᵀv/‖Xᵀv‖`, so with the Gram matrix K = XXᵀ every quantity of an iteration is
 * an n-vector: ‖Xᵀv‖ = √(vᵀKv), ∇_v f_c = q = Kv/‖Xᵀv‖, ∇²_vv f_c = (K − qqᵀ)/‖Xᵀv‖,
 * Xθ = λq and ‖θ‖ = λ. One O(n²p) Gram product, then per iteration a 2n×2n Cholesky
 * solve ((2n)³/3 flops) and four O(np) products with X.
 *
 * Certificate: the iterations' gap uses Xθ = λ·Kv/γ (Kv formed as X(Xᵀv)); a point that
 * meets the tolerance there is re-certified from scratch (θ = Xᵀα, F(θ) and ‖Xᵀv‖ from
 * X itself), and only that exact check decides `converged` and the reported bound.
 */

/**
 * Stop when, already within STALL_GAP_FACTOR × tolerance, the certified gap has not
 * halved in STALL_ITERATIONS iterations (steps cut to rounding size), or at any gap when
 * it has not halved in CRAWL_ITERATIONS: healthy fits take 15–150 iterations in all, and
 * the crawls seen (p ≪ n with ε ≲ 1e-3·ε₀, where the dual cone is a sliver around the
 * least-squares residual) would otherwise run to maxIterations.
 */
const STALL_ITERATIONS = 20;
const CRAWL_ITERATIONS = 100;
const STALL_GAP_FACTOR = 1e4;
const PROGRESS_FACTOR = 0.5;
/** Stop iterating when the surrogate gap is below this fraction of the certificate's target. */
const STALL_FRACTION = 1e-3;
/**
 * t = CENTERING·m/η̂. Smaller than ℓ∞'s 10: the cone constraint is curved, and aiming
 * far towards its boundary makes the feasibility backtracking cut steps short (measured
 * from 50×200 to 300×3000 at 0.3–0.99·ε₀: 10 took up to 284 iterations, 5 up to 166).
 * Smaller values (2–3) help large n but stall for p ≪ n at ε ≈ 1e-3·ε₀; an adaptive
 * rule (2 after a short step, 10 after a full one) had the same failure.
 */
const CENTERING = 5;
/** The start v is this fraction of the way to the boundary of the dual feasible set. */
const START_FRACTION = 0.5;

/** Dual point (v, z), the cone multiplier λ = ‖θ‖ and the box multipliers (|r| = upper + lower). */
interface L2State {
  v: Float64Array;
  z: Float64Array;
  cone: number;
  upper: Float64Array;
  lower: Float64Array;
}

/** The constraint values and the gradient pieces of f_c at the current point. */
interface L2Constraints {
  box: BoxValues;
  /** f_c = γ − ε𝟙ᵀz < 0. */
  cone: number;
  /** Kv. */
  kernelV: Float64Array;
  /** Xᵀv. */
  correlation: Float64Array;
  /** γ = ‖Xᵀv‖₂ = √(vᵀKv). */
  gamma: number;
}

/**
 * Minimizes `F(θ) = (1/n) Σᵢ (|yᵢ − ⟨xᵢ, θ⟩| + ε‖θ‖₂)²` for 0 < ε < ε₀ (inputs validated
 * by the caller); stops when `F(θ) − lowerBound ≤ tolerance·F(θ)`.
 */
export function l2InteriorPoint(
  X: Matrix,
  y: Float64Array,
  epsilon: number,
  tolerance: number,
  maxIterations: number,
): InteriorPointResult {
  const { rows: n, cols: p } = X;
  const kernel = gram(X);
  const interpolator = minNormCandidate(X, kernel, y, epsilon);
  if (interpolator.objective - interpolator.lowerBound <= tolerance * interpolator.objective) {
    return { ...interpolator, iterations: 0, converged: true };
  }
  // Ridge with λ = ε² is within a factor 2 of F* at every ε ((a + b)² ≤ 2a² + 2b² and
  // (a + b)² ≥ a² + b²), so it sets the scale of the rescaled problem and is the first
  // primal candidate.
  const ridgeAlpha = ridgeDual(kernel, y, epsilon);
  const ridgeObjective = kernelObjective(kernel, y, ridgeAlpha, epsilon);
  const { labelNorm, candidateIsBetter } = labelScaling(y, ridgeObjective);
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) target[i] = y[i] / labelNorm;

  const state = initialState(kernel, target, epsilon);
  const m = 2 * n + 1;

  let bestAlpha: Float64Array = new Float64Array(n);
  if (candidateIsBetter) for (let i = 0; i < n; i++) bestAlpha[i] = ridgeAlpha[i] / labelNorm;
  let bestObjective = kernelObjective(kernel, target, bestAlpha, epsilon);
  let bestBound = 0;
  let bestV: Float64Array = state.v.slice();
  let bestZ: Float64Array = state.z.slice();
  let certified: Certificate | undefined;
  let converged = false;
  let iterations = 0;
  let gapAtLastProgress = Number.POSITIVE_INFINITY;
  let lastProgress = 0;

  let constraints = evaluateConstraints(X, state, epsilon);
  while (iterations < maxIterations) {
    iterations++;
    const { gamma, kernelV } = constraints;
    const objective = pathObjective(target, kernelV, gamma, state.cone, epsilon);
    if (objective < bestObjective) {
      bestObjective = objective;
      bestAlpha = scaled(state.v, state.cone / gamma);
    }
    const bound = certifiedBound(state.v, state.z, target, epsilon, gamma);
    if (bound > bestBound) {
      bestBound = bound;
      bestV = state.v.slice();
      bestZ = state.z.slice();
    }
    const relativeGap = (bestObjective - (bestBound * bestBound) / n) / bestObjective;
    if (relativeGap <= tolerance) {
      certified = certify(X, target, bestAlpha, bestV, bestZ, epsilon);
      converged = certified.objective - certified.lowerBound <= tolerance * certified.objective;
      if (converged) break;
    }
    if (relativeGap <= PROGRESS_FACTOR * gapAtLastProgress) {
      gapAtLastProgress = relativeGap;
      lastProgress = iterations;
    } else if (
      iterations - lastProgress > CRAWL_ITERATIONS ||
      (relativeGap < STALL_GAP_FACTOR * tolerance && iterations - lastProgress > STALL_ITERATIONS)
    )
      break;

    const surrogateGap =
      -state.cone * constraints.cone +
      complementarity(state.upper, constraints.box.upper) +
      complementarity(state.lower, constraints.box.lower);
    if (!(surrogateGap > STALL_FRACTION * tolerance * n * bestObjective) || !strictlyFeasible(constraints))
      break;
    const t = (CENTERING * m) / surrogateGap;

    const step = newtonStep(X, kernel, state, constraints, target, epsilon, t);
    const s = lineSearch(state, constraints, step, target, epsilon, t);
    if (s === 0) break;
    applyStep(state, step, s);
    constraints = evaluateConstraints(X, state, epsilon);
  }
  if (!converged || certified === undefined) certified = certify(X, target, bestAlpha, bestV, bestZ, epsilon);
  const scale = labelNorm * labelNorm;
  let theta = certified.theta;
  for (let j = 0; j < p; j++) theta[j] *= labelNorm;
  let finalObjective = objectiveValue(X, y, theta, epsilon, 'l2');
  // Never return worse than the min-norm solution when it is within the tolerance of the
  // optimum (close to the interpolation regime, or p ≤ n with ε → 0).
  if (interpolator.objective < finalObjective) {
    theta = interpolator.theta;
    finalObjective = interpolator.objective;
  }
  const lowerBound = Math.max(
    Math.min(certified.lowerBound * scale, finalObjective),
    Math.min(interpolator.lowerBound, finalObjective),
  );
  return {
    theta,
    objective: finalObjective,
    lowerBound,
    iterations,
    converged: finalObjective - lowerBound <= tolerance * finalObjective,
  };
}

/** The exact certificate of a primal α (θ = Xᵀα) and dual (v, z) of the rescaled problem. */
interface Certificate {
  theta: Float64Array;
  objective: number;
  lowerBound: number;
}

/** θ, F(θ) and the weak-duality bound from fresh products with X (no Gram rounding). */
function certify(
  X: Matrix,
  y: Float64Array,
  alpha: Float64Array,
  v: Float64Array,
  z: Float64Array,
  epsilon: number,
): Certificate {
  const theta = multiplyTransposed(X, alpha);
  const correlation = multiplyTransposed(X, v);
  let squares = 0;
  for (let j = 0; j < correlation.length; j++) squares += correlation[j] * correlation[j];
  const bound = certifiedBound(v, z, y, epsilon, Math.sqrt(squares));
  const objective = objectiveValue(X, y, theta, epsilon, 'l2');
  return { theta, objective, lowerBound: Math.min((bound * bound) / y.length, objective) };
}

/**
 * The min-norm solution as a candidate, with its exact certificate. For p > n and
 * full-rank X it is the interpolator θ = Xᵀα, Kα = y, which is optimal iff
 * `nε·‖α‖∞ ≤ ‖θ‖₂` (the subgradient condition at r = 0, with dual point v ∝ α, z = 𝟙), so
 * its certificate closes the gap in that regime with no iteration. For p ≤ n (or a
 * singular K) it is least squares by {@link minNorm} (QR + SVD, O(np²), more accurate
 * than the Gram route) with no bound; as ε → 0 it is within O(ε) of the optimum.
 */
function minNormCandidate(
  X: Matrix,
  kernel: Matrix,
  y: Float64Array,
  epsilon: number,
): { theta: Float64Array; objective: number; lowerBound: number } {
  if (X.cols > X.rows) {
    try {
      const alpha = choleskySolve(kernel, y) as Float64Array;
      return certify(X, y, alpha, alpha, new Float64Array(y.length).fill(1), epsilon);
    } catch (error) {
      if (!(error instanceof LinalgError)) throw error;
    }
  }
  const theta = minNorm(X, y).coef;
  return { theta, objective: objectiveValue(X, y, theta, epsilon, 'l2'), lowerBound: 0 };
}

/** α of ridge with λ = ε²: `(K + nε²I) α = y`, θ = Xᵀα. */
function ridgeDual(kernel: Matrix, y: Float64Array, epsilon: number): Float64Array {
  const n = y.length;
  const system = kernel.clone();
  for (let i = 0; i < n; i++) system.data[i * n + i] += n * epsilon * epsilon;
  return solveDamped(system, y, 'ridge start system');
}

/** F(Xᵀα) through K: Xθ = Kα, ‖θ‖² = αᵀKα. */
function kernelObjective(kernel: Matrix, y: Float64Array, alpha: Float64Array, epsilon: number): number {
  const fitted = symmetricProduct(kernel, alpha);
  let squares = 0;
  for (let i = 0; i < alpha.length; i++) squares += alpha[i] * fitted[i];
  const penalty = epsilon * Math.sqrt(Math.max(squares, 0));
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const u = Math.abs(y[i] - fitted[i]) + penalty;
    s += u * u;
  }
  return s / y.length;
}

/** F at θ = λ·Xᵀv/γ, for which Xθ = λ·Kv/γ and ‖θ‖ = λ. */
function pathObjective(
  y: Float64Array,
  kernelV: Float64Array,
  gamma: number,
  cone: number,
  epsilon: number,
): number {
  const factor = cone / gamma;
  const penalty = epsilon * cone;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const u = Math.abs(y[i] - factor * kernelV[i]) + penalty;
    s += u * u;
  }
  return s / y.length;
}

/** K·x for the symmetric n×n K (row-major, so rows are read contiguously). */
function symmetricProduct(kernel: Matrix, x: Float64Array): Float64Array {
  return multiply(kernel, x);
}

function scaled(x: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = factor * x[i];
  return out;
}

/**
 * z = 𝟙/√n and v along y, halfway to the boundary of both |vᵢ| ≤ zᵢ and
 * ‖Xᵀv‖ ≤ ε𝟙ᵀz (v = 0 would sit where f_c is not differentiable); multipliers
 * λᵢ = 1/(m·(−fᵢ)) give surrogate gap 1, the scale of the optimum ½nF* ≤ ½‖y‖² of the
 * rescaled problem.
 */
function initialState(kernel: Matrix, y: Float64Array, epsilon: number): L2State {
  const n = y.length;
  const m = 2 * n + 1;
  const zValue = 1 / Math.sqrt(n);
  const ky = symmetricProduct(kernel, y);
  let largest = 0;
  let yKy = 0;
  for (let i = 0; i < n; i++) {
    largest = Math.max(largest, Math.abs(y[i]));
    yKy += y[i] * ky[i];
  }
  // ε < ε₀ = ‖Xᵀy‖/‖y‖₁ makes ‖Xᵀy‖ > 0 and y ≠ 0.
  const factor = START_FRACTION * Math.min(zValue / largest, (epsilon * n * zValue) / Math.sqrt(yKy));
  const v = scaled(y, factor);
  const z = new Float64Array(n).fill(zValue);
  const box = boxValues(v, z);
  const coneValue = factor * Math.sqrt(yKy) - epsilon * n * zValue;
  return {
    v,
    z,
    cone: 1 / (m * -coneValue),
    upper: box.upper.map((f) => 1 / (m * -f)),
    lower: box.lower.map((f) => 1 / (m * -f)),
  };
}

/**
 * The constraints at the current point. γ = ‖Xᵀv‖ and Kv = X(Xᵀv) come from X, not from
 * K: as ε → 0 the optimal v nearly annihilates Xᵀ (for p < n it tends to the least-squares
 * residual direction), and √(vᵀKv) would lose half the digits to cancellation
 * (O(np) per iteration, below the O(n³) solve).
 */
function evaluateConstraints(X: Matrix, state: L2State, epsilon: number): L2Constraints {
  const correlation = multiplyTransposed(X, state.v);
  let squares = 0;
  for (let j = 0; j < correlation.length; j++) squares += correlation[j] * correlation[j];
  const gamma = Math.sqrt(squares);
  const kernelV = multiply(X, correlation);
  return {
    box: boxValues(state.v, state.z),
    cone: gamma - epsilon * sum(state.z),
    kernelV,
    correlation,
    gamma,
  };
}

function strictlyFeasible(f: L2Constraints): boolean {
  return f.cone < 0 && f.gamma > 0 && allNegative(f.box.upper) && allNegative(f.box.lower);
}

/** A primal-dual search direction and what the line search needs of it. */
interface L2Step {
  v: Float64Array;
  z: Float64Array;
  /** KΔv. */
  kernelV: Float64Array;
  /** vᵀKΔv and ΔvᵀKΔv (f_c along the step). */
  cross: number;
  stepSquares: number;
  /** Rates of the box constraints along (Δv, Δz). */
  boxRates: BoxValues;
  cone: number;
  upper: Float64Array;
  lower: Float64Array;
}

/**
 * The Newton step in the shared block form with f_c's pieces, κ = λ/(−f_c):
 * `vv = (λ/γ)(K − qqᵀ) + κqqᵀ`, `coupling = κq`, `mass = κ`; right-hand side with
 * `Σ∇_v f/(−f) = q/(−f_c)` and `Σ1/(−f) = 1/(−f_c)`.
 */
function newtonStep(
  X: Matrix,
  kernel: Matrix,
  state: L2State,
  f: L2Constraints,
  y: Float64Array,
  epsilon: number,
  t: number,
): L2Step {
  const n = y.length;
  const { gamma } = f;
  const slack = -f.cone;
  const q = scaled(f.kernelV, 1 / gamma);
  const curvature = state.cone / gamma;
  const kappa = state.cone / slack;
  const vv = new Matrix(n, n);
  const data = vv.data;
  const k = kernel.data;
  // (λ/γ)(K − qqᵀ) + κqqᵀ, assembled symmetrically (Cholesky checks symmetry).
  const rankOne = kappa - curvature;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    const qi = rankOne * q[i];
    for (let j = 0; j <= i; j++) {
      const value = curvature * k[row + j] + qi * q[j];
      data[row + j] = value;
      data[j * n + i] = value;
    }
  }
  const rhs = barrierRhs(y, state.z, f.box, scaled(q, 1 / slack), 1 / slack, epsilon, t);
  const H = newtonMatrix(
    { vv, coupling: scaled(q, kappa), mass: kappa },
    state.upper,
    state.lower,
    f.box,
    epsilon,
  );
  const direction = solveDamped(H, rhs, 'interior-point Newton system');
  const dv = direction.slice(0, n);
  const dz = direction.slice(n);
  const boxRates = boxValues(dv, dz);
  let coneRate = -epsilon * sum(dz);
  for (let i = 0; i < n; i++) coneRate += q[i] * dv[i];
  const correlation = multiplyTransposed(X, dv);
  let cross = 0;
  let stepSquares = 0;
  for (let j = 0; j < correlation.length; j++) {
    cross += f.correlation[j] * correlation[j];
    stepSquares += correlation[j] * correlation[j];
  }
  return {
    v: dv,
    z: dz,
    kernelV: multiply(X, correlation),
    cross,
    stepSquares,
    boxRates,
    cone: -state.cone + (state.cone * coneRate + 1 / t) / slack,
    upper: multiplierStep(state.upper, f.box.upper, boxRates.upper, t),
    lower: multiplierStep(state.lower, f.box.lower, boxRates.lower, t),
  };
}

/**
 * The B&V backtracking search as for ℓ∞: at most 0.99 of the step to the boundary of the
 * multipliers and of the cone, shrunk until every constraint stays strictly feasible (f_c along the step
 * is `√(γ² + 2s·vᵀKΔv + s²·ΔvᵀKΔv) − ε𝟙ᵀ(z + sΔz)`), then until the primal-dual residual
 * decreases sufficiently. Each trial costs O(n).
 */
function lineSearch(
  state: L2State,
  f: L2Constraints,
  d: L2Step,
  y: Float64Array,
  epsilon: number,
  t: number,
): number {
  const n = y.length;
  let s = 1;
  if (d.cone < 0) s = Math.min(s, -state.cone / d.cone);
  s = multiplierStepLimit(state.upper, d.upper, s);
  s = multiplierStepLimit(state.lower, d.lower, s);
  s *= BOUNDARY_FRACTION;

  const { cross, stepSquares } = d;
  const mass = sum(state.z);
  const massStep = sum(d.z);
  const gammaAt = (step: number) =>
    Math.sqrt(Math.max(f.gamma * f.gamma + 2 * step * cross + step * step * stepSquares, 0));
  const coneAt = (step: number) => gammaAt(step) - epsilon * (mass + step * massStep);

  // The exact distance to the cone's boundary, so that backtracking below only guards
  // against rounding (halving from the multipliers' limit cost 10–15% more iterations).
  s = Math.min(
    s,
    BOUNDARY_FRACTION * coneStepLimit(f.gamma, cross, stepSquares, epsilon * mass, epsilon * massStep),
  );
  const feasible = (step: number): boolean =>
    coneAt(step) < 0 &&
    gammaAt(step) > 0 &&
    affineFeasible(f.box.upper, d.boxRates.upper, step) &&
    affineFeasible(f.box.lower, d.boxRates.lower, step);
  let backtracks = 0;
  while (!feasible(s)) {
    s *= BACKTRACK;
    if (++backtracks > MAX_BACKTRACKS) return 0;
  }

  const residualNorm = (step: number): number => {
    const gamma = gammaAt(step);
    const cone = state.cone + step * d.cone;
    const centrality = -cone * coneAt(step) - 1 / t;
    let total =
      centrality * centrality +
      centralitySquares(state.upper, d.upper, f.box.upper, d.boxRates.upper, step, t) +
      centralitySquares(state.lower, d.lower, f.box.lower, d.boxRates.lower, step, t);
    const factor = cone / gamma;
    for (let i = 0; i < n; i++) {
      const upper = state.upper[i] + step * d.upper[i];
      const lower = state.lower[i] + step * d.lower[i];
      const rv = -y[i] + factor * (f.kernelV[i] + step * d.kernelV[i]) + upper - lower;
      const rz = state.z[i] + step * d.z[i] - epsilon * cone - upper - lower;
      total += rv * rv + rz * rz;
    }
    return Math.sqrt(total);
  };
  const current = residualNorm(0);
  while (residualNorm(s) > (1 - SUFFICIENT_DECREASE * s) * current) {
    s *= BACKTRACK;
    if (++backtracks > MAX_BACKTRACKS) return 0;
  }
  return s;
}

/**
 * The largest s with √(γ² + 2s·c + s²·d) < b + s·Δb (b = ε𝟙ᵀz): the first positive root
 * of (d − Δb²)s² + 2(c − bΔb)s + (γ² − b²), whose constant term is negative inside the
 * cone, also bounded by b + sΔb > 0; ∞ when the step never leaves the cone.
 */
function coneStepLimit(gamma: number, c: number, d: number, b: number, db: number): number {
  const a2 = d - db * db;
  const a1 = c - b * db;
  const a0 = gamma * gamma - b * b;
  let limit = db < 0 ? -b / db : Number.POSITIVE_INFINITY;
  const discriminant = a1 * a1 - a2 * a0;
  if (discriminant >= 0) {
    const root = Math.sqrt(discriminant);
    // Roots of a2·s² + 2a1·s + a0 in the cancellation-free form.
    const q = -(a1 + (a1 >= 0 ? root : -root));
    for (const candidate of [q / a2, a0 / q]) {
      if (candidate > 0 && Number.isFinite(candidate)) limit = Math.min(limit, candidate);
    }
  }
  return limit;
}

function applyStep(state: L2State, d: L2Step, s: number): void {
  for (let i = 0; i < state.v.length; i++) {
    state.v[i] += s * d.v[i];
    state.z[i] += s * d.z[i];
    state.upper[i] += s * d.upper[i];
    state.lower[i] += s * d.lower[i];
  }
  state.cone += s * d.cone;
}
