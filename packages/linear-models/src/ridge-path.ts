import type { VectorInput } from '@benignlab/linalg';
import { assertKnownOptions, gram, Matrix, matmul, symEigProjections } from '@benignlab/linalg';
import {
  applyCovariance,
  assertCovariance,
  type Covariance,
  type CovarianceInput,
  whitenRows,
} from './covariance.js';
import { LinearModelError } from './errors.js';
import {
  clampedSpectrum,
  combineEigenvectors,
  type GramSpectrum,
  gramMatrixOf,
  gramSpectrum,
  projectOntoEigenvectors,
} from './gram-spectrum.js';
import { type LinearModel, linearModel, multiply, multiplyTransposed } from './linear-model.js';
import { assertCoefficients, assertDesign, assertLambda } from './validate.js';

/** Options of {@link ridgePath}. */
export interface RidgePathOptions {
  /** The true coefficients θ* (length p; a `Float64Array` or `number[]`), needed for {@link RidgePath.standardRisk}. */
  thetaStar?: VectorInput;
  /** The feature covariance Σ (eigenvalues a `Float64Array` or `number[]`), needed for {@link RidgePath.standardRisk}. */
  covariance?: CovarianceInput;
}

/** Options of {@link RidgePath.summary} and {@link RidgePath.sweep}. */
export interface RidgePathSummaryOptions {
  /**
   * Also compute ‖θ̂_λ‖₁ (the ℓ∞-adversarial dual norm); costs O(np) per λ and forms the
   * eigenvectors once (θ̂_λ itself is needed). Default false.
   */
  l1Norm?: boolean;
}

/** Everything the risks need about θ̂_λ at one λ. */
export interface RidgePathSummary {
  readonly lambda: number;
  /** ‖θ̂_λ‖₂² (squared Euclidean norm; the ℓ2-adversarial dual norm squared). */
  readonly normSquared: number;
  /** ‖θ̂_λ‖₂², the same value as `normSquared`. @deprecated Use `normSquared` instead (`norm2` is the unsquared norm in `@benignlab/linalg`). */
  readonly norm2: number;
  /** (1/n)‖y − Xθ̂_λ‖², the training mean squared error. */
  readonly trainingError: number;
  /** (θ̂_λ − θ*)ᵀ Σ (θ̂_λ − θ*), when θ* and Σ were given. */
  readonly standardRisk?: number;
  /** ‖θ̂_λ‖₁, when asked for. */
  readonly l1Norm?: number;
}

/** The same quantities over a grid of λ, one entry per λ. */
export interface RidgePathSweep {
  readonly lambda: Float64Array;
  /** ‖θ̂_λ‖₂² at each λ. */
  readonly normSquared: Float64Array;
  /** The same array as `normSquared`. @deprecated Use `normSquared` instead (`norm2` is the unsquared norm in `@benignlab/linalg`). */
  readonly norm2: Float64Array;
  readonly trainingError: Float64Array;
  readonly standardRisk?: Float64Array;
  readonly l1Norm?: Float64Array;
}

/**
 * {@link RidgePathSummary} or {@link RidgePathSweep} with `standardRisk` present when
 * `HasTruth` is `true` (θ* and Σ were given to {@link ridgePath}) and `l1Norm` present when
 * `WithL1` is `true` (asked for).
 */
export type WithRidgeRisks<Base, Value, HasTruth extends boolean, WithL1 extends boolean> = Base &
  (HasTruth extends true ? { readonly standardRisk: Value } : unknown) &
  (WithL1 extends true ? { readonly l1Norm: Value } : unknown);

/**
 * The whole ridge path θ̂_λ, λ ≥ 0, from one spectral decomposition: eigenvalues and label
 * projections up front, eigenvectors on the first query that needs θ̂_λ or the risk.
 * `HasTruth` is `true` when θ* and Σ were given, so the types of `summary` and `sweep`
 * carry `standardRisk`.
 */
export interface RidgePath<HasTruth extends boolean = boolean> {
  readonly n: number;
  readonly p: number;
  /** Which Gram matrix was decomposed: `'dual'` XXᵀ (p > n) or `'primal'` XᵀX. */
  readonly form: 'dual' | 'primal';
  /** Numerical rank of X. */
  readonly rank: number;
  /** The nonzero eigenvalues μ₁ ≥ … ≥ μ_r of XXᵀ (equivalently XᵀX), the squared singular values. */
  readonly gramEigenvalues: Float64Array;
  /**
   * θ̂_λ (length p). O(np) (dual) or O(p·r) (primal); the first call of this, `coefMatrix`,
   * `model`, `standardRisk` or an ℓ1 summary forms the eigenvectors once (O(n³)).
   * @param lambda λ ≥ 0, the ridge penalty of `(1/n)‖y − Xθ‖² + λ‖θ‖²` (0: the minimum-norm interpolator)
   */
  coef(lambda: number): Float64Array;
  /**
   * θ̂_λ for a whole grid at once, as a `count×p` matrix whose row k is θ̂ at `lambdas[k]`:
   * two matrix products (O(n²·count + np·count)) on the fast kernels of
   * `@benignlab/linalg` instead of `count` separate O(np) passes. Forms the eigenvectors
   * on first use.
   * @param lambdas the grid of λ ≥ 0 (any order; `count` values)
   */
  coefMatrix(lambdas: ArrayLike<number>): Matrix;
  /**
   * θ̂_λ as a {@link LinearModel} (forms the eigenvectors on first use).
   * @param lambda λ ≥ 0, the ridge penalty of `(1/n)‖y − Xθ‖² + λ‖θ‖²` (0: the minimum-norm interpolator)
   */
  model(lambda: number): LinearModel;
  /**
   * ‖θ̂_λ‖₂² in O(r), from the eigenvalues and `(u_kᵀy)²` alone (never forms eigenvectors).
   * @param lambda λ ≥ 0, the ridge penalty of `(1/n)‖y − Xθ‖² + λ‖θ‖²` (0: the minimum-norm interpolator)
   */
  normSquared(lambda: number): number;
  /**
   * ‖θ̂_λ‖₂², the same as {@link RidgePath.normSquared}.
   * @param lambda λ ≥ 0, the ridge penalty
   * @deprecated Use `normSquared` instead (`norm2` is the unsquared norm in `@benignlab/linalg`).
   */
  norm2(lambda: number): number;
  /**
   * (1/n)‖y − Xθ̂_λ‖² in O(r), from the eigenvalues and `(u_kᵀy)²` alone (never forms eigenvectors).
   * @param lambda λ ≥ 0, the ridge penalty of `(1/n)‖y − Xθ‖² + λ‖θ‖²` (0: the minimum-norm interpolator)
   */
  trainingError(lambda: number): number;
  /**
   * (θ̂_λ − θ*)ᵀ Σ (θ̂_λ − θ*); needs `thetaStar` and `covariance`. For Σ = σ²I (all
   * eigenvalues equal) O(r) from the spectrum alone; otherwise O(r²), and the first call
   * forms the eigenvectors (if not yet formed) and `Uᵀ(XΣXᵀ)U`.
   * @param lambda λ ≥ 0, the ridge penalty of `(1/n)‖y − Xθ‖² + λ‖θ‖²` (0: the minimum-norm interpolator)
   */
  standardRisk(lambda: number): number;
  /**
   * ‖θ̂_λ‖₂² (`normSquared`), training error, standard risk (when available) and optionally ‖θ̂_λ‖₁ at one λ;
   * eigenvector-free unless θ* and Σ were given or `l1Norm` is asked for.
   * @param lambda λ ≥ 0, the ridge penalty of `(1/n)‖y − Xθ‖² + λ‖θ‖²` (0: the minimum-norm interpolator)
   * @param options `l1Norm`: also compute ‖θ̂_λ‖₁ (default `false`; costs O(np) and forms the eigenvectors)
   */
  summary<WithL1 extends boolean = false>(
    lambda: number,
    options?: RidgePathSummaryOptions & { l1Norm?: WithL1 },
  ): WithRidgeRisks<RidgePathSummary, number, HasTruth, WithL1>;
  /**
   * {@link RidgePath.summary} over a grid of λ, as arrays.
   * @param lambdas the grid of λ ≥ 0 (any order; results follow it)
   * @param options `l1Norm`: also compute ‖θ̂_λ‖₁ at each λ (default `false`)
   */
  sweep<WithL1 extends boolean = false>(
    lambdas: ArrayLike<number>,
    options?: RidgePathSummaryOptions & { l1Norm?: WithL1 },
  ): WithRidgeRisks<RidgePathSweep, Float64Array, HasTruth, WithL1>;
}

/** The eigenvectors of the decomposed Gram matrix and θ̂'s coordinates `Uᵀy` (dual) or `VᵀXᵀy` (primal). */
interface Eigenbasis {
  readonly spectrum: GramSpectrum;
  readonly rightCoordinates: Float64Array;
  /** Reused by standardRisk, so a sweep allocates nothing per λ. */
  readonly scratch: Float64Array;
}

/** Quadratic form of the standard risk in the eigen-coordinates a(λ): aᵀAa − 2aᵀb + θ*ᵀΣθ*. */
interface RiskForm {
  readonly A: Float64Array;
  readonly b: Float64Array;
  readonly truthEnergy: number;
}

/**
 * The ridge path ([Theory §2](https://benignlab.github.io/theory.html#section-2)). One spectral decomposition of the smaller Gram matrix,
 * `XXᵀ = U diag(μ) Uᵀ` when p > n (else `XᵀX = V diag(μ) Vᵀ`), serves every λ:
 *
 * - `θ̂_λ = Xᵀ U a(λ)` with `a_k = c_k/(μ_k + nλ)`, `c = Uᵀy` (dual);
 *   `θ̂_λ = V a(λ)` with `a_k = g_k/(μ_k + nλ)`, `g = VᵀXᵀy` (primal);
 * - `‖θ̂_λ‖² = Σ_k μ_k c_k²/(μ_k + nλ)²`;
 * - `(1/n)‖y − Xθ̂_λ‖² = (1/n)[Σ_k (nλ c_k/(μ_k + nλ))² + ‖y‖² − Σ_k c_k²]`;
 * - `R(θ̂_λ) = aᵀ(BᵀΣB)a − 2aᵀBᵀΣθ* + θ*ᵀΣθ*` with `B = XᵀU` (or V), the r×r matrix
 *   `BᵀΣB` and the vector `BᵀΣθ*` formed once.
 *
 * Two tiers. Construction forms the Gram matrix and, with `symEigProjections` of
 * `@benignlab/linalg`, only the eigenvalues μ and the coordinates `c_k` (tridiagonalization
 * and QL with the rotations applied to one or two vectors; no eigenvector matrix): that is
 * all `norm2`, `trainingError` and `sweep`/`summary` without ℓ1 need — and, for an
 * isotropic Σ = σ²I, `standardRisk` too (`σ²(Σ μ_k a_k² − 2 Σ a_k s_k + ‖θ*‖²)` with
 * `s = Uᵀ(Xθ*)` projected in the same call; primal `σ²(‖a‖² − 2aᵀVᵀθ* + ‖θ*‖²)`) — so a
 * sweep of these over any number of λ costs the Gram product plus ~4/3·n³. Everything that needs
 * θ̂_λ itself or the risk under an anisotropic Σ — `coef`, `coefMatrix`, `model`,
 * `standardRisk`, `{ l1Norm: true }` — triggers, once, the full `symEig` of the kept Gram matrix (about
 * as much again as the Gram product at p = 10n), after which the results are those of
 * the one-decomposition path bit for bit.
 *
 * Costs: construction O(n²p + n³) (dual) or O(np² + p³) (primal); the eigenvectors
 * O(n³) (or O(p³)) once; the first `standardRisk` query adds one more O(n²p) Gram
 * product `XΣXᵀ` (O(np²) if Σ has a basis; O(pr²) in the primal form); then per λ:
 * norm2 and trainingError O(r), standardRisk O(r²), coef and l1Norm O(np). λ = 0 gives the
 * min-norm solution; directions with μ below the rank cutoff of {@link minNorm} are
 * dropped for every λ, so `coef(λ)` equals `ridge(X, y, λ).coef` for full-rank X and
 * the pseudo-inverse convention otherwise.
 *
 * @param X n×p design, rows are samples
 * @param y length-n labels
 * @param options `thetaStar` (length p) and `covariance` ({ eigenvalues, basis? }) for risks
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0, 1], [0, 1, 1]]); // n = 2 samples, p = 3 features
 * const y = Float64Array.of(1, 2);
 * const thetaStar = Float64Array.of(1, 1, 0);
 * const eigenvalues = Float64Array.of(1, 1, 1); // Σ = I
 * const path = ridgePath(X, y, { thetaStar, covariance: { eigenvalues } });
 * const lambdas = Float64Array.from({ length: 200 }, (_, i) => 10 ** (-6 + (i * 7) / 199));
 * const { norm2, standardRisk } = path.sweep(lambdas); // 200 values each, λ from 1e-6 to 10
 * ```
 */
export function ridgePath(
  X: Matrix,
  y: VectorInput,
  options: RidgePathOptions & Required<Pick<RidgePathOptions, 'thetaStar' | 'covariance'>>,
): RidgePath<true>;
export function ridgePath(X: Matrix, y: VectorInput, options?: RidgePathOptions): RidgePath;
export function ridgePath(X: Matrix, y: VectorInput, options: RidgePathOptions = {}): RidgePath {
  const { n, p, y: labels } = assertDesign(X, y);
  assertKnownOptions('options', options, ['thetaStar', 'covariance']);
  const thetaStar =
    options.thetaStar === undefined
      ? undefined
      : assertCoefficients('options.thetaStar', options.thetaStar, p);
  const covariance =
    options.covariance === undefined
      ? undefined
      : assertCovariance('options.covariance', options.covariance, p);

  const form = p > n ? 'dual' : 'primal';
  const gramMatrix = gramMatrixOf(X, form);
  const projected = form === 'dual' ? labels : multiplyTransposed(X, labels);
  // Σ = σ²I makes the risk a function of the spectrum and two projections (see
  // isotropicRisk), so it joins the eigenvector-free tier: project the truth as well.
  const isotropicVariance =
    thetaStar !== undefined && covariance !== undefined ? isotropicVarianceOf(covariance) : undefined;
  const truthImage =
    isotropicVariance === undefined
      ? undefined
      : form === 'dual'
        ? multiply(X, thetaStar as Float64Array)
        : thetaStar;
  // The cheap spectrum: eigenvalues and the label (and truth) coordinates, without
  // eigenvectors; only squares and products of coordinates from this one call are used,
  // so the unspecified eigenvector signs of symEigProjections cancel.
  const cheap = symEigProjections(gramMatrix, twoColumns(projected, truthImage));
  const columns = truthImage === undefined ? 1 : 2;
  const { values, rank } = clampedSpectrum(cheap.values, n, p);
  const gramEigenvalues = values.slice(0, rank);
  const labelSquares = new Float64Array(rank);
  const labelCoordinates = new Float64Array(rank);
  const truthCoordinates = new Float64Array(truthImage === undefined ? 0 : rank);
  for (let k = 0; k < rank; k++) {
    const c = cheap.projections.data[k * columns];
    labelCoordinates[k] = c;
    labelSquares[k] = form === 'dual' ? c * c : (c * c) / gramEigenvalues[k];
    if (truthImage !== undefined) truthCoordinates[k] = cheap.projections.data[k * columns + 1];
  }
  let labelEnergy = 0;
  for (let i = 0; i < n; i++) labelEnergy += labels[i] * labels[i];
  let explainedEnergy = 0;
  for (let k = 0; k < rank; k++) explainedEnergy += labelSquares[k];
  const unexplainedEnergy = Math.max(labelEnergy - explainedEnergy, 0);
  let truthNormSquared = 0;
  if (thetaStar !== undefined) for (let j = 0; j < p; j++) truthNormSquared += thetaStar[j] * thetaStar[j];

  // The eigenvectors, formed once on the first query that needs θ̂_λ or the risk: a sweep
  // of norms and training errors never pays for them. The Gram matrix is kept until then.
  let eigenbasis: Eigenbasis | undefined;
  let pendingGram: Matrix | undefined = gramMatrix;
  const getEigenbasis = (): Eigenbasis => {
    if (eigenbasis === undefined) {
      const spectrum = gramSpectrum(X, form, pendingGram);
      pendingGram = undefined;
      eigenbasis = {
        spectrum,
        rightCoordinates: projectOntoEigenvectors(spectrum.vectors, projected, spectrum.rank),
        scratch: new Float64Array(spectrum.rank),
      };
    }
    return eigenbasis;
  };

  // Built on the first risk query: a caller who only needs norms never pays its O(n²p).
  let riskForm: RiskForm | undefined;
  const hasRisk = thetaStar !== undefined && covariance !== undefined;
  const getRiskForm = (): RiskForm | undefined => {
    if (riskForm === undefined && thetaStar !== undefined && covariance !== undefined) {
      riskForm = buildRiskForm(X, getEigenbasis().spectrum, thetaStar, covariance);
    }
    return riskForm;
  };

  /** a(λ) in the eigenbasis: a_k = (right coordinate)_k / (μ_k + nλ). */
  const fillCoordinates = (basis: Eigenbasis, lambda: number, out: Float64Array): Float64Array => {
    const shift = n * lambda;
    const { values: mu, rank: r } = basis.spectrum;
    for (let k = 0; k < r; k++) out[k] = basis.rightCoordinates[k] / (mu[k] + shift);
    return out;
  };

  const coef = (lambda: number): Float64Array => {
    assertLambda('lambda', lambda);
    const basis = getEigenbasis();
    const { rank: r, vectors } = basis.spectrum;
    const coordinates = fillCoordinates(basis, lambda, new Float64Array(r));
    const combined = combineEigenvectors(vectors, coordinates, r);
    return form === 'dual' ? multiplyTransposed(X, combined) : combined;
  };

  const coefMatrix = (lambdas: ArrayLike<number>): Matrix => {
    const grid = readLambdas(lambdas);
    const count = grid.length;
    if (rank === 0 || count === 0) return new Matrix(count, p);
    const { spectrum, rightCoordinates } = getEigenbasis();
    const { rank: r, values: mu, vectors } = spectrum;
    const coordinates = new Matrix(r, count);
    for (let k = 0; k < r; k++) {
      const offset = k * count;
      for (let l = 0; l < count; l++) {
        coordinates.data[offset + l] = rightCoordinates[k] / (mu[k] + n * grid[l]);
      }
    }
    const leading = leadingColumns(vectors, r);
    if (form === 'dual') {
      return matmul(matmul(leading, coordinates), X, { transposeA: true });
    }
    return matmul(coordinates, leading, { transposeA: true, transposeB: true });
  };

  const normSquared = (lambda: number): number => {
    assertLambda('lambda', lambda);
    const shift = n * lambda;
    let s = 0;
    for (let k = 0; k < rank; k++) {
      const mu = gramEigenvalues[k];
      const d = mu + shift;
      s += (mu * labelSquares[k]) / (d * d);
    }
    return s;
  };

  const trainingError = (lambda: number): number => {
    assertLambda('lambda', lambda);
    const shift = n * lambda;
    let s = unexplainedEnergy;
    for (let k = 0; k < rank; k++) {
      const shrink = shift / (gramEigenvalues[k] + shift);
      s += shrink * shrink * labelSquares[k];
    }
    return s / n;
  };

  const standardRisk = (lambda: number): number => {
    assertLambda('lambda', lambda);
    if (isotropicVariance !== undefined) {
      return isotropicRisk(
        form,
        n * lambda,
        gramEigenvalues,
        labelCoordinates,
        truthCoordinates,
        truthNormSquared,
        isotropicVariance,
      );
    }
    const quadraticForm = getRiskForm();
    if (quadraticForm === undefined) {
      const missing = thetaStar === undefined ? 'thetaStar' : 'covariance';
      throw new LinearModelError(
        `options.${missing}`,
        `standardRisk needs both thetaStar and covariance; pass ${missing} to ridgePath(X, y, { thetaStar, covariance })`,
      );
    }
    const basis = getEigenbasis();
    const r = basis.spectrum.rank;
    const a = fillCoordinates(basis, lambda, basis.scratch);
    const { A, b, truthEnergy } = quadraticForm;
    let quadratic = 0;
    let linear = 0;
    for (let k = 0; k < r; k++) {
      const offset = k * r;
      let rowSum = 0;
      for (let l = 0; l < r; l++) rowSum += A[offset + l] * a[l];
      quadratic += a[k] * rowSum;
      linear += a[k] * b[k];
    }
    return Math.max(quadratic - 2 * linear + truthEnergy, 0);
  };

  const l1NormAt = (lambda: number): number => {
    const theta = coef(lambda);
    let s = 0;
    for (let j = 0; j < p; j++) s += Math.abs(theta[j]);
    return s;
  };

  const readSummaryOptions = (summaryOptions: RidgePathSummaryOptions | undefined): boolean => {
    assertKnownOptions('options', summaryOptions, ['l1Norm']);
    const flag = summaryOptions?.l1Norm ?? false;
    if (typeof flag !== 'boolean') {
      throw new LinearModelError('options.l1Norm', `expected a boolean, got ${String(flag)}`);
    }
    return flag;
  };

  const summary = (lambda: number, summaryOptions?: RidgePathSummaryOptions): RidgePathSummary => {
    const withL1 = readSummaryOptions(summaryOptions);
    return {
      lambda,
      normSquared: normSquared(lambda),
      norm2: normSquared(lambda),
      trainingError: trainingError(lambda),
      ...(hasRisk ? { standardRisk: standardRisk(lambda) } : {}),
      ...(withL1 ? { l1Norm: l1NormAt(lambda) } : {}),
    };
  };

  const sweep = (lambdas: ArrayLike<number>, summaryOptions?: RidgePathSummaryOptions): RidgePathSweep => {
    const withL1 = readSummaryOptions(summaryOptions);
    const grid = readLambdas(lambdas);
    const count = grid.length;
    const out = {
      lambda: new Float64Array(count),
      normSquared: new Float64Array(count),
      trainingError: new Float64Array(count),
      standardRisk: hasRisk ? new Float64Array(count) : undefined,
      l1Norm: withL1 ? new Float64Array(count) : undefined,
    };
    for (let i = 0; i < count; i++) {
      const lambda = grid[i];
      out.lambda[i] = lambda;
      out.normSquared[i] = normSquared(lambda);
      out.trainingError[i] = trainingError(lambda);
      if (out.standardRisk !== undefined) out.standardRisk[i] = standardRisk(lambda);
      if (out.l1Norm !== undefined) out.l1Norm[i] = l1NormAt(lambda);
    }
    return {
      lambda: out.lambda,
      normSquared: out.normSquared,
      norm2: out.normSquared,
      trainingError: out.trainingError,
      ...(out.standardRisk === undefined ? {} : { standardRisk: out.standardRisk }),
      ...(out.l1Norm === undefined ? {} : { l1Norm: out.l1Norm }),
    };
  };

  return {
    n,
    p,
    form,
    rank,
    gramEigenvalues,
    coef,
    coefMatrix,
    model: (lambda: number) => linearModel(coef(lambda)),
    normSquared,
    norm2: normSquared,
    trainingError,
    standardRisk,
    // The overloads' types promise standardRisk exactly when θ* and Σ were given, and
    // l1Norm exactly when asked for, which is what these return.
    summary: summary as RidgePath['summary'],
    sweep: sweep as RidgePath['sweep'],
  };
}

/**
 * `BᵀΣB`, `BᵀΣθ*` and `θ*ᵀΣθ*` for `θ̂_λ = B a(λ)`: with `B = XᵀU_r` (dual) the matrix is
 * `U_rᵀ (XΣXᵀ) U_r`, with `B = V_r` (primal) it is `(Σ^{1/2}V_r)ᵀ(Σ^{1/2}V_r)`.
 */
function buildRiskForm(
  X: Matrix,
  spectrum: GramSpectrum,
  thetaStar: Float64Array,
  covariance: Covariance,
): RiskForm {
  const { form, rank, vectors } = spectrum;
  const p = X.cols;
  const sigmaThetaStar = applyCovariance(covariance, thetaStar);
  let truthEnergy = 0;
  for (let j = 0; j < p; j++) truthEnergy += thetaStar[j] * sigmaThetaStar[j];
  if (rank === 0) return { A: new Float64Array(0), b: new Float64Array(0), truthEnergy };

  const leading = leadingColumns(vectors, rank);
  if (form === 'dual') {
    const weighted = gram(whitenRows(X, covariance));
    const half = matmul(weighted, leading);
    const A = matmul(leading, half, { transposeA: true }).data;
    const b = projectOntoEigenvectors(vectors, multiply(X, sigmaThetaStar), rank);
    return { A, b, truthEnergy };
  }
  const leadingRows = leading.transpose();
  const A = gram(whitenRows(leadingRows, covariance)).data;
  const b = multiply(leadingRows, sigmaThetaStar);
  return { A, b, truthEnergy };
}

/** Checks a grid of λ values (an array or typed array of finite λ ≥ 0). */
function readLambdas(lambdas: ArrayLike<number>): Float64Array {
  if (lambdas === null || typeof lambdas !== 'object' || typeof lambdas.length !== 'number') {
    throw new LinearModelError('lambdas', `expected an array of λ values, got ${String(lambdas)}`);
  }
  const grid = new Float64Array(lambdas.length);
  for (let i = 0; i < grid.length; i++) grid[i] = assertLambda(`lambdas[${i}]`, lambdas[i]);
  return grid;
}

/** The first `count` columns of a square matrix, as a rows×count matrix. */
function leadingColumns(vectors: Matrix, count: number): Matrix {
  const { rows, cols, data } = vectors;
  const out = new Float64Array(rows * count);
  for (let i = 0; i < rows; i++) out.set(data.subarray(i * cols, i * cols + count), i * count);
  return new Matrix(rows, count, out);
}

/** σ² when Σ = σ²I (every eigenvalue equal, whatever the basis), else undefined. */
function isotropicVarianceOf(covariance: Covariance): number | undefined {
  const { eigenvalues } = covariance;
  const first = eigenvalues[0];
  for (let j = 1; j < eigenvalues.length; j++) if (eigenvalues[j] !== first) return undefined;
  return first;
}

/** `[a, b]` as an n×2 matrix (or n×1 without b), the right-hand sides of one projection. */
function twoColumns(a: Float64Array, b: Float64Array | undefined): Matrix {
  if (b === undefined) return new Matrix(a.length, 1, a.slice());
  const out = new Matrix(a.length, 2);
  for (let i = 0; i < a.length; i++) {
    out.data[2 * i] = a[i];
    out.data[2 * i + 1] = b[i];
  }
  return out;
}

/**
 * The standard risk for Σ = σ²I from the spectrum alone, O(r) per λ: with a_k the
 * coordinates of θ̂_λ (c_k/(μ_k + nλ), c the label coordinates),
 * dual `σ²(Σ μ_k a_k² − 2 Σ a_k s_k + ‖θ*‖²)` where s = Uᵀ(Xθ*) (θ̂ = XᵀU a, UᵀXXᵀU = diag μ);
 * primal `σ²(Σ a_k² − 2 Σ a_k t_k + ‖θ*‖²)` where t = Vᵀθ* (θ̂ = V a).
 */
function isotropicRisk(
  form: 'dual' | 'primal',
  shift: number,
  mu: Float64Array,
  labelCoordinates: Float64Array,
  truthCoordinates: Float64Array,
  truthNormSquared: number,
  variance: number,
): number {
  let quadratic = 0;
  let linear = 0;
  for (let k = 0; k < mu.length; k++) {
    const a = labelCoordinates[k] / (mu[k] + shift);
    quadratic += form === 'dual' ? mu[k] * a * a : a * a;
    linear += a * truthCoordinates[k];
  }
  return Math.max(variance * (quadratic - 2 * linear + truthNormSquared), 0);
}
