import {
  assertFiniteNumber,
  assertKnownOptions,
  assertVector,
  describeValue,
  toFloat64Vector,
  type VectorInput,
} from '@benignlab/linalg';
import { absoluteAlpha, type BudgetMode } from './budget.js';
import {
  assertCovariance,
  type Covariance,
  type CovarianceInput,
  quadraticForm,
  toEigenCoordinates,
} from './covariance.js';
import { RiskError } from './errors.js';
import { gaussianAdversarialRiskValue, SQRT_TWO_OVER_PI } from './gaussian-closed-form.js';
import { estimateMeanAbsoluteMargin, type FeatureLaw } from './monte-carlo-margin.js';
import { dualNormValue, type NormSpec, normExponent } from './norms.js';

/**
 * How E|⟨x, θ − θ*⟩| is obtained: `'gaussian'` uses the closed form for x ~ N(0, Σ);
 * `'montecarlo'` estimates it from Gaussian test samples; `'rademacher'` and
 * `'uniform'` estimate it for x = Σ^{1/2} z with ±1 or uniform-on-[−√3, √3]
 * coordinates z ([Theory §1](https://benignlab.github.io/theory.html#section-1)).
 */
export type RiskLaw = 'gaussian' | 'montecarlo' | Exclude<FeatureLaw, 'gaussian'>;

/** Options of {@link adversarialRisk} and {@link harmRatio}. */
export interface AdversarialRiskOptions {
  /** The budget α ≥ 0 (absolute), or α_rel when `budget` is `'relative'`. */
  alpha: number;
  /** The adversary's norm; default `'l2'`. */
  norm?: NormSpec;
  /** How α is read; default `'absolute'`. */
  budget?: BudgetMode;
  /** Feature law; default `'gaussian'` (the closed form). */
  law?: RiskLaw;
  /** σ² ≥ 0 of Gaussian label noise: measure the loss against y = f*(x) + ε; default 0. */
  noiseVariance?: number;
  /** Monte Carlo sample size (other laws than `'gaussian'`); default 10 000. */
  samples?: number;
  /** Seed of the Monte Carlo draws; default 0. */
  seed?: number;
}

/** A Monte Carlo estimate of an adversarial risk with its uncertainty ([Theory §3](https://benignlab.github.io/theory.html#section-3)). */
export interface MonteCarloRisk {
  /** Which estimate this is. */
  readonly method: 'monte-carlo';
  /** The feature law the test points were drawn from. */
  readonly law: FeatureLaw;
  /** The point estimate: exact R plus the Monte Carlo estimate of `2α‖θ‖_* E|a|`, plus `α²‖θ‖_*²`. */
  readonly estimate: number;
  /** Its standard error, `2α‖θ‖_* · sd(|a|)/√samples`. */
  readonly standardError: number;
  /** The bound `R + α²‖θ‖_*² ≤ R_α`, exact for every feature law. */
  readonly lower: number;
  /** The bound `R_α ≤ (√R + α‖θ‖_*)²`, exact for every feature law. */
  readonly upper: number;
  /** Number of test points drawn. */
  readonly samples: number;
}

const ADVERSARIAL_OPTION_KEYS = [
  'alpha',
  'norm',
  'budget',
  'law',
  'noiseVariance',
  'samples',
  'seed',
] as const;
function largestEntry(vector: Float64Array): number {
  let largest = 0;
  for (let j = 0; j < vector.length; j++) largest = Math.max(largest, Math.abs(vector[j] as number));
  return largest;
}

/**
 * Finite inputs can still give a risk beyond float64 (|θ| ≈ 1e160 squares past 1.8e308):
 * such a value is never returned as ∞ or NaN but named, with the argument at fault.
 */
function checkFinite<T extends number | MonteCarloRisk>(
  value: T,
  what: string,
  theta: Float64Array,
  thetaStar: Float64Array,
): T {
  const numbers = typeof value === 'number' ? [value] : [value.estimate, value.standardError, value.upper];
  if (numbers.every(Number.isFinite)) return value;
  const [name, vector] =
    largestEntry(theta) >= largestEntry(thetaStar) ? ['theta', theta] : ['thetaStar', thetaStar];
  throw new RiskError(
    name,
    `has entries up to ${largestEntry(vector)}, which make ${what} exceed the float64 range (about 1.8e308); expected inputs of a representable scale (rescale the data and θ)`,
  );
}

const LAWS: readonly RiskLaw[] = ['gaussian', 'montecarlo', 'rademacher', 'uniform'];
const DEFAULT_SAMPLES = 10_000;

/**
 * The standard (excess) risk of a linear predictor ([Theory §3](https://benignlab.github.io/theory.html#section-3)):
 * `R(θ) = E_x(⟨x, θ⟩ − ⟨x, θ*⟩)² = (θ − θ*)ᵀ Σ (θ − θ*)`.
 * O(p) for diagonal Σ, O(p²) with a basis (one product Bᵀ(θ − θ*)).
 *
 * @param theta θ in ambient coordinates, length p
 * @param thetaStar θ* in ambient coordinates, length p
 * @param covariance Σ as `{ eigenvalues, basis? }`
 * @returns R(θ) in squared output units
 * @example
 * ```ts
 * const eigenvalues = new Float64Array([1, 0.1]);
 * standardRisk(new Float64Array([1, 1]), new Float64Array([1, 0]), { eigenvalues }); // 0.1
 * ```
 */
export function standardRisk(
  theta: VectorInput,
  thetaStar: VectorInput,
  covariance: CovarianceInput,
): number {
  const cov = assertCovariance('covariance', covariance);
  const p = cov.eigenvalues.length;
  const thetaVector = assertVector('theta', toFloat64Vector(theta), p);
  const thetaStarVector = assertVector('thetaStar', toFloat64Vector(thetaStar), p);
  return checkFinite(
    excessRisk(thetaVector, thetaStarVector, cov),
    'the risk R',
    thetaVector,
    thetaStarVector,
  );
}

/**
 * The adversarial risk of a linear predictor ([Theory §3](https://benignlab.github.io/theory.html#section-3)):
 * `R_α(θ) = E_x max_{‖δ‖ ≤ α}(⟨x + δ, θ⟩ − ⟨x, θ*⟩)² = R + 2α‖θ‖_* E|a| + α²‖θ‖_*²`
 * with `a = ⟨x, θ − θ*⟩` and `‖·‖_*` the dual norm. With `law: 'gaussian'` (default)
 * `E|a| = √(2/π)·√R` and the result is exact; other laws return a
 * {@link MonteCarloRisk} (estimate, standard error, two-sided bounds).
 * With `noiseVariance: σ²` the loss is against `y = f*(x) + ε`, ε ~ N(0, σ²), so R
 * becomes `R + σ²`.
 *
 * @param theta θ in ambient coordinates, length p
 * @param thetaStar θ* in ambient coordinates, length p
 * @param covariance Σ as `{ eigenvalues, basis? }`
 * @param options `alpha` (required, ≥ 0), `norm` (default `'l2'`), `budget` (`'absolute'` default or `'relative'`), `law` (`'gaussian'` default: closed form; other laws: Monte Carlo), `noiseVariance` σ² (default 0), `samples` (default 10 000) and `seed` (default 0) of the Monte Carlo draws
 * @example
 * ```ts
 * const eigenvalues = new Float64Array([1, 0.1]);
 * const thetaStar = new Float64Array([1, 0]);
 * adversarialRisk(thetaStar, thetaStar, { eigenvalues }, { alpha: 0.1 }); // 0.01 = α²‖θ*‖²
 * adversarialRisk(thetaStar, thetaStar, { eigenvalues }, { alpha: 0.1, law: 'rademacher', seed: 1 }).estimate;
 * ```
 */
export function adversarialRisk(
  theta: VectorInput,
  thetaStar: VectorInput,
  covariance: CovarianceInput,
  options: AdversarialRiskOptions & { law?: 'gaussian' },
): number;
export function adversarialRisk(
  theta: VectorInput,
  thetaStar: VectorInput,
  covariance: CovarianceInput,
  options: AdversarialRiskOptions & { law: Exclude<RiskLaw, 'gaussian'> },
): MonteCarloRisk;
export function adversarialRisk(
  theta: VectorInput,
  thetaStar: VectorInput,
  covariance: CovarianceInput,
  options: AdversarialRiskOptions,
): number | MonteCarloRisk;
export function adversarialRisk(
  thetaInput: VectorInput,
  thetaStarInput: VectorInput,
  covariance: CovarianceInput,
  options: AdversarialRiskOptions,
): number | MonteCarloRisk {
  const setup = prepare(thetaInput, thetaStarInput, covariance, options);
  const { theta, thetaStar } = setup;
  const shift = setup.alpha * dualNormValue(theta, setup.norm);
  if (setup.law === 'gaussian') {
    return checkFinite(
      gaussianAdversarialRiskValue(
        excessRisk(theta, thetaStar, setup.covariance) + setup.noiseVariance,
        shift,
      ),
      'the adversarial risk R_α',
      theta,
      thetaStar,
    );
  }
  const coordinates = toEigenCoordinates(differenceVector(theta, thetaStar), setup.covariance);
  const risk = quadraticForm(setup.covariance.eigenvalues, coordinates) + setup.noiseVariance;
  const margin = estimateMeanAbsoluteMargin(setup.covariance.eigenvalues, coordinates, {
    law: setup.law === 'montecarlo' ? 'gaussian' : setup.law,
    noiseVariance: setup.noiseVariance,
    samples: setup.samples,
    seed: setup.seed,
  });
  const squaredShift = shift * shift;
  return checkFinite<MonteCarloRisk>(
    {
      method: 'monte-carlo',
      law: margin.law,
      estimate: risk + 2 * shift * margin.mean + squaredShift,
      standardError: 2 * shift * margin.standardError,
      lower: risk + squaredShift,
      upper: (Math.sqrt(risk) + shift) ** 2,
      samples: setup.samples,
    },
    'the adversarial risk R_α',
    theta,
    thetaStar,
  );
}

/**
 * The harm ratio `R_α(θ)/R_α(θ*)` ([Theory §3](https://benignlab.github.io/theory.html#section-3)): how much less robust θ is than the
 * truth, whose adversarial risk is `α²‖θ*‖_*²` (plus the label-noise terms
 * `σ² + 2√(2/π)·σ·α‖θ*‖_*` with `noiseVariance`). Same options as
 * {@link adversarialRisk}; under a Monte Carlo law the numerator's estimate, standard
 * error and bounds are divided by the (exact) denominator.
 *
 * @param theta predictor θ in ambient coordinates, length p
 * @param thetaStar the truth θ*, length p
 * @param covariance `{ eigenvalues, basis? }` of Σ (p positive eigenvalues)
 * @param options as {@link adversarialRisk} (`alpha` required)
 * @returns a dimensionless ratio ≥ 0 (a `MonteCarloRisk` of ratios under a sampled law)
 * @example
 * ```ts
 * const eigenvalues = new Float64Array([1, 0.1]);
 * harmRatio(new Float64Array([1, 3]), new Float64Array([1, 0]), { eigenvalues }, { alpha: 0.1 });
 * ```
 */
export function harmRatio(
  theta: VectorInput,
  thetaStar: VectorInput,
  covariance: CovarianceInput,
  options: AdversarialRiskOptions & { law?: 'gaussian' },
): number;
export function harmRatio(
  theta: VectorInput,
  thetaStar: VectorInput,
  covariance: CovarianceInput,
  options: AdversarialRiskOptions & { law: Exclude<RiskLaw, 'gaussian'> },
): MonteCarloRisk;
export function harmRatio(
  theta: VectorInput,
  thetaStar: VectorInput,
  covariance: CovarianceInput,
  options: AdversarialRiskOptions,
): number | MonteCarloRisk;
export function harmRatio(
  thetaInput: VectorInput,
  thetaStarInput: VectorInput,
  covariance: CovarianceInput,
  options: AdversarialRiskOptions,
): number | MonteCarloRisk {
  const setup = prepare(thetaInput, thetaStarInput, covariance, options);
  const { theta, thetaStar } = setup;
  const truthShift = setup.alpha * dualNormValue(thetaStar, setup.norm);
  const noiseSd = Math.sqrt(setup.noiseVariance);
  const truthRisk =
    setup.noiseVariance + 2 * SQRT_TWO_OVER_PI * noiseSd * truthShift + truthShift * truthShift;
  checkFinite(truthRisk, 'the adversarial risk of the truth R_α(θ*)', thetaStar, thetaStar);
  if (truthRisk === 0) {
    throw new RiskError(
      'thetaStar',
      `gives R_α(θ*) = 0 (α = ${setup.alpha}, ‖θ*‖_* = ${dualNormValue(thetaStar, setup.norm)}, σ² = 0), so the harm ratio is undefined; expected α > 0 and θ* ≠ 0, or label noise`,
    );
  }
  const numerator = adversarialRisk(theta, thetaStar, covariance, options);
  if (typeof numerator === 'number') return numerator / truthRisk;
  return {
    ...numerator,
    estimate: numerator.estimate / truthRisk,
    standardError: numerator.standardError / truthRisk,
    lower: numerator.lower / truthRisk,
    upper: numerator.upper / truthRisk,
  };
}

interface PreparedOptions {
  readonly theta: Float64Array;
  readonly thetaStar: Float64Array;
  readonly covariance: Covariance;
  readonly p: number;
  readonly alpha: number;
  readonly norm: NormSpec;
  readonly law: RiskLaw;
  readonly noiseVariance: number;
  readonly samples: number;
  readonly seed: number;
}

function prepare(
  thetaInput: VectorInput,
  thetaStarInput: VectorInput,
  covariance: CovarianceInput,
  options: AdversarialRiskOptions,
): PreparedOptions {
  if (options === null || typeof options !== 'object') {
    throw new RiskError(
      'options',
      `expected an options object with at least { alpha }, got ${describeValue(options)}`,
    );
  }
  assertKnownOptions('options', options, ADVERSARIAL_OPTION_KEYS);
  const cov = assertCovariance('covariance', covariance);
  const p = cov.eigenvalues.length;
  const theta = assertVector('theta', toFloat64Vector(thetaInput), p);
  const thetaStar = assertVector('thetaStar', toFloat64Vector(thetaStarInput), p);
  const norm = options.norm ?? 'l2';
  normExponent(norm, 'options.norm');
  assertFiniteNumber('options.alpha', options.alpha, 0);
  const alpha = absoluteAlpha(options.alpha, options.budget ?? 'absolute', norm, cov.eigenvalues);
  const law = options.law ?? 'gaussian';
  if (!LAWS.includes(law)) {
    throw new RiskError(
      'options.law',
      `expected one of ${LAWS.map((l) => `'${l}'`).join(', ')}, got ${describeValue(law)}`,
    );
  }
  const noiseVariance = assertFiniteNumber('options.noiseVariance', options.noiseVariance ?? 0, 0);
  const samples = options.samples ?? DEFAULT_SAMPLES;
  if (!Number.isInteger(samples) || samples < 2) {
    throw new RiskError('options.samples', `expected an integer ≥ 2, got ${describeValue(samples)}`);
  }
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RiskError('options.seed', `expected an integer seed in [0, 2^53), got ${describeValue(seed)}`);
  }
  return { theta, thetaStar, covariance: cov, p, alpha, norm, law, noiseVariance, samples, seed };
}

/** `θ − θ*` (inputs already validated). */
function differenceVector(theta: Float64Array, thetaStar: Float64Array): Float64Array {
  const p = theta.length;
  const difference = new Float64Array(p);
  for (let j = 0; j < p; j++) difference[j] = (theta[j] as number) - (thetaStar[j] as number);
  return difference;
}

/** `(θ − θ*)ᵀ Σ (θ − θ*)`; one fused pass without allocation when Σ is diagonal. */
function excessRisk(theta: Float64Array, thetaStar: Float64Array, covariance: Covariance): number {
  const { eigenvalues } = covariance;
  if (covariance.basis !== undefined) {
    return quadraticForm(eigenvalues, toEigenCoordinates(differenceVector(theta, thetaStar), covariance));
  }
  let sum = 0;
  for (let j = 0; j < eigenvalues.length; j++) {
    const d = (theta[j] as number) - (thetaStar[j] as number);
    sum += (eigenvalues[j] as number) * d * d;
  }
  return sum;
}
