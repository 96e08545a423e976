import {
  assertFiniteNumber,
  assertKnownOptions,
  assertVector,
  describeValue,
  toFloat64Vector,
  type VectorInput,
} from '@benignlab/linalg';
import type { BudgetMode } from './budget.js';
import { createDirectSums } from './direct-sums.js';
import { RiskError } from './errors.js';
import type { FrontierPoint } from './frontier.js';
import { gaussianAdversarialRiskValue, SQRT_TWO_OVER_PI } from './gaussian-closed-form.js';
import { solveKappa } from './kappa-solver.js';
import { createSpectralSums, type SpectralSums, type SpectralSumsMethod } from './spectral-sums.js';

/** The model behind a theory curve ([Theory §4](https://benignlab.github.io/theory.html#section-4)); θ* in the eigenbasis of Σ. */
export interface RidgeTheoryModel {
  /** λ_1, …, λ_p > 0 (any order; θ* follows it). */
  eigenvalues: VectorInput;
  /** θ*_j, the coordinates of the truth in the eigenbasis, length p (a `Float64Array` or `number[]`). */
  thetaStar: VectorInput;
  /** σ² ≥ 0, the label-noise variance. */
  sigma2: number;
  /** n > 0, the sample size. */
  n: number;
}

/** Input of {@link ridgeTheory}: the model and one ridge parameter λ ≥ 0. */
export interface RidgeTheoryInput extends RidgeTheoryModel {
  /** λ ≥ 0 in the objective `(1/n)‖Y − Xθ‖² + λ‖θ‖²`; 0 is min-norm (needs p > n). */
  lambda: number;
}

/** Input of {@link ridgeTheoryPath}: the model and a grid of ridge parameters. */
export interface RidgeTheoryPathInput extends RidgeTheoryModel {
  /** The λ grid (each ≥ 0), in any order. */
  lambdas: Float64Array | readonly number[];
}

/** Options of the predicted adversarial risk. */
export interface TheoryAdversarialOptions {
  /** How α is read ([Theory §3](https://benignlab.github.io/theory.html#section-3)); default `'absolute'`. */
  budget?: BudgetMode;
  /** The theory predicts ‖θ̂‖₂ only, so the norm is ℓ2; `'l2'` is accepted for explicitness. */
  norm?: 'l2';
  /** Measure the loss against noisy labels y = f*(x) + ε (adds σ² to R); default false. */
  noisyLabels?: boolean;
}

/** The deterministic-equivalent prediction at one λ ([Theory §4](https://benignlab.github.io/theory.html#section-4)). */
export interface RidgeTheoryPrediction {
  readonly lambda: number;
  /** κ, the effective regularization. */
  readonly kappa: number;
  /** `df₂ = Σ_j λ_j²/(λ_j + κ)²`. */
  readonly df2: number;
  /** Predicted E R(θ̂_λ) = (n·B₀ + σ²·df₂)/(n − df₂). */
  readonly risk: number;
  /** Predicted E‖θ̂_λ‖₂². */
  readonly normSquared: number;
  /** The same value as `normSquared`. @deprecated Use `normSquared` instead (`norm2` is the unsquared norm in `@benignlab/linalg`). */
  readonly norm2: number;
  /**
   * Predicted R_α(θ̂_λ): R and ‖θ̂‖₂² plugged into the Gaussian closed form (ℓ2).
   * @param alpha the budget α ≥ 0 (absolute), or α_rel with `budget: 'relative'`
   * @param options `budget`: how α is read, `'absolute'` (default) or `'relative'`; `norm`: only `'l2'`; `noisyLabels`: measure against y = f*(x) + ε, adding σ² (default `false`)
   */
  adversarialRisk(alpha: number, options?: TheoryAdversarialOptions): number;
  /**
   * Predicted R_α(θ̂_λ)/R_α(θ*), with R_α(θ*) = α²‖θ*‖₂² exact.
   * @param alpha the budget α ≥ 0 (absolute), or α_rel with `budget: 'relative'` (> 0)
   * @param options `budget`: how α is read, `'absolute'` (default) or `'relative'`; `norm`: only `'l2'`; `noisyLabels`: measure against y = f*(x) + ε, adding σ² (default `false`)
   */
  harmRatio(alpha: number, options?: TheoryAdversarialOptions): number;
}

/** The deterministic-equivalent predictions over a λ grid ([Theory §4](https://benignlab.github.io/theory.html#section-4)). */
export interface RidgeTheoryPath {
  /** The grid, in the order given. */
  readonly lambda: Float64Array;
  readonly kappa: Float64Array;
  readonly df2: Float64Array;
  readonly risk: Float64Array;
  /** Predicted E‖θ̂_λ‖₂² at each λ. */
  readonly normSquared: Float64Array;
  /** The same array as `normSquared`. @deprecated Use `normSquared` instead (`norm2` is the unsquared norm in `@benignlab/linalg`). */
  readonly norm2: Float64Array;
  /**
   * Predicted R_α at every λ.
   * @param alpha the budget α ≥ 0 (absolute), or α_rel with `budget: 'relative'`
   * @param options `budget`: how α is read, `'absolute'` (default) or `'relative'`; `norm`: only `'l2'`; `noisyLabels`: measure against y = f*(x) + ε, adding σ² (default `false`)
   */
  adversarialRisk(alpha: number, options?: TheoryAdversarialOptions): Float64Array;
  /**
   * Predicted harm ratio R_α(θ̂_λ)/R_α(θ*) at every λ.
   * @param alpha the budget α ≥ 0 (absolute), or α_rel with `budget: 'relative'` (> 0)
   * @param options `budget`: how α is read, `'absolute'` (default) or `'relative'`; `norm`: only `'l2'`; `noisyLabels`: measure against y = f*(x) + ε, adding σ² (default `false`)
   */
  harmRatio(alpha: number, options?: TheoryAdversarialOptions): Float64Array;
  /**
   * `{ lambda, standardRisk, adversarialRisk }` per λ, ready for {@link frontier}.
   * @param alpha the budget α ≥ 0 (absolute), or α_rel with `budget: 'relative'`
   * @param options `budget`: how α is read, `'absolute'` (default) or `'relative'`; `norm`: only `'l2'`; `noisyLabels`: measure against y = f*(x) + ε, adding σ² (default `false`)
   */
  points(alpha: number, options?: TheoryAdversarialOptions): FrontierPoint[];
}

const MODEL_KEYS = ['eigenvalues', 'thetaStar', 'sigma2', 'n'] as const;
const THEORY_ADVERSARIAL_KEYS = ['budget', 'norm', 'noisyLabels'] as const;

/**
 * Deterministic-equivalent predictions for ridge regression with Gaussian features
 * at one λ ≥ 0 ([Theory §4](https://benignlab.github.io/theory.html#section-4)). κ > 0 solves `κ − λ = (κ/n) Σ_j λ_j/(λ_j + κ)`; with
 * `df₂ = Σ_j λ_j²/(λ_j + κ)²` and `B₀ = κ² Σ_j λ_j θ*_j²/(λ_j + κ)²`:
 * `E R ≈ (n·B₀ + σ²·df₂)/(n − df₂)` and
 * `E‖θ̂‖² ≈ Σ_j λ_j² θ*_j²/(λ_j + κ)² + (B₀ + σ²)·Σ_j λ_j/(λ_j + κ)² / (n − df₂)`.
 *
 * @param input `eigenvalues` λ_j > 0 (length p), `thetaStar` θ*_j in the eigenbasis
 *   (length p), `sigma2` σ² ≥ 0 (label-noise variance), `n` (sample size), `lambda` λ ≥ 0
 *   (λ = 0 needs p > n); ridge minimizes `(1/n)‖y − Xθ‖² + λ‖θ‖²`
 * @returns κ, df₂, the predicted risk and ‖θ̂‖² (squared label units), and the ℓ2
 *   adversarial risk and harm ratio as functions of α
 * @example
 * ```ts
 * const eigenvalues = new Float64Array(400).fill(0.02).fill(1, 0, 4);
 * const thetaStar = new Float64Array(400).fill(0.5, 0, 4);
 * const at = ridgeTheory({ eigenvalues, thetaStar, sigma2: 0.25, n: 60, lambda: 0 });
 * at.risk; // ≈ 0.0717
 * at.adversarialRisk(0.1); // predicted ℓ2 adversarial risk at α = 0.1
 * ```
 */
export function ridgeTheory(input: RidgeTheoryInput): RidgeTheoryPrediction {
  if (input === null || typeof input !== 'object') {
    throw new RiskError(
      'input',
      `expected { eigenvalues, thetaStar, sigma2, n, lambda }, got ${describeValue(input)}`,
    );
  }
  assertKnownOptions('input', input, [...MODEL_KEYS, 'lambda']);
  assertFiniteNumber('lambda', input.lambda, 0);
  const { lambda, ...model } = input;
  const path = ridgeTheoryPath({ ...model, lambdas: new Float64Array([lambda]) });
  return {
    lambda,
    kappa: path.kappa[0] as number,
    df2: path.df2[0] as number,
    risk: path.risk[0] as number,
    normSquared: path.normSquared[0] as number,
    norm2: path.normSquared[0] as number,
    adversarialRisk: (alpha, options) => path.adversarialRisk(alpha, options)[0] as number,
    harmRatio: (alpha, options) => path.harmRatio(alpha, options)[0] as number,
  };
}

/**
 * {@link ridgeTheory} over a whole λ grid at once: the κ equation is solved for all λ
 * together. The sums over the spectrum are evaluated either term by term over runs of
 * equal eigenvalues (a spiked design is two terms) or, for long spectra of distinct
 * eigenvalues, by a convergent series per cluster of nearby eigenvalues (4 clusters per
 * octave, relative truncation error below 2⁻⁵⁶), whichever is cheaper. Cost: O(p) once,
 * then O(iterations × grid × min(distinct eigenvalues, 20 × clusters)); a 500-point
 * curve for p = 10⁶ takes tens of milliseconds either way.
 *
 * @param input as {@link ridgeTheory}, with `lambdas` (a non-empty array of λ ≥ 0) in
 *   place of `lambda`
 * @returns `Float64Array`s of length L = `lambdas.length` in the grid's order, plus
 *   `adversarialRisk(α)`, `harmRatio(α)` and `points(α)` over the same grid
 * @example
 * ```ts
 * const eigenvalues = new Float64Array(400).fill(0.02).fill(1, 0, 4);
 * const thetaStar = new Float64Array(400).fill(0.5, 0, 4);
 * const path = ridgeTheoryPath({ eigenvalues, thetaStar, sigma2: 0.25, n: 60, lambdas: [0, 0.01, 0.1, 1] });
 * path.risk; // ≈ [0.0717, 0.0660, 0.0625, 0.299]
 * frontier(path.points(0.1)); // the standard/adversarial trade-off over λ
 * ```
 */
export function ridgeTheoryPath(input: RidgeTheoryPathInput): RidgeTheoryPath {
  return computeRidgeTheoryPath(input, 'auto').path;
}

/**
 * {@link ridgeTheoryPath} with the evaluation of the spectral sums chosen by the
 * caller (tests compare the direct sums with the cluster expansion).
 */
export function computeRidgeTheoryPath(
  input: RidgeTheoryPathInput,
  method: SpectralSumsMethod,
): { readonly path: RidgeTheoryPath; readonly iterations: number } {
  if (input === null || typeof input !== 'object') {
    throw new RiskError(
      'input',
      `expected { eigenvalues, thetaStar, sigma2, n, lambdas }, got ${describeValue(input)}`,
    );
  }
  assertKnownOptions('input', input, [...MODEL_KEYS, 'lambdas']);
  const { sigma2, n } = input;
  const eigenvalues = toFloat64Vector(input.eigenvalues) as Float64Array;
  const thetaStar = toFloat64Vector(input.thetaStar) as Float64Array;
  assertVector('eigenvalues', eigenvalues);
  for (let j = 0; j < eigenvalues.length; j++) {
    if (!((eigenvalues[j] as number) > 0)) {
      throw new RiskError('eigenvalues', `entry ${j} is ${eigenvalues[j]}; expected positive eigenvalues`);
    }
  }
  assertVector('thetaStar', thetaStar, eigenvalues.length);
  assertFiniteNumber('sigma2', sigma2, 0);
  assertFiniteNumber('n', n);
  if (!(n > 0)) throw new RiskError('n', `is ${n}; expected a positive sample size`);
  const lambda = toLambdaGrid(input.lambdas);
  const sums = createSpectralSums(eigenvalues, thetaStar, method);
  let thetaStarNorm2 = 0;
  for (let j = 0; j < thetaStar.length; j++) thetaStarNorm2 += (thetaStar[j] as number) ** 2;
  return pathFromSums(sums, thetaStarNorm2, sigma2, n, lambda, {
    values: eigenvalues,
    multiplicities: null,
    thetaStarSquared: thetaStar.map((t) => t * t),
  });
}

/**
 * A spectrum given by its distinct eigenvalues and their multiplicities, with the
 * truth's squared weight on each group: the form in which a spiked design of any
 * dimension costs a handful of terms (p = 10¹² is as cheap as p = 10).
 */
export interface GroupedSpectrum {
  /** Distinct eigenvalues λ_g > 0. */
  values: Float64Array | readonly number[];
  /** How many eigenvalues equal λ_g (each ≥ 1; need not be integers, e.g. ⌈n^a⌉ computed exactly). */
  multiplicities: Float64Array | readonly number[];
  /** `Σ θ*_j²` over the eigenvalues of group g (each ≥ 0). */
  thetaStarSquared: Float64Array | readonly number[];
}

/** Input of {@link ridgeTheoryPathGrouped}. */
export interface RidgeTheoryGroupedInput {
  spectrum: GroupedSpectrum;
  /** σ² ≥ 0. */
  sigma2: number;
  /** n > 0. */
  n: number;
  /** The λ grid (each ≥ 0). */
  lambdas: Float64Array | readonly number[];
}

/**
 * {@link ridgeTheoryPath} for a spectrum given as groups of equal eigenvalues, without
 * materializing the p eigenvalues: the same κ equation and predictions ([Theory §4](https://benignlab.github.io/theory.html#section-4))
 * with every sum `Σ_j v_j φ(λ_j, κ)` taken as `Σ_g m_g φ(λ_g, κ)` (weights 1) or
 * `Σ_g (Σ_{j∈g} θ*_j²) φ(λ_g, κ)`. Identical to {@link ridgeTheoryPath} on the expanded
 * spectrum up to rounding; the cost is O(groups) per λ and iteration, whatever p is.
 * The relative budget reads tr Σ = Σ_g m_g λ_g and p = Σ_g m_g.
 *
 * @param input `spectrum` (groups: values λ_g > 0, multiplicities m_g ≥ 1, θ*-weights ≥ 0),
 *   `sigma2` σ², `n` sample size, `lambdas` the λ grid
 * @returns the same path object as {@link ridgeTheoryPath}
 * @example
 * ```ts
 * // 5 spikes at 1 carrying ‖θ*‖ = 1, and 10⁹ tail eigenvalues at 10⁻⁶, n = 10⁶
 * const path = ridgeTheoryPathGrouped({
 *   spectrum: { values: [1, 1e-6], multiplicities: [5, 1e9], thetaStarSquared: [1, 0] },
 *   sigma2: 0.25,
 *   n: 1e6,
 *   lambdas: [0, 1e-3],
 * });
 * path.risk[0]; // the min-norm interpolator's predicted risk
 * ```
 */
export function ridgeTheoryPathGrouped(input: RidgeTheoryGroupedInput): RidgeTheoryPath {
  if (input === null || typeof input !== 'object') {
    throw new RiskError('input', `expected { spectrum, sigma2, n, lambdas }, got ${describeValue(input)}`);
  }
  assertKnownOptions('input', input, ['spectrum', 'sigma2', 'n', 'lambdas']);
  const { spectrum, sigma2, n } = input;
  if (spectrum === null || typeof spectrum !== 'object') {
    throw new RiskError(
      'spectrum',
      `expected { values, multiplicities, thetaStarSquared }, got ${describeValue(spectrum)}`,
    );
  }
  assertKnownOptions('spectrum', spectrum, ['values', 'multiplicities', 'thetaStarSquared']);
  const values = toVector('spectrum.values', spectrum.values);
  const multiplicities = toVector('spectrum.multiplicities', spectrum.multiplicities, values.length);
  const signalWeights = toVector('spectrum.thetaStarSquared', spectrum.thetaStarSquared, values.length);
  let dimension = 0;
  let trace = 0;
  let thetaStarNorm2 = 0;
  for (let g = 0; g < values.length; g++) {
    const value = values[g] as number;
    const multiplicity = multiplicities[g] as number;
    const weight = signalWeights[g] as number;
    if (!(value > 0)) throw new RiskError('spectrum.values', `entry ${g} is ${value}; expected λ_g > 0`);
    if (!(multiplicity >= 1)) {
      throw new RiskError('spectrum.multiplicities', `entry ${g} is ${multiplicity}; expected m_g ≥ 1`);
    }
    if (!(weight >= 0)) {
      throw new RiskError('spectrum.thetaStarSquared', `entry ${g} is ${weight}; expected a weight ≥ 0`);
    }
    dimension += multiplicity;
    trace += multiplicity * value;
    thetaStarNorm2 += weight;
  }
  if (!Number.isFinite(dimension) || !Number.isFinite(trace)) {
    throw new RiskError('spectrum', `has p = ${dimension} and tr Σ = ${trace}; expected finite totals`);
  }
  assertFiniteNumber('sigma2', sigma2, 0);
  assertFiniteNumber('n', n);
  if (!(n > 0)) throw new RiskError('n', `is ${n}; expected a positive sample size`);
  const lambda = toLambdaGrid(input.lambdas);
  const sums = createDirectSums({ values, multiplicities, signalWeights, dimension, trace });
  return pathFromSums(sums, thetaStarNorm2, sigma2, n, lambda, {
    values,
    multiplicities,
    thetaStarSquared: signalWeights,
  }).path;
}

function toVector(name: string, value: unknown, length?: number): Float64Array {
  if (!(value instanceof Float64Array) && !Array.isArray(value)) {
    throw new RiskError(name, `expected a Float64Array or an array of numbers, got ${describeValue(value)}`);
  }
  const out = Float64Array.from(value as ArrayLike<number>);
  if (out.length === 0) throw new RiskError(name, 'is empty; expected at least one group');
  if (length !== undefined && out.length !== length) {
    throw new RiskError(name, `has length ${out.length}; expected ${length} (one per group)`);
  }
  for (let k = 0; k < out.length; k++) {
    const entry = (value as ArrayLike<unknown>)[k];
    if (typeof entry !== 'number' || !Number.isFinite(entry)) {
      throw new RiskError(name, `entry ${k} is ${describeValue(entry)}; expected a finite number`);
    }
  }
  return out;
}

function pathFromSums(
  sums: SpectralSums,
  thetaStarNorm2: number,
  sigma2: number,
  n: number,
  lambda: Float64Array,
  spectrum: DirectSpectrum,
): { readonly path: RidgeTheoryPath; readonly iterations: number } {
  const { kappa, iterations } = solveKappa(sums, n, lambda);
  const { df2, risk, norm2 } = predictions(sums, n, sigma2, kappa, spectrum);
  const resolveAlpha = (alpha: number, options: TheoryAdversarialOptions | undefined) => {
    assertKnownOptions('options', options, THEORY_ADVERSARIAL_KEYS);
    if (options?.norm !== undefined && options.norm !== 'l2') {
      throw new RiskError(
        'options.norm',
        `is ${describeValue(options.norm)}; the theory predicts ‖θ̂‖₂ only, so expected 'l2'`,
      );
    }
    assertFiniteNumber('alpha', alpha, 0);
    const budget = options?.budget ?? 'absolute';
    if (budget !== 'absolute' && budget !== 'relative') {
      throw new RiskError('budget', `expected 'absolute' or 'relative', got ${describeValue(budget)}`);
    }
    // ℓ2 relative budget: α_rel·√tr Σ ([Theory §3](https://benignlab.github.io/theory.html#section-3)), from the sums' own trace.
    return {
      alpha: budget === 'absolute' ? alpha : alpha * Math.sqrt(sums.trace),
      noise: options?.noisyLabels === true ? sigma2 : 0,
    };
  };
  const adversarialRisk = (alpha: number, options?: TheoryAdversarialOptions) => {
    const resolved = resolveAlpha(alpha, options);
    const out = new Float64Array(lambda.length);
    for (let k = 0; k < lambda.length; k++) {
      out[k] = gaussianAdversarialRiskValue(
        (risk[k] as number) + resolved.noise,
        resolved.alpha * Math.sqrt(norm2[k] as number),
      );
    }
    return out;
  };
  const path: RidgeTheoryPath = {
    lambda,
    kappa,
    df2,
    risk,
    normSquared: norm2,
    norm2,
    adversarialRisk,
    harmRatio(alpha, options) {
      const resolved = resolveAlpha(alpha, options);
      const shift = resolved.alpha * Math.sqrt(thetaStarNorm2);
      const truth = resolved.noise + 2 * SQRT_TWO_OVER_PI * Math.sqrt(resolved.noise) * shift + shift * shift;
      if (truth === 0) {
        throw new RiskError(
          'alpha',
          `gives R_α(θ*) = 0 (α = ${resolved.alpha}, ‖θ*‖ = ${Math.sqrt(thetaStarNorm2)}); expected α > 0 and θ* ≠ 0`,
        );
      }
      const numerator = adversarialRisk(alpha, options);
      for (let k = 0; k < numerator.length; k++) numerator[k] = (numerator[k] as number) / truth;
      return numerator;
    },
    points(alpha, options) {
      const adversarial = adversarialRisk(alpha, options);
      const out: FrontierPoint[] = new Array(lambda.length);
      for (let k = 0; k < lambda.length; k++) {
        out[k] = {
          lambda: lambda[k] as number,
          standardRisk: risk[k] as number,
          adversarialRisk: adversarial[k] as number,
        };
      }
      return out;
    },
  };
  return { path, iterations };
}

/**
 * The lower bound on the min-norm interpolator's squared norm (the name says squared, as
 * `benignDiagnostics(…).minNormSquaredNormLowerBound` of `@benignlab/data` does) ([Theory §4](https://benignlab.github.io/theory.html#section-4)):
 * `E‖θ̂₀‖² ≥ σ² n² / E tr(XXᵀ) = σ² n / tr Σ`. It grows without bound when
 * `tr Σ = o(n)`, the benign condition `r₀(Σ) = o(n)` with λ₁ = 1, which is why benign
 * overfitting harms robustness.
 *
 * @param eigenvalues λ_j > 0 of Σ (a `Float64Array` or `number[]`)
 * @param sigma2 σ² ≥ 0
 * @param n sample size > 0
 * @example
 * ```ts
 * minNormSquaredNormLowerBound(new Float64Array([1, 1]), 0.25, 100); // 12.5
 * ```
 */
export function minNormSquaredNormLowerBound(
  eigenvalues: Float64Array | readonly number[],
  sigma2: number,
  n: number,
): number {
  const values = toFloat64Vector(eigenvalues) as Float64Array;
  assertVector('eigenvalues', values);
  let trace = 0;
  for (let j = 0; j < values.length; j++) {
    const value = values[j] as number;
    if (!(value > 0))
      throw new RiskError('eigenvalues', `entry ${j} is ${value}; expected positive eigenvalues`);
    trace += value;
  }
  assertFiniteNumber('sigma2', sigma2, 0);
  assertFiniteNumber('n', n);
  if (!(n > 0)) throw new RiskError('n', `is ${n}; expected a positive sample size`);
  return (sigma2 * n) / trace;
}

function toLambdaGrid(lambdas: Float64Array | readonly number[]): Float64Array {
  if (!(lambdas instanceof Float64Array) && !Array.isArray(lambdas)) {
    throw new RiskError(
      'lambdas',
      `expected a Float64Array or an array of numbers, got ${describeValue(lambdas)}`,
    );
  }
  if (lambdas.length === 0) throw new RiskError('lambdas', 'is empty; expected at least one λ');
  const grid = Float64Array.from(lambdas);
  for (let k = 0; k < grid.length; k++) {
    const value = lambdas[k];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RiskError('lambdas', `entry ${k} is ${describeValue(value)}; expected finite λ ≥ 0`);
    }
  }
  return grid;
}

/**
 * κ beyond which κ² and (λ_j + κ)² would overflow float64 (then `κ² · Σ λ_jθ*_j²/(λ_j + κ)²`
 * is ∞ · 0 = NaN): there the sums are taken directly in the ratios `λ_j/(λ_j + κ)` and
 * `κ/(λ_j + κ)`, which stay in [0, 1] (as λ → ∞ the risk tends to θ*ᵀΣθ* and ‖θ̂‖² to 0).
 */
const HUGE_KAPPA = 1e100;

/**
 * The spectrum term by term for the huge-κ sums: eigenvalues (or distinct values with
 * their multiplicities, `null` meaning 1 each) and the truth's squared weight on each.
 */
interface DirectSpectrum {
  values: Float64Array;
  multiplicities: Float64Array | null;
  thetaStarSquared: Float64Array;
}

/** The prediction sums at one huge κ, term by term in bounded ratios (O(p), or O(groups)). */
function directSumsAtKappa(spectrum: DirectSpectrum, kappa: number) {
  const { values, multiplicities, thetaStarSquared } = spectrum;
  let df2 = 0;
  let b0 = 0;
  let signal = 0;
  let variance = 0;
  for (let j = 0; j < values.length; j++) {
    const lambda = values[j] as number;
    const count = multiplicities === null ? 1 : (multiplicities[j] as number);
    const theta2 = thetaStarSquared[j] as number;
    const r = lambda / (lambda + kappa);
    const q = kappa / (lambda + kappa);
    df2 += count * r * r;
    b0 += lambda * theta2 * q * q;
    signal += theta2 * r * r;
    variance += (count * r * r) / lambda;
  }
  return { df2, b0, signal, variance };
}

function predictions(
  sums: SpectralSums,
  n: number,
  sigma2: number,
  kappa: Float64Array,
  spectrum: DirectSpectrum,
) {
  const count = kappa.length;
  const sumsAtKappa = {
    variance: new Float64Array(count),
    bias: new Float64Array(count),
    df2: new Float64Array(count),
    signal: new Float64Array(count),
  };
  sums.predictionSums(kappa, sumsAtKappa);
  const { variance, bias, df2, signal } = sumsAtKappa;
  const risk = new Float64Array(count);
  const norm2 = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const c = kappa[k] as number;
    let b0 = c * c * (bias[k] as number);
    if (c > HUGE_KAPPA) {
      const direct = directSumsAtKappa(spectrum, c);
      b0 = direct.b0;
      df2[k] = direct.df2;
      signal[k] = direct.signal;
      variance[k] = direct.variance;
    }
    const denominator = n - (df2[k] as number);
    risk[k] = (n * b0 + sigma2 * (df2[k] as number)) / denominator;
    norm2[k] = (signal[k] as number) + ((b0 + sigma2) * (variance[k] as number)) / denominator;
  }
  return { df2, risk, norm2 };
}

/**
 * The lower bound `σ² n / tr Σ` on the min-norm interpolator's squared norm, the same
 * function as {@link minNormSquaredNormLowerBound}.
 *
 * @param eigenvalues λ_j > 0 of Σ (a `Float64Array` or `number[]`)
 * @param sigma2 σ² ≥ 0
 * @param n sample size > 0
 * @deprecated Use {@link minNormSquaredNormLowerBound} instead (the bound is on ‖θ̂₀‖², squared).
 */
export function minNormNormLowerBound(
  eigenvalues: Float64Array | readonly number[],
  sigma2: number,
  n: number,
): number {
  return minNormSquaredNormLowerBound(eigenvalues, sigma2, n);
}
