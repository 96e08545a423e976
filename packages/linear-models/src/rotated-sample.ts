import { describeValue, Matrix } from '@benignlab/linalg';
import { LinearModelError } from './errors.js';

/**
 * A spiked design with an isotropic tail seen in the rotated basis of the tail Gram matrix
 * (what `spikedTailDesign(…).spectralSample(n, seed)` of `@benignlab/data` returns): in law
 * `XXᵀ ≅ D + ŨŨᵀ`, `y ≅ ỹ`, and for `θ̂ = Xᵀa` with `b = Oᵀa`, `θ̂_spikes = Ũᵀb`,
 * `‖θ̂_tail‖² = bᵀDb`.
 */
export interface RotatedSample {
  /** D, the n eigenvalues of the tail Gram matrix τZZᵀ (≥ 0). */
  readonly tailEigenvalues: Float64Array;
  /** Ũ, n×s, the spike coordinates in the rotated basis. */
  readonly spikes: Matrix;
  /** ỹ, the n labels in the rotated basis. */
  readonly y: Float64Array;
  /** ‖g‖₁/‖g‖₂ for g ~ N(0, I_m), for ‖θ̂_tail‖₁ (optional; only ℓ1 norms need it). */
  tailL1Ratio?(): number;
}

/** The population the risks are measured against: Σ = diag(spikeVariances, τ·I_m), θ* on the spikes. */
export interface RotatedTruth {
  /** λ₁…λ_s, the spike variances. */
  readonly spikeVariances: Float64Array | readonly number[];
  /** τ, the tail variance. */
  readonly tailVariance: number;
  /** θ* on the spikes, length s. */
  readonly thetaStar: Float64Array | readonly number[];
}

/** The quantities of one fit, the same the dense route (`ridgePath(…).summary`) gives. */
export interface RotatedFit {
  /** The ridge parameter λ (or NaN for a gradient-descent iterate). */
  readonly lambda: number;
  /** R = (θ̂ − θ*)ᵀΣ(θ̂ − θ*). */
  readonly standardRisk: number;
  /** ‖θ̂‖₂² = ‖θ̂_spikes‖² + ‖θ̂_tail‖². */
  readonly normSquared: number;
  /** The same value as `normSquared`. @deprecated Use `normSquared` instead (`norm2` is the unsquared norm in `@benignlab/linalg`). */
  readonly norm2: number;
  /** ‖θ̂_tail‖₂², the part of ‖θ̂‖² in the m tail coordinates. */
  readonly tailNormSquared: number;
  /** The same value as `tailNormSquared`. @deprecated Use `tailNormSquared` instead. */
  readonly tailNorm2: number;
  /** θ̂ on the spike coordinates, length s. */
  readonly spikeCoef: Float64Array;
  /** (1/n)‖y − Xθ̂‖². */
  readonly trainingError: number;
  /** ‖θ̂‖₁ = ‖θ̂_spikes‖₁ + ‖θ̂_tail‖₂·‖g‖₁/‖g‖₂ (exact in law), when asked for. */
  readonly l1Norm?: number;
}

/** Checked views of a rotated sample and its truth. */
export interface CheckedRotated {
  n: number;
  s: number;
  D: Float64Array;
  U: Float64Array;
  y: Float64Array;
  spikeVariances: Float64Array;
  tail: number;
  thetaStar: Float64Array;
}

export function checkRotated(sample: RotatedSample, truth: RotatedTruth): CheckedRotated {
  if (sample === null || typeof sample !== 'object') {
    throw new LinearModelError(
      'sample',
      `expected { tailEigenvalues, spikes, y }, got ${describeValue(sample)}`,
    );
  }
  const { tailEigenvalues: D, spikes, y } = sample;
  if (!(D instanceof Float64Array) || D.length === 0) {
    throw new LinearModelError(
      'sample.tailEigenvalues',
      `expected a non-empty Float64Array, got ${describeValue(D)}`,
    );
  }
  const n = D.length;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(D[i]) && (D[i] as number) >= 0)) {
      throw new LinearModelError(
        'sample.tailEigenvalues',
        `entry ${i} is ${D[i]}; expected finite numbers ≥ 0`,
      );
    }
  }
  if (!(spikes instanceof Matrix) || spikes.rows !== n) {
    throw new LinearModelError(
      'sample.spikes',
      `expected an n×s Matrix with n = ${n} rows, got ${describeValue(spikes)}`,
    );
  }
  if (!(y instanceof Float64Array) || y.length !== n) {
    throw new LinearModelError(
      'sample.y',
      `expected a Float64Array of length n = ${n}, got ${describeValue(y)}`,
    );
  }
  const s = spikes.cols;
  if (truth === null || typeof truth !== 'object') {
    throw new LinearModelError(
      'truth',
      `expected { spikeVariances, tailVariance, thetaStar }, got ${describeValue(truth)}`,
    );
  }
  const spikeVariances = Float64Array.from(truth.spikeVariances ?? []);
  if (spikeVariances.length !== s || spikeVariances.some((v) => !(Number.isFinite(v) && v >= 0))) {
    throw new LinearModelError(
      'truth.spikeVariances',
      `expected ${s} finite variances ≥ 0 (one per spike column)`,
    );
  }
  const thetaStar = Float64Array.from(truth.thetaStar ?? []);
  if (thetaStar.length !== s || thetaStar.some((v) => !Number.isFinite(v))) {
    throw new LinearModelError('truth.thetaStar', `expected ${s} finite numbers (θ* on the spikes)`);
  }
  const tail = truth.tailVariance;
  if (typeof tail !== 'number' || !(Number.isFinite(tail) && tail > 0)) {
    throw new LinearModelError(
      'truth.tailVariance',
      `got ${describeValue(tail)}; expected a finite number > 0`,
    );
  }
  return { n, s, D, U: spikes.data, y, spikeVariances, tail, thetaStar };
}

/**
 * The fit of `b` (the dual coefficients in the rotated basis): θ̂_spikes = Ũᵀb,
 * ‖θ̂_tail‖² = Σ D_i b_i², R, ‖θ̂‖², the training error from the residual ỹ − (D + ŨŨᵀ)b.
 */
export function fitOf(
  c: CheckedRotated,
  b: Float64Array,
  lambda: number,
  l1Ratio: number | undefined,
): RotatedFit {
  const { n, s, D, U, y, spikeVariances, tail, thetaStar } = c;
  const spikeCoef = new Float64Array(s);
  let tailNorm2 = 0;
  for (let i = 0; i < n; i++) {
    const bi = b[i] as number;
    tailNorm2 += (D[i] as number) * bi * bi;
    for (let j = 0; j < s; j++) spikeCoef[j] = (spikeCoef[j] as number) + (U[i * s + j] as number) * bi;
  }
  let risk = tail * tailNorm2;
  let normSquared = tailNorm2;
  let spikeL1 = 0;
  for (let j = 0; j < s; j++) {
    const coef = spikeCoef[j] as number;
    const gap = coef - (thetaStar[j] as number);
    risk += (spikeVariances[j] as number) * gap * gap;
    normSquared += coef * coef;
    spikeL1 += Math.abs(coef);
  }
  let residual2 = 0;
  for (let i = 0; i < n; i++) {
    let fitted = (D[i] as number) * (b[i] as number);
    for (let j = 0; j < s; j++) fitted += (U[i * s + j] as number) * (spikeCoef[j] as number);
    const r = (y[i] as number) - fitted;
    residual2 += r * r;
  }
  const fit = {
    lambda,
    standardRisk: risk,
    normSquared,
    norm2: normSquared,
    tailNormSquared: tailNorm2,
    tailNorm2,
    spikeCoef,
    trainingError: residual2 / n,
  };
  return l1Ratio === undefined ? fit : { ...fit, l1Norm: spikeL1 + Math.sqrt(tailNorm2) * l1Ratio };
}
