import type { VectorInput } from '@benignlab/linalg';
import { assertKnownOptions, type Matrix } from '@benignlab/linalg';
import { LinearModelError } from './errors.js';
import { type LinearModel, linearModel, multiply, multiplyTransposed } from './linear-model.js';
import { assertCoefficients, assertCount, assertDesign, assertPositive } from './validate.js';

/** Options of {@link gradientDescent}. */
export interface GradientDescentOptions {
  /** Number of full-batch steps t ≥ 0. */
  steps: number;
  /** Step size η > 0; default 1/L with L the largest eigenvalue of XᵀX/n. */
  learningRate?: number;
  /** Starting point θ₀ (length p); default zero, which makes GD converge to min-norm. */
  init?: Float64Array;
  /**
   * Record the trajectory: `true` records every step, a positive integer k every k-th
   * step (the last step is always included). Default `false`.
   */
  record?: boolean | number;
}

/** One recorded point of the trajectory. */
export interface GradientDescentRecord {
  /** Steps taken so far (0 is the starting point). */
  readonly step: number;
  /** ‖θ_t‖₂. */
  readonly coefNorm: number;
  /** (1/n)‖y − Xθ_t‖², the training mean squared error. */
  readonly trainingLoss: number;
}

/** A gradient-descent fit and its diagnostics. */
export interface GradientDescentModel extends LinearModel {
  readonly steps: number;
  readonly learningRate: number;
  /** L = λ_max(XᵀX/n), estimated by power iteration (the smoothness constant). */
  readonly smoothness: number;
  /** (1/n)‖y − Xθ_t‖² at the returned coefficients. */
  readonly trainingLoss: number;
  /** The recorded trajectory (empty unless `record` was set). */
  readonly trajectory: readonly GradientDescentRecord[];
}

/** Power-iteration budget for L: the Rayleigh quotient approaches λ_max from below. */
const POWER_ITERATIONS = 300;
const POWER_TOLERANCE = 1e-10;

/**
 * Full-batch gradient descent on the half mean squared error
 * `L(θ) = (1/2n)‖y − Xθ‖²`: `θ_{t+1} = θ_t − η (1/n) Xᵀ(Xθ_t − y)` ([Theory §2](https://benignlab.github.io/theory.html#section-2)).
 *
 * From θ₀ = 0 the iterates stay in the row space of X, so for η < 2/L they converge to
 * the min-norm solution X⁺y (the implicit bias of GD); stopped after t steps, GD acts
 * like ridge with λ ≈ 1/(ηt). The default η = 1/L uses L = λ_max(XᵀX/n) from a
 * deterministic power iteration. Each step costs O(np). Throws when the iterates blow
 * up (η above 2/L).
 *
 * @param X n×p design, rows are samples
 * @param y length-n labels
 * @param options `steps`, `learningRate`, `init`, `record`
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0, 1], [0, 1, 1]]); // n = 2 samples, p = 3 features
 * const y = Float64Array.of(1, 2);
 * const fit = gradientDescent(X, y, { steps: 500, record: 10 });
 * fit.trajectory.map((r) => r.trainingLoss); // decreasing
 * ```
 */
export function gradientDescent(
  X: Matrix,
  y: VectorInput,
  options: GradientDescentOptions,
): GradientDescentModel {
  const { n, p, y: labels } = assertDesign(X, y);
  if (options === null || typeof options !== 'object') {
    throw new LinearModelError('options', 'expected { steps, learningRate?, init?, record? }');
  }
  assertKnownOptions('options', options, ['steps', 'learningRate', 'init', 'record']);
  const steps = assertCount('options.steps', options.steps, 0);
  const recordEvery = readRecord(options.record);
  const smoothness = largestEigenvalueOfCovariance(X);
  const learningRate =
    options.learningRate === undefined
      ? smoothness > 0
        ? 1 / smoothness
        : 1
      : assertPositive('options.learningRate', options.learningRate);
  const theta =
    options.init === undefined
      ? new Float64Array(p)
      : assertCoefficients('options.init', options.init, p).slice();

  const trajectory: GradientDescentRecord[] = [];
  const residual = new Float64Array(n);
  const scale = learningRate / n;
  let loss = computeResidual(X, labels, theta, residual);
  for (let step = 0; ; step++) {
    if (!Number.isFinite(loss)) {
      throw new LinearModelError(
        'options.learningRate',
        `is ${learningRate}; gradient descent diverged at step ${step} (expected η < 2/L = ${2 / smoothness})`,
      );
    }
    if (recordEvery > 0 && (step % recordEvery === 0 || step === steps)) {
      trajectory.push({ step, coefNorm: euclideanNorm(theta), trainingLoss: loss });
    }
    if (step === steps) break;
    const gradient = multiplyTransposed(X, residual);
    for (let j = 0; j < p; j++) theta[j] -= scale * gradient[j];
    loss = computeResidual(X, labels, theta, residual);
  }
  return { ...linearModel(theta), steps, learningRate, smoothness, trainingLoss: loss, trajectory };
}

function readRecord(record: unknown): number {
  if (record === undefined || record === false) return 0;
  if (record === true) return 1;
  return assertCount('options.record', record, 1);
}

/** Writes `Xθ − y` into `residual` and returns the mean squared error (1/n)‖y − Xθ‖². */
function computeResidual(X: Matrix, y: Float64Array, theta: Float64Array, residual: Float64Array): number {
  const prediction = multiply(X, theta);
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const r = prediction[i] - y[i];
    residual[i] = r;
    s += r * r;
  }
  return s / y.length;
}

function euclideanNorm(v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j] * v[j];
  return Math.sqrt(s);
}

/**
 * λ_max(XᵀX/n) by power iteration on XᵀX/n from a fixed, generic start vector (no
 * randomness, so fits are reproducible). The Rayleigh quotient never exceeds λ_max.
 */
export function largestEigenvalueOfCovariance(X: Matrix): number {
  const { rows: n, cols: p } = X;
  let v: Float64Array = new Float64Array(p);
  for (let j = 0; j < p; j++) v[j] = 1 + ((j * 0.618033988749895) % 1);
  normalize(v);
  let estimate = 0;
  for (let iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
    const w = multiplyTransposed(X, multiply(X, v));
    let rayleigh = 0;
    for (let j = 0; j < p; j++) rayleigh += v[j] * w[j];
    rayleigh /= n;
    const norm = normalize(w);
    if (norm === 0) return 0;
    v = w;
    const converged = Math.abs(rayleigh - estimate) <= POWER_TOLERANCE * rayleigh;
    estimate = rayleigh;
    if (converged) break;
  }
  return estimate;
}

function normalize(v: Float64Array): number {
  const norm = euclideanNorm(v);
  if (norm > 0) for (let j = 0; j < v.length; j++) v[j] /= norm;
  return norm;
}
