import { dot, Matrix, matmul, matvec } from '@benignlab/linalg';
import { DataError } from '../errors.js';
import { assertSeed, deriveSeed, type Seed } from '../rng/seed.js';
import { createRng, type Rng } from '../rng/xoshiro256.js';
import { spectrumOf } from './covariance-spectrum.js';
import { haarOrthogonal } from './haar-orthogonal.js';
import type { DesignSpec, FeatureLaw, NoiseSpec, ResolvedDesignSpec, TargetSpec } from './spec.js';
import { resolveDesignSpec } from './spec.js';
import { buildThetaStar } from './theta-star.js';

/** A sample of n i.i.d. pairs from a design. */
export interface DesignSample {
  /** n×p design, rows are samples `x_i = B Λ^{1/2} z_i`. */
  X: Matrix;
  /** Noisy labels `y_i = f*(x_i) + ε_i`, length n. */
  y: Float64Array;
  /** Noise-free labels `f*(x_i)`, length n. */
  clean: Float64Array;
}

/** Σ in the form the risk package takes: eigenvalues and, if not diagonal, the eigenbasis. */
export interface CovarianceDescription {
  readonly eigenvalues: Float64Array;
  readonly basis?: Matrix;
}

/** A population: Σ, θ*, the noise and the target; draws samples from seeds. */
export interface Design {
  /** The validated spec with every default filled in (plain JSON). */
  readonly spec: ResolvedDesignSpec;
  /** Dimension p. */
  readonly p: number;
  /** λ_1 ≥ … ≥ λ_p > 0 (non-increasing). Shared, do not mutate. */
  readonly eigenvalues: Float64Array;
  /** Orthogonal p×p eigenbasis B (columns are eigenvectors); undefined when Σ is diagonal. */
  readonly basis: Matrix | undefined;
  /** `{ eigenvalues, basis? }`, Σ = B diag(λ) Bᵀ, for `@benignlab/adversarial-risk`. */
  readonly covariance: CovarianceDescription;
  /** θ* in ambient coordinates: f*(x) = ⟨x, θ*⟩ (linear target). */
  readonly thetaStar: Float64Array;
  /** θ* in eigenbasis coordinates, `Bᵀθ*` (what [Theory §4](https://benignlab.github.io/theory.html#section-4) calls θ*_j). */
  readonly thetaStarEigen: Float64Array;
  /** The label noise law and σ. */
  readonly noise: Required<NoiseSpec>;
  /** The law of the whitened coordinates z. */
  readonly features: FeatureLaw;
  /** The target f*. */
  readonly target: TargetSpec;
  /**
   * f*(x) for one input x of length p.
   * @param x one input, length p
   */
  targetAt(x: Float64Array): number;
  /**
   * f*(x_i) for every row of X (n×p), a new vector of length n.
   * @param X inputs as rows, n×p
   */
  evaluateTarget(X: Matrix): Float64Array;
  /**
   * n training pairs from streams `deriveSeed(seed, 'train', …)`.
   * @param n number of training pairs (integer ≥ 1)
   * @param seed root seed (integer from 0 to 2^53 − 1); the same seed gives the same sample
   */
  sample(n: number, seed: Seed): DesignSample;
  /**
   * m test pairs from streams `deriveSeed(seed, 'test', …)`, independent of `sample`.
   * @param m number of test pairs (integer ≥ 1)
   * @param seed root seed (integer from 0 to 2^53 − 1); draws from the `'test'` streams, so they never overlap `sample`'s
   */
  testSample(m: number, seed: Seed): DesignSample;
}

/** Rows generated per block when a random basis needs a matrix product. */
const BASIS_BLOCK_ROWS = 64;
const SQRT_3 = Math.sqrt(3);

function fillWhitened(rng: Rng, law: FeatureLaw, out: Float64Array): void {
  if (law === 'gaussian') rng.fillNormal(out);
  else if (law === 'rademacher') rng.fillRademacher(out);
  else rng.fillUniform(out, -SQRT_3, SQRT_3);
}

/**
 * Builds a design from a plain-JSON spec ([Theory §1](https://benignlab.github.io/theory.html#section-1)): features `x = B Λ^{1/2} z` with
 * `z` i.i.d. zero-mean unit-variance coordinates (Gaussian, Rademacher or uniform on
 * [−√3, √3]), `Σ = B Λ Bᵀ`, labels `y = f*(x) + ε`.
 *
 * Decisions: the whitened coordinates are independent *in the eigenbasis* (the model of
 * Bartlett et al., 2020); for Gaussian z this equals `Σ^{1/2} z`. θ* is exposed in ambient
 * coordinates (`thetaStar`, what risks take) and eigen coordinates (`thetaStarEigen`,
 * what theory curves take). A random basis costs O(p³) once and O(p²) per row.
 *
 * Sampling streams rows into one preallocated n×p buffer (no copy of X), so n = 2000,
 * p = 20000 needs 320 MB and nothing more of that order. Rows come in stream order, so
 * `sample(n₁, seed)` is the first n₁ rows of `sample(n₂, seed)` for n₁ < n₂.
 *
 * @param spec the design, validated field by field (a `DataError` names the bad field)
 * @example
 * ```ts
 * const design = makeDesign({
 *   covariance: { kind: 'spikedScaled', n: 200, a: 1.5, b: 1, s: 5 },
 *   noise: { sigma: 0.5 },
 * });
 * const { X, y } = design.sample(200, 1); // 200 × 2834
 * const test = design.testSample(1000, 1);
 * ```
 */
export function makeDesign(spec: DesignSpec): Design {
  const resolved = resolveDesignSpec(spec);
  const eigenvalues = spectrumOf(resolved.covariance);
  const p = eigenvalues.length;
  const basis =
    resolved.covariance.basis === 'random' ? haarOrthogonal(p, resolved.covariance.basisSeed) : undefined;
  const theta = buildThetaStar(resolved.thetaStar, p, basis);
  const sqrtEigenvalues = eigenvalues.map(Math.sqrt);
  const thetaStar = theta.ambient;
  const linkTanh = resolved.target.kind === 'singleIndex';
  const { features, noise } = resolved;

  const targetAt = (x: Float64Array): number => {
    if (!(x instanceof Float64Array) || x.length !== p) {
      throw new DataError('x', `expected a Float64Array of length p = ${p}, got ${describeInput(x)}`);
    }
    const index = dot(x, thetaStar);
    return linkTanh ? Math.tanh(index) : index;
  };

  const evaluateTarget = (X: Matrix): Float64Array => {
    if (!(X instanceof Matrix) || X.cols !== p) {
      throw new DataError('X', `expected a Matrix with p = ${p} columns, got ${describeInput(X)}`);
    }
    const index = matvec(X, thetaStar);
    if (linkTanh) for (let i = 0; i < index.length; i++) index[i] = Math.tanh(index[i] as number);
    return index;
  };

  const draw = (argument: string, count: number, seed: Seed, stream: 'train' | 'test'): DesignSample => {
    if (!Number.isInteger(count) || count < 1) {
      throw new DataError(argument, `got ${describeInput(count)}; expected an integer ≥ 1 (the sample size)`);
    }
    assertSeed('seed', seed);
    const featureRng = createRng(deriveSeed(seed, stream, 'features'));
    const noiseRng = createRng(deriveSeed(seed, stream, 'noise'));
    const X = new Matrix(count, p);
    if (basis === undefined) {
      for (let i = 0; i < count; i++) {
        const row = X.data.subarray(i * p, (i + 1) * p);
        fillWhitened(featureRng, features, row);
        for (let j = 0; j < p; j++) row[j] = (row[j] as number) * (sqrtEigenvalues[j] as number);
      }
    } else {
      // x_i = B (Λ^{1/2} z_i): rows of a block W (b×p) map to W Bᵀ, one product per block.
      const block = new Matrix(Math.min(BASIS_BLOCK_ROWS, count), p);
      for (let start = 0; start < count; start += block.rows) {
        const rows = Math.min(block.rows, count - start);
        const W = rows === block.rows ? block : new Matrix(rows, p, block.data.subarray(0, rows * p));
        for (let r = 0; r < rows; r++) {
          const row = W.data.subarray(r * p, (r + 1) * p);
          fillWhitened(featureRng, features, row);
          for (let j = 0; j < p; j++) row[j] = (row[j] as number) * (sqrtEigenvalues[j] as number);
        }
        X.data.set(matmul(W, basis, { transposeB: true }).data, start * p);
      }
    }
    const clean = evaluateTarget(X);
    const y = new Float64Array(count);
    if (noise.law === 'gaussian') noiseRng.fillNormal(y, 0, noise.sigma);
    else {
      noiseRng.fillRademacher(y);
      for (let i = 0; i < count; i++) y[i] = (y[i] as number) * noise.sigma;
    }
    for (let i = 0; i < count; i++) y[i] = (y[i] as number) + (clean[i] as number);
    return { X, y, clean };
  };

  const covariance: CovarianceDescription = basis === undefined ? { eigenvalues } : { eigenvalues, basis };
  return {
    spec: resolved,
    p,
    eigenvalues,
    basis,
    covariance,
    thetaStar,
    thetaStarEigen: theta.eigen,
    noise,
    features,
    target: resolved.target,
    targetAt,
    evaluateTarget,
    sample: (n, seed) => draw('n', n, seed, 'train'),
    testSample: (m, seed) => draw('m', m, seed, 'test'),
  };
}

function describeInput(value: unknown): string {
  if (value instanceof Matrix) return `a ${value.shape} Matrix`;
  if (value instanceof Float64Array) return `a Float64Array of length ${value.length}`;
  return typeof value === 'number' ? String(value) : typeof value;
}
