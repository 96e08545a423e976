import { describeValue, gram as gramOf, Matrix } from '@benignlab/linalg';
import { MAX_DIMENSION } from '../design/validate-fields.js';
import { DataError } from '../errors.js';
import { assertSeed, deriveSeed, type Seed } from '../rng/seed.js';
import { createRng } from '../rng/xoshiro256.js';
import { bartlettFactor } from './bartlett-gram.js';
import { laguerreEigenvalues } from './laguerre-eigenvalues.js';

/**
 * A Gaussian design with s spike coordinates of variances λ₁…λ_s, a tail of m coordinates
 * with common variance τ, θ* on the spikes and Gaussian noise: `x = [u, √τ·z]`,
 * `u ~ N(0, diag λ)`, `z ~ N(0, I_m)`, `y = ⟨u, θ*⟩ + ε`, `ε ~ N(0, σ²)`. p = s + m.
 */
export interface SpikedTailDesignSpec {
  /** λ₁…λ_s > 0, the spike variances (s ≥ 1). A tail direction θ* leans on goes here too, with variance τ. */
  spikeVariances: readonly number[] | Float64Array;
  /** τ > 0, the common variance of the tail coordinates. */
  tailVariance: number;
  /** m ≥ 1, the number of tail coordinates. */
  tailDimension: number;
  /** θ* in the spike coordinates, length s (zero on the tail). */
  thetaStar: readonly number[] | Float64Array;
  /** Noise standard deviation σ ≥ 0. */
  sigma: number;
}

/**
 * A draw for estimators of the form `θ̂ = Xᵀa`, `a = h(XXᵀ)y`, in the rotated basis of the
 * tail Gram matrix `W = τZZᵀ = O·diag(tailEigenvalues)·Oᵀ`: in law `XXᵀ ≅ D + ŨŨᵀ` and
 * `y ≅ Ũθ* + ε̃` (O is Haar and independent of everything else, so `Ũ = OᵀU`, `ε̃ = Oᵀε`
 * are again i.i.d. Gaussian). With `b = Oᵀa`: `θ̂_spikes = Ũᵀb`, `‖θ̂_tail‖² = bᵀDb`.
 */
export interface SpectralSample {
  /** Sample size n. */
  readonly n: number;
  /** D, the n eigenvalues of W = τZZᵀ (ascending; τ × a Laguerre draw). */
  readonly tailEigenvalues: Float64Array;
  /** Ũ, n×s: the spike coordinates in the rotated basis (column j has variance λ_j). */
  readonly spikes: Matrix;
  /** ỹ = Ũθ* + ε̃, the labels in the rotated basis. */
  readonly y: Float64Array;
  /** ε̃, the noise in the rotated basis (so ‖ε̃‖ = ‖ε‖). */
  readonly noise: Float64Array;
  /**
   * `‖g‖₁/‖g‖₂` for g ~ N(0, I_m), independent of the rest. The tail part of any such θ̂ is
   * uniformly distributed on its sphere given everything else, so
   * `‖θ̂_tail‖₁ = ‖θ̂_tail‖₂ · tailL1Ratio()` in law (for ℓ∞ budgets). Drawn on first call
   * (O(m) time, O(1) memory beyond a 64k buffer).
   */
  tailL1Ratio(): number;
}

/**
 * A joint draw of the Gram matrix of n training and t test points, for kernels that see the
 * points only through inner products: `G = UUᵀ + τLLᵀ` with L the Bartlett factor (an exact
 * Wishart draw of the tail Gram matrix), no p-dimensional vector formed.
 */
export interface GramSample {
  /** Training points n; rows 0…n−1 of everything below. */
  readonly n: number;
  /** Test points t; rows n…n+t−1. */
  readonly testSize: number;
  /**
   * An isometric realization of the n + t points: an (n+t)×(r+s) matrix (r = min(n+t, m))
   * whose rows have exactly the inner products of the points, `[√τ·L_i, u_i]`. The last s
   * columns are the spike coordinates, so `f*(x) = ⟨x, [0, θ*]⟩` (see
   * {@link GramSample.embeddedThetaStar}). Any method that sees the points only through
   * inner products, or moves them only within their span (gradient steps of a kernel
   * predictor from δ = 0), gives on these rows what it gives on the p-dimensional points.
   */
  readonly points: Matrix;
  /** θ* in the coordinates of {@link GramSample.points}: zero, then θ* on the last s columns. */
  readonly embeddedThetaStar: Float64Array;
  /** The (n+t)×(n+t) Gram matrix ⟨x_i, x_j⟩ of training then test points (computed on first call, cached). */
  gram(): Matrix;
  /** (n+t)×s spike coordinates u_i (f*(x) = ⟨u, θ*⟩). */
  readonly spikes: Matrix;
  /** f*(x_i) = ⟨u_i, θ*⟩ for all n + t points. */
  readonly clean: Float64Array;
  /** Training labels y_i = f*(x_i) + ε_i, length n. */
  readonly y: Float64Array;
}

/** The design object of {@link spikedTailDesign}. */
export interface SpikedTailDesign {
  readonly spikeVariances: Float64Array;
  readonly tailVariance: number;
  readonly tailDimension: number;
  /** p = s + m. */
  readonly p: number;
  readonly thetaStar: Float64Array;
  readonly sigma: number;
  /** tr Σ = Σλ_j + mτ. */
  readonly trace: number;
  /**
   * A rotated-basis draw of n training pairs (streams `deriveSeed(seed, 'spectral', …)`).
   * @param n number of training pairs, an integer ≥ 1
   * @param seed the random seed; same seed, same bits
   */
  spectralSample(n: number, seed: Seed): SpectralSample;
  /**
   * The joint Gram matrix of n training and t test points (streams `deriveSeed(seed, 'gram', …)`).
   * @param n number of training points, an integer ≥ 1 (rows 0…n−1)
   * @param testSize number of test points t, an integer ≥ 0 (rows n…n+t−1)
   * @param seed the random seed; same seed, same bits
   */
  gramSample(n: number, testSize: number, seed: Seed): GramSample;
}

function requirePositiveList(path: string, value: unknown): Float64Array {
  const isList = Array.isArray(value) || value instanceof Float64Array;
  if (!isList || (value as ArrayLike<unknown>).length === 0) {
    throw new DataError(path, `got ${describeValue(value)}; expected a non-empty list of positive numbers`);
  }
  const list = Float64Array.from(value as ArrayLike<number>);
  list.forEach((v, j) => {
    if (!(Number.isFinite(v) && v > 0))
      throw new DataError(path, `entry ${j} is ${v}; expected a finite number > 0`);
  });
  return list;
}

/**
 * The exact shortcut samplers for a spiked design with an isotropic tail (see
 * {@link SpikedTailDesignSpec}): {@link SpikedTailDesign.spectralSample} gives what every
 * linear estimator `θ̂ = Xᵀh(XXᵀ)y` (min-norm, ridge, gradient descent) needs in O(n·s)
 * memory and O(n²) time (the Laguerre eigenvalues by the Dumitriu–Edelman bidiagonal model);
 * {@link SpikedTailDesign.gramSample} gives the Gram matrix of training and test points in
 * O(N²) memory (Bartlett). Both are equal in law to the dense route (`makeDesign`), whatever
 * p. Same seed, same bits, on any engine and thread count.
 *
 * Conditions are checked with a `DataError` naming the field: θ* lives on the spikes (put
 * one tail direction θ* leans on among the spikes with variance τ, see
 * {@link spikedTailDesignFromSpec}), sizes are integers, variances positive.
 *
 * @param spec the design: `spikeVariances` λ₁…λ_s > 0, `tailVariance` τ > 0, `tailDimension` m ≥ 1 (integer), `thetaStar` θ* on the spikes (length s) and noise standard deviation `sigma` σ ≥ 0; see {@link SpikedTailDesignSpec}
 * @example
 * ```ts
 * const design = spikedTailDesign({
 *   spikeVariances: [1, 1, 1, 1, 1], tailVariance: 1e-4, tailDimension: 1_000_000,
 *   thetaStar: [0.4472, 0.4472, 0.4472, 0.4472, 0.4472], sigma: 0.5,
 * });
 * const sample = design.spectralSample(1000, 1); // D (10³), Ũ (10³×5), ỹ: p = 10⁶ + 5 never materialized
 * ```
 */
export function spikedTailDesign(spec: SpikedTailDesignSpec): SpikedTailDesign {
  if (spec === null || typeof spec !== 'object') {
    throw new DataError('spec', `expected an object, got ${describeValue(spec)}`);
  }
  const spikeVariances = requirePositiveList('spec.spikeVariances', spec.spikeVariances);
  const s = spikeVariances.length;
  const tailVariance = spec.tailVariance;
  if (typeof tailVariance !== 'number' || !(Number.isFinite(tailVariance) && tailVariance > 0)) {
    throw new DataError(
      'spec.tailVariance',
      `got ${describeValue(tailVariance)}; expected a finite number > 0`,
    );
  }
  const m = spec.tailDimension;
  if (!Number.isInteger(m) || m < 1 || m + s > MAX_DIMENSION) {
    throw new DataError(
      'spec.tailDimension',
      `got ${describeValue(m)}; expected an integer from 1 to ${MAX_DIMENSION - s} (p = s + m ≤ ${MAX_DIMENSION})`,
    );
  }
  const isList = Array.isArray(spec.thetaStar) || spec.thetaStar instanceof Float64Array;
  if (!isList || spec.thetaStar.length !== s) {
    throw new DataError(
      'spec.thetaStar',
      `got ${describeValue(spec.thetaStar)}; expected ${s} finite numbers (θ* on the s spike coordinates; a tail direction θ* uses is one more spike of variance τ)`,
    );
  }
  const thetaStar = Float64Array.from(spec.thetaStar as ArrayLike<number>);
  thetaStar.forEach((v, j) => {
    if (!Number.isFinite(v))
      throw new DataError('spec.thetaStar', `entry ${j} is ${v}; expected finite numbers`);
  });
  const sigma = spec.sigma;
  if (typeof sigma !== 'number' || !(Number.isFinite(sigma) && sigma >= 0)) {
    throw new DataError('spec.sigma', `got ${describeValue(sigma)}; expected a finite number ≥ 0`);
  }
  let trace = m * tailVariance;
  for (const v of spikeVariances) trace += v;
  const spikeScales = spikeVariances.map(Math.sqrt);

  /** n×s Gaussian rows with column scales √λ_j, then f* and labels. */
  const spikeRows = (rows: number, seed: Seed, stream: string) => {
    const U = new Matrix(rows, s);
    createRng(deriveSeed(seed, stream, 'spikes')).fillNormal(U.data);
    const clean = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      let value = 0;
      for (let j = 0; j < s; j++) {
        const entry = (U.data[i * s + j] as number) * (spikeScales[j] as number);
        U.data[i * s + j] = entry;
        value += entry * (thetaStar[j] as number);
      }
      clean[i] = value;
    }
    return { U, clean };
  };

  const requireN = (name: string, value: number, minimum: number) => {
    if (!Number.isInteger(value) || value < minimum || value > MAX_DIMENSION) {
      throw new DataError(
        name,
        `got ${describeValue(value)}; expected an integer from ${minimum} to ${MAX_DIMENSION}`,
      );
    }
  };

  return {
    spikeVariances,
    tailVariance,
    tailDimension: m,
    p: s + m,
    thetaStar,
    sigma,
    trace,
    spectralSample(n, seed) {
      requireN('n', n, 1);
      assertSeed('seed', seed);
      const tailEigenvalues = laguerreEigenvalues(n, m, createRng(deriveSeed(seed, 'spectral', 'tail')));
      for (let i = 0; i < n; i++) tailEigenvalues[i] = (tailEigenvalues[i] as number) * tailVariance;
      const { U, clean } = spikeRows(n, seed, 'spectral');
      const noise = createRng(deriveSeed(seed, 'spectral', 'noise')).fillNormal(
        new Float64Array(n),
        0,
        sigma,
      );
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) y[i] = (clean[i] as number) + (noise[i] as number);
      let ratio: number | undefined;
      return {
        n,
        tailEigenvalues,
        spikes: U,
        y,
        noise,
        tailL1Ratio() {
          if (ratio === undefined) ratio = gaussianL1Ratio(m, deriveSeed(seed, 'spectral', 'l1'));
          return ratio;
        },
      };
    },
    gramSample(n, testSize, seed) {
      requireN('n', n, 1);
      requireN('testSize', testSize, 0);
      assertSeed('seed', seed);
      const rows = n + testSize;
      const { U, clean } = spikeRows(rows, seed, 'gram');
      const L = bartlettFactor(rows, m, createRng(deriveSeed(seed, 'gram', 'tail')));
      // G = τLLᵀ + UUᵀ: scale L by √τ and append U's columns, then one Gram product.
      const r = L.cols;
      const joined = new Matrix(rows, r + s);
      const rootTau = Math.sqrt(tailVariance);
      for (let i = 0; i < rows; i++) {
        for (let k = 0; k < r; k++) joined.data[i * (r + s) + k] = (L.data[i * r + k] as number) * rootTau;
        for (let j = 0; j < s; j++) joined.data[i * (r + s) + r + j] = U.data[i * s + j] as number;
      }
      const y = createRng(deriveSeed(seed, 'gram', 'noise')).fillNormal(new Float64Array(n), 0, sigma);
      for (let i = 0; i < n; i++) y[i] = (y[i] as number) + (clean[i] as number);
      const embeddedThetaStar = new Float64Array(r + s);
      embeddedThetaStar.set(thetaStar, r);
      let cached: Matrix | undefined;
      return {
        n,
        testSize,
        points: joined,
        embeddedThetaStar,
        gram: () => {
          if (cached === undefined) cached = gramOf(joined);
          return cached;
        },
        spikes: U,
        clean,
        y,
      };
    },
  };
}

/** ‖g‖₁/‖g‖₂ for g ~ N(0, I_m), drawn in blocks (O(m) time, 64k doubles of memory). */
function gaussianL1Ratio(m: number, seed: Seed): number {
  const rng = createRng(seed);
  const block = new Float64Array(Math.min(m, 65536));
  let sumAbs = 0;
  let sumSquares = 0;
  for (let done = 0; done < m; done += block.length) {
    const part = block.length <= m - done ? block : block.subarray(0, m - done);
    rng.fillNormal(part);
    for (let i = 0; i < part.length; i++) {
      const g = part[i] as number;
      sumAbs += Math.abs(g);
      sumSquares += g * g;
    }
  }
  return sumSquares > 0 ? sumAbs / Math.sqrt(sumSquares) : 0;
}
