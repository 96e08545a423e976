import { assertKnownOptions, choleskySolve, describeValue, Matrix } from '@benignlab/linalg';
import { LinearModelError } from './errors.js';
import {
  type CheckedRotated,
  checkRotated,
  fitOf,
  type RotatedFit,
  type RotatedSample,
  type RotatedTruth,
} from './rotated-sample.js';

/** Options of {@link spectralRidgePath}. */
export interface SpectralRidgeOptions {
  /** Also return ‖θ̂‖₁ (needs `sample.tailL1Ratio`). Default false. */
  l1Norm?: boolean;
}

/**
 * Ridge regression over a grid of λ (and min-norm at λ = 0) for a spiked design with an
 * isotropic tail, in the rotated basis of the tail Gram matrix (a `spectralSample` of
 * `@benignlab/data`): `b = (D + nλI + ŨŨᵀ)⁻¹ỹ` by Woodbury — one s×s Cholesky solve with
 * `M = I + ŨᵀA⁻¹Ũ`, `A = D + nλI` — then `θ̂_spikes = Ũᵀb`, `‖θ̂_tail‖² = bᵀDb`,
 * `R = Σ_j λ_j(θ̂_j − θ*_j)² + τ‖θ̂_tail‖²`. O(n·s²) per λ, O(n·s) memory, no p-vector:
 * equal in law to `ridgePath(X, y).sweep(lambdas)` on the dense design with `Σ = diag(λ, τI)`.
 *
 * λ = 0 is the min-norm interpolator; it needs D > 0, i.e. m ≥ n (a `LinearModelError`
 * names `lambdas` otherwise).
 *
 * @param sample D (n), Ũ (n×s), ỹ (n), and `tailL1Ratio` for ℓ1 norms
 * @param truth the spike variances, τ and θ* on the spikes
 * @param lambdas ridge parameters ≥ 0
 * @param options `l1Norm`
 * @returns one {@link RotatedFit} per λ, in the order given
 * @example
 * ```ts
 * const design = spikedTailDesignFromSpec({ covariance: { kind: 'spikedScaled', n: 1000, a: 1.5, b: 1, s: 5 } });
 * const sample = design.spectralSample(1000, 1);
 * const [minNormFit] = spectralRidgePath(sample, design, [0]);
 * minNormFit.standardRisk; // R of the min-norm interpolator, p ≈ 31 628
 * ```
 */
export function spectralRidgePath(
  sample: RotatedSample,
  truth: RotatedTruth,
  lambdas: readonly number[] | Float64Array,
  options: SpectralRidgeOptions = {},
): RotatedFit[] {
  const checked = checkRotated(sample, truth);
  assertKnownOptions('options', options, ['l1Norm']);
  if (!(Array.isArray(lambdas) || lambdas instanceof Float64Array) || lambdas.length === 0) {
    throw new LinearModelError(
      'lambdas',
      `expected a non-empty list of numbers ≥ 0, got ${describeValue(lambdas)}`,
    );
  }
  let l1Ratio: number | undefined;
  if (options.l1Norm) {
    if (typeof sample.tailL1Ratio !== 'function') {
      throw new LinearModelError('sample.tailL1Ratio', 'is missing; ‖θ̂‖₁ needs ‖g‖₁/‖g‖₂ of the tail');
    }
    l1Ratio = sample.tailL1Ratio();
  }
  const minD = checked.D.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  return Array.from(lambdas, (lambda, k) => {
    if (typeof lambda !== 'number' || !(Number.isFinite(lambda) && lambda >= 0)) {
      throw new LinearModelError(
        `lambdas[${k}]`,
        `got ${describeValue(lambda)}; expected a finite number ≥ 0`,
      );
    }
    if (minD + checked.n * lambda <= 0) {
      throw new LinearModelError(
        `lambdas[${k}]`,
        `is 0 but the tail Gram matrix is singular (m < n): the rotated-basis min-norm needs m ≥ n tail coordinates; use λ > 0 or the dense route`,
      );
    }
    return fitOf(checked, woodburySolve(checked, checked.n * lambda), lambda, l1Ratio);
  });
}

/** b = (D + shift·I + ŨŨᵀ)⁻¹ỹ by Woodbury with one s×s Cholesky solve. */
export function woodburySolve(c: CheckedRotated, shift: number): Float64Array {
  const { n, s, D, U, y } = c;
  const inverse = new Float64Array(n);
  for (let i = 0; i < n; i++) inverse[i] = 1 / ((D[i] as number) + shift);
  const M = new Matrix(s, s);
  const r = new Float64Array(s);
  for (let i = 0; i < n; i++) {
    const w = inverse[i] as number;
    const yi = (y[i] as number) * w;
    for (let j = 0; j < s; j++) {
      const uij = U[i * s + j] as number;
      r[j] = (r[j] as number) + uij * yi;
      const scaled = uij * w;
      for (let k = 0; k <= j; k++)
        M.data[j * s + k] = (M.data[j * s + k] as number) + scaled * (U[i * s + k] as number);
    }
  }
  for (let j = 0; j < s; j++) {
    M.data[j * s + j] = (M.data[j * s + j] as number) + 1;
    for (let k = 0; k < j; k++) M.data[k * s + j] = M.data[j * s + k] as number;
  }
  const coefficients = choleskySolve(M, r);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let value = y[i] as number;
    for (let j = 0; j < s; j++) value -= (U[i * s + j] as number) * (coefficients[j] as number);
    b[i] = value * (inverse[i] as number);
  }
  return b;
}
