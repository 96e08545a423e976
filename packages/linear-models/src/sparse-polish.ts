import { lstsq, Matrix } from '@benignlab/linalg';
import { dualNormValue, objectiveValue } from './adversarial-objective.js';
import { multiply, multiplyTransposed } from './linear-model.js';

/**
 * The finish of ℓ∞ adversarial training (penalty ε‖θ‖₁), used when the interior-point
 * iterations of `linf-interior-point.ts` stall short of the certificate (rounding in the
 * near-degenerate Newton systems, seen for ε ≲ 1e-5·ε₀). Their iterate reveals the
 * support clearly (off-support entries are orders of magnitude smaller), so an active-set
 * method takes over: guess
 * the structure of the optimum — the support S with signs σ, the set Z of exactly fitted
 * samples and the residual signs ρ elsewhere — solve the quadratic problem that structure
 * defines exactly, read the violated optimality conditions off its dual vector, fix the
 * guess and repeat. It is safe whatever the guess: a primal point is kept only if it
 * lowers the true objective, and every dual vector, once scaled into the feasible set,
 * gives a valid lower bound by weak duality.
 */

/** A guess of the optimum's structure. */
interface SparseStructure {
  /** Coordinates j with θⱼ ≠ 0, and their signs σⱼ. */
  support: number[];
  signs: number[];
  /** Samples with rᵢ = 0 (flags, length n). */
  fitted: Uint8Array;
  /** Signs ρᵢ of the residuals of the other samples (length n). */
  residualSigns: Float64Array;
}

/** The best primal point and the best certified bound on √(n·F*) found. */
export interface SparsePolishResult {
  readonly theta: Float64Array;
  readonly objective: number;
  readonly bound: number;
}

/** Active-set rounds per initial guess. */
const MAX_ROUNDS = 6;
/** Relative slack before a dual constraint counts as violated (rounding noise). */
const VIOLATION_TOLERANCE = 1e-10;
/** Ways of reading the structure off θ: the widest log-gap, then fixed relative levels. */
const GUESSES = ['gap', 1e-6] as const;

/**
 * Tries the active-set finish from `theta` and returns the best point and bound found.
 *
 * @param theta a near-optimal point of the interior-point iterations
 * @param tolerance stop as soon as the relative duality gap is this small
 */
export function polishSparse(
  X: Matrix,
  y: Float64Array,
  theta: Float64Array,
  epsilon: number,
  tolerance: number,
): SparsePolishResult {
  let bestTheta = theta;
  let bestObjective = objectiveValue(X, y, theta, epsilon, 'linf');
  let bestBound = 0;
  const residual = residualOf(X, y, theta);
  const penalty = epsilon * dualNormValue(theta, 'linf');
  for (const guess of GUESSES) {
    let structure: SparseStructure | undefined = guessStructure(theta, residual, penalty, guess);
    for (let round = 0; round < MAX_ROUNDS && structure !== undefined; round++) {
      // Wider supports than 2n are far from any optimum's structure (and costly to solve).
      if (structure.support.length === 0 || structure.support.length > 2 * y.length) break;
      const candidate = solveStructure(X, y, epsilon, structure);
      const objective = objectiveValue(X, y, candidate, epsilon, 'linf');
      if (objective < bestObjective) {
        bestTheta = candidate;
        bestObjective = objective;
      }
      const certificate = certify(X, y, candidate, epsilon, structure);
      bestBound = Math.max(bestBound, certificate.bound);
      if (bestObjective - (bestBound * bestBound) / y.length <= tolerance * bestObjective) {
        return { theta: bestTheta, objective: bestObjective, bound: bestBound };
      }
      structure = certificate.repaired;
    }
  }
  return { theta: bestTheta, objective: bestObjective, bound: bestBound };
}

/** `y − Xθ`. */
export function residualOf(X: Matrix, y: Float64Array, theta: Float64Array): Float64Array {
  const prediction = multiply(X, theta);
  for (let i = 0; i < y.length; i++) prediction[i] = y[i] - prediction[i];
  return prediction;
}

/**
 * Support `|θⱼ| > c·max|θ|` and fitted samples `|rᵢ| ≤ c·ε‖θ‖₁`, with c either fixed or
 * inside the widest gap of the sorted log-magnitudes: the iterations drive the entries
 * that vanish at the optimum geometrically to zero while the others settle, so the two
 * groups separate by orders of magnitude before any fixed level is safe.
 */
function guessStructure(
  theta: Float64Array,
  residual: Float64Array,
  penalty: number,
  guess: (typeof GUESSES)[number],
): SparseStructure {
  let largest = 0;
  for (let j = 0; j < theta.length; j++) largest = Math.max(largest, Math.abs(theta[j]));
  const coefficientCut = guess === 'gap' ? widestGapCut(theta, largest) : guess;
  const residualCut = guess === 'gap' ? widestGapCut(residual, penalty) : guess;
  const support: number[] = [];
  const signs: number[] = [];
  for (let j = 0; j < theta.length; j++) {
    if (Math.abs(theta[j]) > coefficientCut * largest) {
      support.push(j);
      signs.push(Math.sign(theta[j]));
    }
  }
  const n = residual.length;
  const fitted = new Uint8Array(n);
  const residualSigns = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    fitted[i] = Math.abs(residual[i]) <= residualCut * penalty ? 1 : 0;
    residualSigns[i] = residual[i] >= 0 ? 1 : -1;
  }
  return { support, signs, fitted, residualSigns };
}

/** A relative level inside the widest gap of log₁₀(|v|/scale) (zeros count as 1e-300). */
function widestGapCut(values: Float64Array, scale: number): number {
  if (!(scale > 0)) return 0;
  const logs = Float64Array.from(values, (v) => Math.log10(Math.max(Math.abs(v) / scale, 1e-300))).sort();
  let cut = 0;
  let widest = 0;
  for (let k = 1; k < logs.length; k++) {
    const gap = logs[k] - logs[k - 1];
    if (gap > widest) {
      widest = gap;
      cut = 10 ** ((logs[k] + logs[k - 1]) / 2);
    }
  }
  return cut;
}

/**
 * With S, σ, Z and ρ fixed the loss is the quadratic
 * `(1/n)[Σ_{i∉Z} (ρᵢyᵢ − (ρᵢxᵢ,S − εσ)ᵀθ_S)² + |Z|ε²(σᵀθ_S)²]`, minimized subject to
 * `X_{Z,S} θ_S = y_Z`: solved exactly through its KKT system (by `lstsq`, which also
 * copes with a singular one).
 */
function solveStructure(
  X: Matrix,
  y: Float64Array,
  epsilon: number,
  structure: SparseStructure,
): Float64Array {
  const { support, signs, fitted, residualSigns } = structure;
  const { rows: n, cols: p, data } = X;
  const m = support.length;
  const fittedRows: number[] = [];
  for (let i = 0; i < n; i++) if (fitted[i]) fittedRows.push(i);
  const size = m + fittedRows.length;
  const kkt = new Matrix(size, size);
  const K = kkt.data;
  const rhs = new Float64Array(size);
  const row = new Float64Array(m);
  const addRow = (target: number) => {
    for (let a = 0; a < m; a++) {
      const ra = row[a];
      if (ra === 0) continue;
      const offset = a * size;
      for (let b = 0; b < m; b++) K[offset + b] += ra * row[b];
      rhs[a] += ra * target;
    }
  };
  for (let i = 0; i < n; i++) {
    if (fitted[i]) continue;
    const rho = residualSigns[i];
    const offset = i * p;
    for (let a = 0; a < m; a++) row[a] = rho * data[offset + support[a]] - epsilon * signs[a];
    addRow(rho * y[i]);
  }
  const fittedWeight = Math.sqrt(fittedRows.length) * epsilon;
  for (let a = 0; a < m; a++) row[a] = -fittedWeight * signs[a];
  addRow(0);
  fittedRows.forEach((i, k) => {
    const offset = i * p;
    for (let a = 0; a < m; a++) {
      const entry = data[offset + support[a]];
      K[(m + k) * size + a] = entry;
      K[a * size + m + k] = entry;
    }
    rhs[m + k] = y[i];
  });
  const { solution } = lstsq(kkt, rhs);
  const theta = new Float64Array(p);
  for (let a = 0; a < m; a++) theta[support[a]] = solution[a];
  return theta;
}

/**
 * The dual vector of the KKT conditions at θ — `vᵢ = ρᵢuᵢ/‖u‖` off Z, and on Z the
 * least-squares solution of `X_{Z,S}ᵀ v_Z = κσ − X_{Z̄,S}ᵀ v_{Z̄}` (κ = ε‖u‖₁/‖u‖), so that
 * `Xᵀv = κσ` on the support — scaled into the dual feasible set for the bound
 * `√(n·F*) ≥ s|vᵀy|`, and the structure repaired where the conditions fail: coordinates
 * with |(Xᵀv)ⱼ| > κ enter the support, fitted samples with |vᵢ| > zᵢ leave Z, support
 * coordinates whose sign flipped leave S, and samples whose residual sign flipped join Z.
 * `repaired` is undefined when nothing is violated.
 */
function certify(
  X: Matrix,
  y: Float64Array,
  theta: Float64Array,
  epsilon: number,
  structure: SparseStructure,
): { bound: number; repaired: SparseStructure | undefined } {
  const { support, signs, fitted, residualSigns } = structure;
  const { rows: n, cols: p, data } = X;
  const residual = residualOf(X, y, theta);
  const penalty = epsilon * dualNormValue(theta, 'linf');
  const slack = new Float64Array(n);
  let slackSquares = 0;
  let slackSum = 0;
  for (let i = 0; i < n; i++) {
    slack[i] = Math.abs(residual[i]) + penalty;
    slackSquares += slack[i] * slack[i];
    slackSum += slack[i];
  }
  const slackNorm = Math.sqrt(slackSquares);
  if (slackNorm === 0) return { bound: 0, repaired: undefined };
  const kappa = (epsilon * slackSum) / slackNorm;

  const v = new Float64Array(n);
  const fittedRows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (fitted[i]) fittedRows.push(i);
    else v[i] = (residualSigns[i] * slack[i]) / slackNorm;
  }
  if (fittedRows.length > 0) {
    const partial = multiplyTransposed(X, v);
    const system = new Matrix(support.length, fittedRows.length);
    const target = new Float64Array(support.length);
    support.forEach((j, a) => {
      target[a] = kappa * signs[a] - partial[j];
      fittedRows.forEach((i, k) => {
        system.data[a * fittedRows.length + k] = data[i * p + j];
      });
    });
    const { solution } = lstsq(system, target);
    fittedRows.forEach((i, k) => {
      v[i] = solution[k];
    });
  }

  const correlation = multiplyTransposed(X, v);
  let largest = 0;
  for (let j = 0; j < p; j++) largest = Math.max(largest, Math.abs(correlation[j]));
  let scale = largest === 0 ? Number.POSITIVE_INFINITY : kappa / largest;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(v[i]);
    if (a > 0) scale = Math.min(scale, slack[i] / (slackNorm * a));
    value += v[i] * y[i];
  }
  const bound = Number.isFinite(scale) ? scale * Math.abs(value) : 0;

  let violated = false;
  const inSupport = new Uint8Array(p);
  const nextSupport: number[] = [];
  const nextSigns: number[] = [];
  support.forEach((j, a) => {
    inSupport[j] = 1;
    if (theta[j] * signs[a] < 0) violated = true;
    else {
      nextSupport.push(j);
      nextSigns.push(signs[a]);
    }
  });
  for (let j = 0; j < p; j++) {
    if (!inSupport[j] && Math.abs(correlation[j]) > kappa * (1 + VIOLATION_TOLERANCE)) {
      violated = true;
      nextSupport.push(j);
      nextSigns.push(Math.sign(correlation[j]));
    }
  }
  const nextFitted = fitted.slice();
  const nextResidualSigns = residualSigns.slice();
  for (let i = 0; i < n; i++) {
    if (fitted[i] && Math.abs(v[i]) * slackNorm > slack[i] * (1 + VIOLATION_TOLERANCE)) {
      violated = true;
      nextFitted[i] = 0;
      nextResidualSigns[i] = Math.sign(v[i]);
    } else if (!fitted[i] && residual[i] * residualSigns[i] < 0) {
      violated = true;
      nextFitted[i] = 1;
    }
  }
  const repaired = violated
    ? { support: nextSupport, signs: nextSigns, fitted: nextFitted, residualSigns: nextResidualSigns }
    : undefined;
  return { bound, repaired };
}
