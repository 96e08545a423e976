import { assertKnownOptions, describeValue } from '@benignlab/linalg';
import { LinearModelError } from './errors.js';
import {
  checkRotated,
  fitOf,
  type RotatedFit,
  type RotatedSample,
  type RotatedTruth,
} from './rotated-sample.js';
import { assertCount, assertPositive } from './validate.js';

/** Options of {@link spectralGradientDescent}. */
export interface SpectralGradientDescentOptions {
  /** Steps t ≥ 0. */
  steps: number;
  /** Step size η > 0; default 1/L, L = λ_max(XᵀX/n) (power iteration in the rotated basis). */
  learningRate?: number;
  /** Record every k-th step (and the last); default only the last. */
  record?: number;
  /** Also return ‖θ̂‖₁ (needs `sample.tailL1Ratio`). */
  l1Norm?: boolean;
}

/** A recorded iterate: the fit quantities at `step`. */
export interface SpectralGradientDescentRecord extends RotatedFit {
  readonly step: number;
}

/**
 * Full-batch gradient descent from zero on `(1/2n)‖y − Xθ‖²` (as `gradientDescent`) for a
 * spiked design with an isotropic tail, run in the rotated basis: θ_t = Xᵀa_t and
 * `b_{t+1} = b_t − (η/n)((D + ŨŨᵀ)b_t − ỹ)` with `b = Oᵀa`, O(n·s) per step and no
 * p-vector. Each record carries R, ‖θ̂‖², the training error (and ‖θ̂‖₁), equal in law to
 * the dense route's. Throws a `LinearModelError` naming `options.learningRate` when the
 * iterates diverge (η ≥ 2/L).
 *
 * @param sample a rotated-basis draw (e.g. `design.spectralSample(n, seed)`): `tailEigenvalues` D (length n, ≥ 0), `spikes` Ũ (n×s), labels `y` (length n), and `tailL1Ratio()` when ℓ1 norms are asked
 * @param truth the population the risks are measured against: `spikeVariances` λ₁…λ_s, `tailVariance` τ and `thetaStar` (length s), e.g. the design itself
 * @param options `steps` t ≥ 0 (integer, required); `learningRate` η > 0 (default 1/L, L = λ_max(XᵀX/n)); `record` k ≥ 1: also record every k-th step (default only the last); `l1Norm`: also return ‖θ̂‖₁ (default `false`)
 * @example
 * ```ts
 * const design = spikedTailDesignFromSpec({ covariance: { kind: 'spikedScaled', n: 100, a: 1.5, b: 1, s: 5 } });
 * const sample = design.spectralSample(100, 1);
 * const records = spectralGradientDescent(sample, design, { steps: 200, record: 50 });
 * records.at(-1)?.trainingError; // → 0 as t grows (the min-norm limit)
 * ```
 */
export function spectralGradientDescent(
  sample: RotatedSample,
  truth: RotatedTruth,
  options: SpectralGradientDescentOptions,
): SpectralGradientDescentRecord[] {
  const c = checkRotated(sample, truth);
  if (options === null || typeof options !== 'object') {
    throw new LinearModelError(
      'options',
      `expected { steps, learningRate?, record?, l1Norm? }, got ${describeValue(options)}`,
    );
  }
  assertKnownOptions('options', options, ['steps', 'learningRate', 'record', 'l1Norm']);
  const steps = assertCount('options.steps', options.steps, 0);
  const every = options.record === undefined ? 0 : assertCount('options.record', options.record, 1);
  const smoothness = largestEigenvalue(c.n, c.s, c.D, c.U) / c.n;
  const learningRate =
    options.learningRate === undefined
      ? 1 / smoothness
      : assertPositive('options.learningRate', options.learningRate);
  const l1Ratio = options.l1Norm ? sample.tailL1Ratio?.() : undefined;
  if (options.l1Norm && l1Ratio === undefined) {
    throw new LinearModelError('sample.tailL1Ratio', 'is missing; ‖θ̂‖₁ needs ‖g‖₁/‖g‖₂ of the tail');
  }
  const { n, s, D, U, y } = c;
  const b = new Float64Array(n);
  const projected = new Float64Array(s);
  const scale = learningRate / n;
  const records: SpectralGradientDescentRecord[] = [];
  for (let step = 0; ; step++) {
    if ((every > 0 && step % every === 0) || step === steps) {
      const fit = fitOf(c, b, Number.NaN, l1Ratio);
      if (!Number.isFinite(fit.trainingError)) {
        throw new LinearModelError(
          'options.learningRate',
          `is ${learningRate}; gradient descent diverged by step ${step} (expected η < 2/L = ${2 / smoothness})`,
        );
      }
      records.push({ ...fit, step });
    }
    if (step === steps) break;
    projected.fill(0);
    for (let i = 0; i < n; i++) {
      const bi = b[i] as number;
      for (let j = 0; j < s; j++) projected[j] = (projected[j] as number) + (U[i * s + j] as number) * bi;
    }
    for (let i = 0; i < n; i++) {
      let gradient = (D[i] as number) * (b[i] as number) - (y[i] as number);
      for (let j = 0; j < s; j++) gradient += (U[i * s + j] as number) * (projected[j] as number);
      b[i] = (b[i] as number) - scale * gradient;
    }
  }
  return records;
}

/** λ_max(D + ŨŨᵀ) by power iteration from a fixed start (deterministic), O(n·s) per step. */
function largestEigenvalue(n: number, s: number, D: Float64Array, U: Float64Array): number {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  let estimate = 0;
  const projected = new Float64Array(s);
  for (let iteration = 0; iteration < 300; iteration++) {
    projected.fill(0);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < s; j++)
        projected[j] = (projected[j] as number) + (U[i * s + j] as number) * (v[i] as number);
    const w = new Float64Array(n);
    let rayleigh = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let value = (D[i] as number) * (v[i] as number);
      for (let j = 0; j < s; j++) value += (U[i * s + j] as number) * (projected[j] as number);
      w[i] = value;
      rayleigh += value * (v[i] as number);
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    for (let i = 0; i < n; i++) w[i] = (w[i] as number) / norm;
    v = w;
    if (Math.abs(rayleigh - estimate) <= 1e-12 * rayleigh) return rayleigh;
    estimate = rayleigh;
  }
  return estimate;
}
