import { lstsq, Matrix } from '@benignlab/linalg';
import { multiply, multiplyTransposed } from './linear-model.js';

/**
 * Finishing steps for ℓ∞ adversarial training (penalty ε‖θ‖₁), whose reweighted
 * iterations approach the optimum quickly but certify it slowly: coordinates on the
 * edge of the support move geometrically, and the dual vector of the iteration stays
 * slightly infeasible. Both steps guess the optimal structure from a near-optimal θ —
 * the support S with signs σ, and the set Z of exactly fitted samples — and are safe
 * whatever the guess: the primal step is kept only if it lowers the objective, and the
 * dual step always yields a valid lower bound (weak duality holds for any feasible v).
 */

/** The coordinates guessed nonzero and the samples guessed exactly fitted at the optimum. */
export interface SparseStructure {
  readonly support: Int32Array;
  readonly fitted: Int32Array;
}

/**
 * The structure read off the widest gap (on a log scale) in the sorted magnitudes
 * `|θⱼ|/max|θ|` and `|rᵢ|/(ε‖θ‖₁)`: reweighted iterations drive the entries that vanish
 * at the optimum geometrically towards zero while the others settle, so the two groups
 * separate by many orders of magnitude long before any fixed threshold is safe.
 */
export function guessStructureByGap(theta: Float64Array, residual: Float64Array, penalty: number): SparseStructure {
  let largest = 0;
  for (let j = 0; j < theta.length; j++) largest = Math.max(largest, Math.abs(theta[j]));
  const coefficientCut = widestGapCut(theta, largest);
  const residualCut = widestGapCut(residual, penalty);
  const support: number[] = [];
  for (let j = 0; j < theta.length; j++) if (Math.abs(theta[j]) > coefficientCut * largest) support.push(j);
  const fitted: number[] = [];
  for (let i = 0; i < residual.length; i++) if (Math.abs(residual[i]) <= residualCut * penalty) fitted.push(i);
  return { support: Int32Array.from(support), fitted: Int32Array.from(fitted) };
}

/** The relative level inside the widest log-gap of |v|/scale (values below 1e-300 count as 1e-300). */
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

export function guessStructure(
  theta: Float64Array,
  residual: Float64Array,
  penalty: number,
  threshold: number,
): SparseStructure {
  let largest = 0;
  for (let j = 0; j < theta.length; j++) largest = Math.max(largest, Math.abs(theta[j]));
  const support: number[] = [];
  for (let j = 0; j < theta.length; j++) if (Math.abs(theta[j]) > threshold * largest) support.push(j);
  const fitted: number[] = [];
  for (let i = 0; i < residual.length; i++) if (Math.abs(residual[i]) <= threshold * penalty) fitted.push(i);
  return { support: Int32Array.from(support), fitted: Int32Array.from(fitted) };
}

/**
 * With S, σ, Z and the residual signs ρ fixed, the loss is a quadratic,
 * `(1/n)[Σ_{i∉Z} (ρᵢyᵢ − (ρᵢxᵢ,S − εσ)ᵀθ_S)² + |Z|ε²(σᵀθ_S)²]`, minimized subject to
 * `X_{Z,S} θ_S = y_Z`: solved exactly through its KKT system (by `lstsq`, which also
 * copes with a singular one).
 */
export function polishPrimal(
  X: Matrix,
  y: Float64Array,
  theta: Float64Array,
  residual: Float64Array,
  epsilon: number,
  structure: SparseStructure,
): Float64Array {
  const { support, fitted } = structure;
  const { rows: n, cols: p, data } = X;
  const m = support.length;
  const z = fitted.length;
  const isFitted = new Uint8Array(n);
  for (let k = 0; k < z; k++) isFitted[fitted[k]] = 1;
  const sign = new Float64Array(m);
  for (let a = 0; a < m; a++) sign[a] = Math.sign(theta[support[a]]);

  const size = m + z;
  const kkt = new Matrix(size, size);
  const rhs = new Float64Array(size);
  const K = kkt.data;
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
    if (isFitted[i]) continue;
    const rho = residual[i] >= 0 ? 1 : -1;
    const offset = i * p;
    for (let a = 0; a < m; a++) row[a] = rho * data[offset + support[a]] - epsilon * sign[a];
    addRow(rho * y[i]);
  }
  const fittedWeight = Math.sqrt(z) * epsilon;
  for (let a = 0; a < m; a++) row[a] = -fittedWeight * sign[a];
  addRow(0);
  for (let k = 0; k < z; k++) {
    const offset = fitted[k] * p;
    for (let a = 0; a < m; a++) {
      const entry = data[offset + support[a]];
      K[(m + k) * size + a] = entry;
      K[a * size + m + k] = entry;
    }
    rhs[m + k] = y[fitted[k]];
  }
  const { solution } = lstsq(kkt, rhs);
  const polished = new Float64Array(p);
  for (let a = 0; a < m; a++) polished[support[a]] = solution[a];
  return polished;
}

/**
 * A dual vector from the KKT conditions at θ: `vᵢ = sign(rᵢ)uᵢ/‖u‖` off Z, and on Z the
 * least-squares solution of `X_{Z,S}ᵀ v_Z = κσ − X_{Z̄,S}ᵀ v_{Z̄}` (κ = ε‖u‖₁/‖u‖), so
 * that `Xᵀv` matches κ·sign(θ) on the support. Rescaled into the dual feasible set it
 * gives the lower bound s·|vᵀy| on √(n·F*).
 */
export function structuredDualBound(
  X: Matrix,
  y: Float64Array,
  theta: Float64Array,
  residual: Float64Array,
  slack: Float64Array,
  epsilon: number,
  structure: SparseStructure,
): number {
  const { support, fitted } = structure;
  const { rows: n, cols: p, data } = X;
  let slackSquares = 0;
  let slackSum = 0;
  for (let i = 0; i < n; i++) {
    slackSquares += slack[i] * slack[i];
    slackSum += slack[i];
  }
  const slackNorm = Math.sqrt(slackSquares);
  if (slackNorm === 0) return 0;
  const kappa = (epsilon * slackSum) / slackNorm;
  const isFitted = new Uint8Array(n);
  for (let k = 0; k < fitted.length; k++) isFitted[fitted[k]] = 1;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) if (!isFitted[i]) v[i] = (Math.sign(residual[i]) * slack[i]) / slackNorm;

  if (fitted.length > 0 && support.length > 0) {
    const partial = multiplyTransposed(X, v);
    const system = new Matrix(support.length, fitted.length);
    const target = new Float64Array(support.length);
    for (let a = 0; a < support.length; a++) {
      const j = support[a];
      target[a] = kappa * Math.sign(theta[j]) - partial[j];
      for (let k = 0; k < fitted.length; k++) system.data[a * fitted.length + k] = data[fitted[k] * p + j];
    }
    const { solution } = lstsq(system, target);
    for (let k = 0; k < fitted.length; k++) v[fitted[k]] = solution[k];
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
  return Number.isFinite(scale) ? scale * Math.abs(value) : 0;
}

/** `y − Xθ`. */
export function residualOf(X: Matrix, y: Float64Array, theta: Float64Array): Float64Array {
  const prediction = multiply(X, theta);
  for (let i = 0; i < y.length; i++) prediction[i] = y[i] - prediction[i];
  return prediction;
}
