import { createRng } from '@benignlab/data';
import {
  assertFiniteNumber,
  assertKnownOptions,
  assertMatrix,
  assertVector,
  describeValue,
  Matrix,
  matvec,
} from '@benignlab/linalg';
import { addInto, ascentStep, randomStart } from './attack-steps.js';
import { RiskError } from './errors.js';
import { dualExponent, lqNormValue, type NormSpec, normExponent } from './norms.js';
import type { DifferentiablePredictor } from './predictor.js';
import { type MeanEstimate, meanWithStandardError } from './sample-mean.js';

/** A population that draws test points, e.g. a `Design` of `@benignlab/data`. */
export interface TestPointSource {
  /**
   * `count` test inputs as the rows of `X` (count×d).
   * @param count number of test points m (integer ≥ 1)
   * @param seed seed of the draws (integer from 0 to 2^53 − 1)
   */
  testSample(count: number, seed: number): { X: Matrix };
  /**
   * f*(x_i) for every row; used when `target` is omitted.
   * @param X m×d test inputs, one point per row
   */
  evaluateTarget?(X: Matrix): Float64Array;
}

/** How the inner maximum `max_{‖δ‖≤α}(f(x+δ) − f*(x))²` is evaluated. */
export type AttackMethod = 'first-order' | 'fgsm' | 'pgd';

/** Options of {@link estimateRisks}. */
export interface EstimateRisksOptions {
  /**
   * Fresh test inputs: a sampler `(count, seed) => Matrix` (count×d, rows are points),
   * called once as `sample(testSize, seed)`; a design with
   * `testSample(count, seed) => { X }` (such as `makeDesign(...)` of `@benignlab/data`);
   * or a fixed m×d Matrix of test inputs.
   */
  sample: ((count: number, seed: number) => Matrix) | TestPointSource | Matrix;
  /**
   * The target f*: a vector θ* (f*(x) = ⟨x, θ*⟩) or a function of the m×d inputs.
   * May be omitted when `sample` is a design with `evaluateTarget(X)`.
   */
  target?: Float64Array | ((X: Matrix) => Float64Array);
  /** The absolute budget α ≥ 0. */
  alpha: number;
  /** The adversary's norm; default `'l2'`. FGSM and PGD need `'l2'` or `'linf'` (2 or ∞). */
  norm?: NormSpec;
  /** Default `'pgd'`. */
  method?: AttackMethod;
  /** Number of test points when `sample` is a sampler; default 1000. */
  testSize?: number;
  /** Seed of the test points and of PGD's random starts; default 0. */
  seed?: number;
  /** PGD ascent steps per run; default 20. */
  steps?: number;
  /** PGD step length (in the adversary's norm); default 2.5·α/steps. */
  stepSize?: number;
  /** PGD runs from random points of the ball, after the run from δ = 0; default 2. */
  restarts?: number;
}

/** Risks of a predictor estimated on test points, naming how they were obtained. */
export interface EstimatedRisks {
  readonly method: AttackMethod;
  /**
   * What the adversarial number is: `'lower-bound'` for FGSM and PGD (the loss at
   * perturbations actually found, so never above the true inner maximum), and
   * `'first-order'` for the linearized value `(|f − f*| + α‖∇f‖_*)²` (exact for linear
   * predictors, neither bound in general).
   */
  readonly estimate: 'lower-bound' | 'first-order';
  readonly alpha: number;
  readonly norm: NormSpec;
  readonly testSize: number;
  /** `R(f) = E(f(x) − f*(x))²`, mean ± standard error over the test points. */
  readonly standardRisk: MeanEstimate;
  /** `R_α(f)`, mean ± standard error over the test points. */
  readonly adversarialRisk: MeanEstimate;
  /** `E‖∇_x f(x)‖_*²` (dual norm), the sensitivity behind the harm. */
  readonly gradientNormSquared: MeanEstimate;
  /** Per-point values, in test-point order. */
  readonly pointwise: {
    readonly standard: Float64Array;
    readonly adversarial: Float64Array;
    readonly gradientNormSquared: Float64Array;
  };
  /** PGD settings actually used (absent for other methods). */
  readonly pgd?: { readonly steps: number; readonly stepSize: number; readonly restarts: number };
}

const OPTION_KEYS = [
  'sample',
  'target',
  'alpha',
  'norm',
  'method',
  'testSize',
  'seed',
  'steps',
  'stepSize',
  'restarts',
] as const;
const METHODS: readonly AttackMethod[] = ['first-order', 'fgsm', 'pgd'];

/**
 * Standard and adversarial risk of any differentiable predictor on fresh test points
 * ([Theory §3](https://benignlab.github.io/theory.html#section-3)): `R(f) = E(f(x) − f*(x))²` and
 * `R_α(f) = E max_{‖δ‖≤α}(f(x + δ) − f*(x))²` (the target stays f*(x)), each as
 * mean ± standard error over the test points. The inner maximum is evaluated by
 * - `'first-order'`: `(|f(x) − f*(x)| + α‖∇f(x)‖_*)²` (any ℓp; exact for linear f);
 * - `'fgsm'`: one step of length α along the ascent direction `2(f − f*)∇f`
 *   (ℓ2: normalized; ℓ∞: its sign), keeping the larger of that loss and the clean loss;
 * - `'pgd'`: `steps` normalized ascent steps with projection onto the ball (ℓ2:
 *   rescale; ℓ∞: clip), first from δ = 0, then from `restarts` uniform random points
 *   of the ball, keeping for each point the largest loss seen at any iterate.
 * Each PGD step costs one `predict` and one `inputGradient` on the m×d batch.
 *
 * @param predictor `predict(X)` → length-m `Float64Array` and `inputGradient(X)` → m×d
 *   `Matrix` for an m×d batch `X` (rows are points); outputs must be finite
 * @param options `sample`, `target`, `alpha` (absolute budget ≥ 0), `norm`, `method`,
 *   `testSize` (m, default 1000), `seed`, and the PGD settings `steps`, `stepSize`, `restarts`
 * @returns the risks as `{ mean, standardError }` in squared output units, the per-point
 *   losses (`pointwise`) and what the estimate is (`'first-order'` or `'lower-bound'`)
 * @example
 * ```ts
 * const thetaStar = new Float64Array([1, 0]);
 * const predictor = {
 *   predict: (X: Matrix) => matvec(X, new Float64Array([1, 2])),
 *   inputGradient: (X: Matrix) => new Matrix(X.rows, 2, new Float64Array(X.rows * 2).map((_, k) => (k % 2 ? 2 : 1))),
 * };
 * const sample = (count: number, seed: number) => new Matrix(count, 2, createRng(seed).fillNormal(new Float64Array(count * 2)));
 * const result = estimateRisks(predictor, { sample, target: thetaStar, alpha: 0.1, method: 'pgd', testSize: 10000, seed: 7 });
 * result.adversarialRisk; // { mean: 4.78, standardError: 0.06 }: the exact value is
 * // 4 + 2·√(2/π)·2·0.1·√5 + 0.05 ≈ 4.76
 * ```
 */
export function estimateRisks(
  predictor: DifferentiablePredictor,
  options: EstimateRisksOptions,
): EstimatedRisks {
  if (
    predictor === null ||
    typeof predictor !== 'object' ||
    typeof predictor.predict !== 'function' ||
    typeof predictor.inputGradient !== 'function'
  ) {
    throw new RiskError(
      'predictor',
      `expected an object with predict(X) and inputGradient(X) methods, got ${describeValue(predictor)}`,
    );
  }
  if (options === null || typeof options !== 'object') {
    throw new RiskError('options', `expected { sample, target, alpha, ... }, got ${describeValue(options)}`);
  }
  assertKnownOptions('options', options, OPTION_KEYS);
  const alpha = assertFiniteNumber('options.alpha', options.alpha, 0);
  const norm = options.norm ?? 'l2';
  const exponent = normExponent(norm, 'options.norm');
  const method = options.method ?? 'pgd';
  if (!METHODS.includes(method)) {
    throw new RiskError(
      'options.method',
      `expected 'first-order', 'fgsm' or 'pgd', got ${describeValue(method)}`,
    );
  }
  const infinityNorm = exponent === Number.POSITIVE_INFINITY;
  if (method !== 'first-order' && exponent !== 2 && !infinityNorm) {
    throw new RiskError(
      'options.norm',
      `is ${describeValue(norm)}, but ${method} projects onto ℓ2 or ℓ∞ balls only; use 'l2', 'linf' or method 'first-order'`,
    );
  }
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RiskError('options.seed', `expected an integer seed in [0, 2^53), got ${describeValue(seed)}`);
  }
  const X = drawTestPoints(options, seed);
  const m = X.rows;
  const d = X.cols;
  const fStar = evaluateTarget(options, X);

  const clean = checkedPredict(predictor, X);
  const cleanGradient = checkedGradient(predictor, X);
  const residual = new Float64Array(m);
  const standard = new Float64Array(m);
  const gradientNormSquared = new Float64Array(m);
  const dual = dualExponent(exponent);
  for (let i = 0; i < m; i++) {
    const r = (clean[i] as number) - (fStar[i] as number);
    residual[i] = r;
    standard[i] = r * r;
    const gradientNorm = lqNormValue(cleanGradient.data.subarray(i * d, (i + 1) * d), dual);
    gradientNormSquared[i] = gradientNorm * gradientNorm;
  }

  let adversarial: Float64Array;
  let pgd: EstimatedRisks['pgd'];
  if (method === 'first-order') {
    adversarial = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const value = Math.abs(residual[i] as number) + alpha * Math.sqrt(gradientNormSquared[i] as number);
      adversarial[i] = value * value;
    }
  } else if (method === 'fgsm') {
    const delta = new Float64Array(m * d);
    ascentStep(delta, cleanGradient.data, residual, d, alpha, alpha, infinityNorm);
    adversarial = standard.slice();
    const perturbed = new Matrix(m, d);
    addInto(perturbed.data, X.data, delta);
    keepLarger(adversarial, checkedPredict(predictor, perturbed), fStar);
  } else {
    const steps = positiveInteger('options.steps', options.steps ?? 20);
    const stepSize =
      options.stepSize === undefined
        ? (2.5 * alpha) / steps
        : assertFiniteNumber('options.stepSize', options.stepSize, 0);
    const restarts = options.restarts ?? 2;
    if (!Number.isInteger(restarts) || restarts < 0) {
      throw new RiskError('options.restarts', `expected an integer ≥ 0, got ${describeValue(restarts)}`);
    }
    adversarial = projectedGradientAscent(predictor, X, fStar, standard, {
      alpha,
      infinityNorm,
      steps,
      stepSize,
      restarts,
      seed,
      cleanPrediction: clean,
      cleanGradient: cleanGradient.data,
    });
    pgd = { steps, stepSize, restarts };
  }
  return {
    method,
    estimate: method === 'first-order' ? 'first-order' : 'lower-bound',
    alpha,
    norm,
    testSize: m,
    standardRisk: meanWithStandardError(standard),
    adversarialRisk: meanWithStandardError(adversarial),
    gradientNormSquared: meanWithStandardError(gradientNormSquared),
    pointwise: { standard, adversarial, gradientNormSquared },
    ...(pgd === undefined ? {} : { pgd }),
  };
}

interface PgdSettings {
  alpha: number;
  infinityNorm: boolean;
  steps: number;
  stepSize: number;
  restarts: number;
  seed: number;
  cleanPrediction: Float64Array;
  cleanGradient: Float64Array;
}

function projectedGradientAscent(
  predictor: DifferentiablePredictor,
  X: Matrix,
  fStar: Float64Array,
  cleanLoss: Float64Array,
  settings: PgdSettings,
): Float64Array {
  const { rows: m, cols: d } = X;
  const runs = settings.restarts + 1;
  const best = cleanLoss.slice();
  // Every run side by side: rows r·m … (r+1)·m − 1 are run r (run 0 from δ = 0, then the
  // random starts, drawn in run order). Each step is then one predict and one gradient call
  // on all runs' points: the same per-point iterates as running them one after another,
  // with the predictor's fixed costs (its passes over its own data) paid once per step.
  const delta = new Float64Array(runs * m * d);
  const rng = createRng(settings.seed).split('pgd-random-starts');
  for (let run = 1; run < runs; run++) {
    randomStart(
      delta.subarray(run * m * d, (run + 1) * m * d),
      m,
      d,
      settings.alpha,
      settings.infinityNorm,
      rng,
    );
  }
  const start = new Float64Array(runs * m * d);
  for (let run = 0; run < runs; run++) start.set(X.data, run * m * d);
  const perturbed = new Matrix(runs * m, d);
  const restartRows = runs > 1 ? new Matrix((runs - 1) * m, d, perturbed.data.subarray(m * d)) : perturbed;
  const prediction = new Float64Array(runs * m);
  const gradient = new Float64Array(runs * m * d);
  const residual = new Float64Array(runs * m);
  for (let step = 0; step <= settings.steps; step++) {
    addInto(perturbed.data, start, delta);
    // Step 0 of run 0 is the clean point, whose prediction and gradient are known.
    const first = step === 0;
    if (first) {
      prediction.set(settings.cleanPrediction);
      if (runs > 1) prediction.set(checkedPredict(predictor, restartRows), m);
    } else {
      prediction.set(checkedPredict(predictor, perturbed));
    }
    for (let k = 0; k < runs * m; k++) {
      const i = k % m;
      const r = (prediction[k] as number) - (fStar[i] as number);
      residual[k] = r;
      if (r * r > (best[i] as number)) best[i] = r * r;
    }
    if (step === settings.steps) break;
    if (first) {
      gradient.set(settings.cleanGradient);
      if (runs > 1) gradient.set(checkedGradient(predictor, restartRows).data, m * d);
    } else {
      gradient.set(checkedGradient(predictor, perturbed).data);
    }
    ascentStep(delta, gradient, residual, d, settings.stepSize, settings.alpha, settings.infinityNorm);
  }
  return best;
}

function drawTestPoints(options: EstimateRisksOptions, seed: number): Matrix {
  const { sample } = options;
  if (sample instanceof Matrix) {
    if (options.testSize !== undefined && options.testSize !== sample.rows) {
      throw new RiskError(
        'options.testSize',
        `is ${options.testSize}, but the fixed test inputs have ${sample.rows} rows; omit testSize or pass a sampler`,
      );
    }
    return assertMatrix('options.sample', sample);
  }
  const source = isTestPointSource(sample);
  if (typeof sample !== 'function' && !source) {
    throw new RiskError(
      'options.sample',
      `expected a sampler (count, seed) => Matrix, a design with testSample, or a Matrix of test inputs, got ${describeValue(sample)}`,
    );
  }
  const testSize = positiveInteger('options.testSize', options.testSize ?? 1000);
  const name = source ? 'options.sample.testSample(testSize, seed).X' : 'options.sample(testSize, seed)';
  const X = source ? sample.testSample(testSize, seed)?.X : sample(testSize, seed);
  assertMatrix(name, X);
  if (X.rows !== testSize) {
    throw new RiskError(name, `returned ${X.shape}, expected ${testSize} rows`);
  }
  return X;
}

function evaluateTarget(options: EstimateRisksOptions, X: Matrix): Float64Array {
  const { target, sample } = options;
  if (target === undefined) {
    if (isTestPointSource(sample) && typeof sample.evaluateTarget === 'function') {
      const values = sample.evaluateTarget(X);
      assertVector('options.sample.evaluateTarget(X)', values, X.rows);
      return values;
    }
    throw new RiskError(
      'options.target',
      'is missing; expected θ* (a Float64Array) or a function of the inputs (or a sample design with evaluateTarget)',
    );
  }
  if (target instanceof Float64Array) {
    assertVector('options.target', target, X.cols);
    return matvec(X, target);
  }
  if (typeof target !== 'function') {
    throw new RiskError(
      'options.target',
      `expected θ* (a Float64Array) or a function of the inputs, got ${describeValue(target)}`,
    );
  }
  const values = target(X);
  assertVector('options.target(X)', values, X.rows);
  return values;
}

function isTestPointSource(value: unknown): value is TestPointSource {
  return (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Matrix) &&
    typeof (value as TestPointSource).testSample === 'function'
  );
}

function checkedPredict(predictor: DifferentiablePredictor, X: Matrix): Float64Array {
  const values = predictor.predict(X);
  if (!(values instanceof Float64Array) || values.length !== X.rows) {
    throw new RiskError(
      'predictor',
      `predict(X) on a ${X.shape} input returned ${describeValue(values)}, expected a Float64Array of length ${X.rows}`,
    );
  }
  assertFiniteOutput('predict(X)', values, X);
  return values;
}

/** A NaN from the predictor would silently turn every risk into NaN; name it instead. */
function assertFiniteOutput(method: string, values: Float64Array, X: Matrix): void {
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      throw new RiskError(
        'predictor',
        `${method} on a ${X.shape} input returned ${values[k]} at entry ${k}; expected finite numbers only`,
      );
    }
  }
}

function checkedGradient(predictor: DifferentiablePredictor, X: Matrix): Matrix {
  const gradient = predictor.inputGradient(X);
  if (!(gradient instanceof Matrix) || gradient.rows !== X.rows || gradient.cols !== X.cols) {
    throw new RiskError(
      'predictor',
      `inputGradient(X) on a ${X.shape} input returned ${describeValue(gradient)}, expected a ${X.shape} Matrix`,
    );
  }
  assertFiniteOutput('inputGradient(X)', gradient.data, X);
  return gradient;
}

function keepLarger(best: Float64Array, prediction: Float64Array, fStar: Float64Array): void {
  for (let i = 0; i < best.length; i++) {
    const r = (prediction[i] as number) - (fStar[i] as number);
    if (r * r > (best[i] as number)) best[i] = r * r;
  }
}

function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RiskError(name, `expected a positive integer, got ${describeValue(value)}`);
  }
  return value;
}
