import {
  assertKnownOptions,
  assertMatrix,
  assertVector,
  cholesky,
  describeValue,
  LinalgError,
  Matrix,
  matmul,
  toFloat64Vector,
  type VectorInput,
} from '@benignlab/linalg';
import { NtkError } from './errors.js';
import { KernelSpectrum } from './kernel-spectrum.js';
import { type NtkLayers, readLayers } from './layers.js';
import { PARALLEL_SINE } from './ntk-input-gradient.js';
import { INV_TWO_PI } from './pair-angle.js';

/** Options of {@link ntkGramRegression}. */
export interface NtkGramRegressionOptions {
  /** `'first'` for `K₁`, `'both'` (default) for `K₁ + K₂`. */
  layers?: NtkLayers;
  /** Ridge parameter λ ≥ 0 in `K + nλI`; default 0 (the interpolant). */
  lambda?: number;
}

/** Options of {@link ntkGramRegressionPath}. */
export interface NtkGramRegressionPathOptions {
  /** `'first'` for `K₁`, `'both'` (default) for `K₁ + K₂`. */
  layers?: NtkLayers;
  /** Ridge parameters λ ≥ 0 of `K + nλI` (any order, kept as given; 0 interpolates). */
  lambdas: readonly number[] | Float64Array;
}

/** NTK kernel regression computed from inner products only (see {@link ntkGramRegression}). */
export interface NtkGramFit {
  readonly layers: NtkLayers;
  readonly lambda: number;
  /** Training points n. */
  readonly n: number;
  /** `α = (K(X, X) + nλI)^{-1}Y`, length n. */
  readonly coefficients: Float64Array;
  /** `(1/n)‖Y − f̂(X)‖²`. */
  readonly trainingError: number;
  /** `αᵀK(X, X)α`. */
  readonly rkhsNormSquared: number;
  /** `f̂(t)` at the t test points (rows n… of the Gram matrix). */
  readonly predictions: Float64Array;
  /** `‖∇_x f̂(t)‖₂²` at the test points. */
  readonly inputGradientNormsSquared: Float64Array;
}

/** One NTK value from the inner product u and the two norms (an off-diagonal pair). */
function kernelValue(u: number, normA: number, normB: number, both: boolean): number {
  const product = normA * normB;
  if (product === 0) return 0;
  let c = u / product;
  if (c > 1) c = 1;
  else if (c < -1) c = -1;
  const angle = Math.acos(c);
  const complement = Math.PI - angle;
  const first = u * complement * INV_TWO_PI;
  if (!both) return first;
  return first + product * (Math.sqrt((1 - c) * (1 + c)) + complement * c) * INV_TWO_PI;
}

/**
 * Kernel regression with the two-layer ReLU NTK when only the inner products of the points
 * are known: `gram` is the (n+t)×(n+t) Gram matrix `⟨x_i, x_j⟩` of n training points then t
 * test points (e.g. `gramSample` of `@benignlab/data`, an exact draw with no p-dimensional
 * vector). The kernels ([Theory §5](https://benignlab.github.io/theory.html#section-5)), the fit `α = (K + nλI)^{-1}Y`, the test predictions
 * `f̂(t) = K(t, X)α` and the input-gradient norms all depend on the points through inner
 * products only: `∇f̂(t) = Σᵢ αᵢaᵢ(t)xᵢ + b(t)·t` (the coefficients of `ntkInputGradient`),
 * so `‖∇f̂(t)‖² = aᵀG_XXa + 2b·aᵀG_Xt + b²G_tt`. Same conventions as {@link ntkRegression}
 * (pseudo-inverse for a singular K at λ = 0, the averaged gradient at parallel pairs); angles
 * of nearly parallel distinct pairs come from `acos` of the cosine (the dense route refines
 * them from the rows, which a Gram matrix does not have; such pairs do not occur for
 * Gaussian points in high dimension).
 *
 * One λ is solved by a Cholesky factorization of `K + nλI` (n³/3 multiply-adds, blocked);
 * only a (numerically) singular matrix — a pivot² at or below √ε·max Kᵢᵢ, e.g. duplicated
 * points at λ = 0 — falls back to the eigendecomposition and its pseudo-inverse. For a path
 * over several λ use {@link ntkGramRegressionPath} (one eigendecomposition for all).
 *
 * Cost: O(n³) for the fit, O(t·n²) for the gradient norms, O(n²) memory; independent of p.
 *
 * @param gram (n+t)×(n+t) symmetric Gram matrix, training rows first
 * @param n number of training points (1 ≤ n ≤ rows)
 * @param y length-n training targets
 * @param options `layers` (default `'both'`), `lambda` (default 0)
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [0, 1], [1, 1]]); // two training points, one test point
 * const fit = ntkGramRegression(gram(X), 2, Float64Array.of(1, -1), { layers: 'first' });
 * fit.predictions; // f̂ at (1, 1), the same as ntkRegression(…).predict
 * ```
 */
export function ntkGramRegression(
  gram: Matrix,
  n: number,
  y: VectorInput,
  options: NtkGramRegressionOptions = {},
): NtkGramFit {
  assertKnownOptions('options', options, ['layers', 'lambda']);
  const lambda = options.lambda ?? 0;
  readLambda('options.lambda', lambda);
  const layers = readLayers('options.layers', options.layers);
  return ntkGramRegressionPath(gram, n, y, { layers, lambdas: [lambda] })[0] as NtkGramFit;
}

/**
 * {@link ntkGramRegression} over a path of ridge parameters from one factorization: one
 * eigendecomposition `K(X, X) = U diag(μ) Uᵀ` serves every λ (`α_λ = U diag(1/(μ + nλ)) UᵀY`,
 * the pseudo-inverse's null space at λ = 0), and the test-side kernel values and gradient
 * coefficients are computed once; each λ then costs one t×n by n×n product for the gradient
 * norms. A single λ is solved by Cholesky as in {@link ntkGramRegression}.
 *
 * Cost: O(n³) once, O(t·n²) per λ, O(n² + t·n) memory; independent of p.
 *
 * @param gram (n+t)×(n+t) symmetric Gram matrix, training rows first
 * @param n number of training points (1 ≤ n ≤ rows)
 * @param y length-n training targets
 * @param options `lambdas` (each finite and ≥ 0, at least one), `layers` (default `'both'`)
 * @returns one fit per λ, in the order of `lambdas`
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [0, 1], [1, 1]]);
 * const [interpolant, ridge] = ntkGramRegressionPath(gram(X), 2, Float64Array.of(1, -1), { lambdas: [0, 0.1] });
 * ridge.trainingError > interpolant.trainingError; // true
 * ```
 */
export function ntkGramRegressionPath(
  gram: Matrix,
  n: number,
  y: VectorInput,
  options: NtkGramRegressionPathOptions,
): NtkGramFit[] {
  assertMatrix('gram', gram);
  const N = gram.rows;
  if (gram.cols !== N) throw new NtkError('gram', `is ${gram.shape}; expected a square Gram matrix`);
  if (!Number.isInteger(n) || n < 1 || n > N) {
    throw new NtkError(
      'n',
      `got ${describeValue(n)}; expected an integer from 1 to ${N} (the training rows of gram)`,
    );
  }
  const labels = assertVector('y', toFloat64Vector(y), n);
  if (options === null || typeof options !== 'object') {
    throw new NtkError('options', `expected { lambdas, layers }, got ${describeValue(options)}`);
  }
  assertKnownOptions('options', options, ['layers', 'lambdas']);
  const layers = readLayers('options.layers', options.layers);
  const both = layers === 'both';
  const given = options.lambdas;
  if (!(Array.isArray(given) || given instanceof Float64Array) || given.length === 0) {
    throw new NtkError(
      'options.lambdas',
      `got ${describeValue(given)}; expected a non-empty array of numbers ≥ 0`,
    );
  }
  const lambdas = Float64Array.from(given as ArrayLike<number>, (lambda, k) =>
    readLambda(`options.lambdas[${k}]`, lambda),
  );
  const G = gram.data;
  const norms = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const squared = G[i * N + i] as number;
    if (!(squared >= 0))
      throw new NtkError('gram', `has diagonal entry ${i} = ${squared}; expected ⟨x, x⟩ ≥ 0`);
    norms[i] = Math.sqrt(squared);
  }
  // K(X, X): φ = 0 on the diagonal (K₁ = ‖x‖²/2, K₂ = ‖x‖²/2), mirrored for exact symmetry.
  const K = new Matrix(n, n);
  const GXX = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    const squared = G[i * N + i] as number;
    K.data[i * n + i] = both ? squared : squared / 2;
    GXX.data[i * n + i] = squared;
    for (let j = i + 1; j < n; j++) {
      const u = G[i * N + j] as number;
      const value = kernelValue(u, norms[i] as number, norms[j] as number, both);
      K.data[i * n + j] = value;
      K.data[j * n + i] = value;
      GXX.data[i * n + j] = u;
      GXX.data[j * n + i] = u;
    }
  }
  const solutions = (lambdas.length === 1 ? choleskyFit(K, labels, lambdas[0] as number) : undefined) ?? [
    ...spectralFits(K, labels, lambdas),
  ];
  const test = testTerms(G, N, n, norms, both);
  return solutions.map((solution, k) => ({
    layers,
    lambda: lambdas[k] as number,
    n,
    ...solution,
    ...testQuantities(test, G, N, n, GXX, solution.coefficients),
  }));
}

/** The λ-independent part of a fit: coefficients, training error and RKHS norm. */
interface Solution {
  coefficients: Float64Array;
  trainingError: number;
  rkhsNormSquared: number;
}

/**
 * `α = (K + nλI)⁻¹Y` by Cholesky, or undefined when `K + nλI` is not safely positive
 * definite (the caller then takes the eigendecomposition's pseudo-inverse). Since every
 * pivot² is at least the smallest eigenvalue, a pivot² ≤ √ε·max Kᵢᵢ flags a matrix whose
 * null space the pseudo-inverse would drop.
 */
function choleskyFit(K: Matrix, y: Float64Array, lambda: number): Solution[] | undefined {
  const n = K.rows;
  const shift = n * lambda;
  const shifted = K.clone();
  let largest = 0;
  for (let i = 0; i < n; i++) {
    shifted.data[i * n + i] = (shifted.data[i * n + i] as number) + shift;
    largest = Math.max(largest, shifted.data[i * n + i] as number);
  }
  let L: Matrix;
  try {
    L = cholesky(shifted);
  } catch (error) {
    if (error instanceof LinalgError) return undefined;
    throw error;
  }
  const l = L.data;
  const floor = Math.sqrt(Number.EPSILON) * largest;
  for (let i = 0; i < n; i++) if (!((l[i * n + i] as number) ** 2 > floor)) return undefined;
  // L z = y, then Lᵀ α = z.
  const alpha = y.slice();
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = alpha[i] as number;
    for (let p = 0; p < i; p++) sum -= (l[row + p] as number) * (alpha[p] as number);
    alpha[i] = sum / (l[row + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    const value = (alpha[i] as number) / (l[i * n + i] as number);
    alpha[i] = value;
    const row = i * n;
    for (let p = 0; p < i; p++) alpha[p] = (alpha[p] as number) - (l[row + p] as number) * value;
  }
  // Y − Kα = nλα, so the residual and αᵀKα = αᵀY − nλ‖α‖² need no product with K.
  let alphaSquared = 0;
  let alphaY = 0;
  for (let i = 0; i < n; i++) {
    alphaSquared += (alpha[i] as number) ** 2;
    alphaY += (alpha[i] as number) * (y[i] as number);
  }
  return [
    {
      coefficients: alpha,
      trainingError: (shift * shift * alphaSquared) / n,
      rkhsNormSquared: alphaY - shift * alphaSquared,
    },
  ];
}

/** Every λ from one eigendecomposition (the pseudo-inverse at λ = 0). */
function* spectralFits(K: Matrix, y: Float64Array, lambdas: Float64Array): Generator<Solution> {
  const spectrum = new KernelSpectrum(K, y);
  const n = K.rows;
  const filtered = new Matrix(lambdas.length, n);
  const filters: Float64Array[] = [];
  for (let k = 0; k < lambdas.length; k++) {
    const filter = spectrum.filter(lambdas[k] as number, new Float64Array(n));
    filters.push(filter);
    for (let i = 0; i < n; i++)
      filtered.data[k * n + i] = (spectrum.projectedTargets[i] as number) * (filter[i] as number);
  }
  // Row k of (filtered · Uᵀ) is α at λₖ.
  const coefficients = matmul(filtered, spectrum.eigenvectors, { transposeB: true });
  for (let k = 0; k < lambdas.length; k++) {
    const filter = filters[k] as Float64Array;
    yield {
      coefficients: coefficients.data.slice(k * n, (k + 1) * n),
      trainingError: spectrum.trainingError(filter),
      rkhsNormSquared: spectrum.rkhsNormSquared(filter),
    };
  }
}

/**
 * The test rows' kernel values K(t, xᵢ) and the gradient coefficients aᵢ(t), bᵢ(t) of
 * `∇_t K(t, xᵢ) = aᵢ(t)·xᵢ + bᵢ(t)·t` (t×n each), which do not depend on λ.
 */
function testTerms(G: Float64Array, N: number, n: number, norms: Float64Array, both: boolean) {
  const t = N - n;
  const kernel = new Matrix(t, n);
  const along = new Matrix(t, n);
  const self = new Matrix(t, n);
  const layerFactor = both ? 2 : 1;
  for (let r = 0; r < t; r++) {
    const row = (n + r) * N;
    const normT = norms[n + r] as number;
    for (let i = 0; i < n; i++) {
      const u = G[row + i] as number;
      const normX = norms[i] as number;
      kernel.data[r * n + i] = kernelValue(u, normT, normX, both);
      if (normX === 0) continue;
      if (normT === 0) {
        along.data[r * n + i] = 0.25 * layerFactor;
        continue;
      }
      let c = u / (normT * normX);
      if (c > 1) c = 1;
      else if (c < -1) c = -1;
      const s = Math.sqrt((1 - c) * (1 + c));
      const g = (Math.PI - Math.acos(c)) * INV_TWO_PI;
      const normRatio = normX / normT;
      let a = layerFactor * g;
      let b = both ? normRatio * s * INV_TWO_PI : 0;
      if (s >= PARALLEL_SINE) {
        const kink = (c * INV_TWO_PI) / s;
        a += kink;
        b -= normRatio * c * kink;
      }
      along.data[r * n + i] = a;
      self.data[r * n + i] = b;
    }
  }
  return { kernel, along, self };
}

/** Predictions and gradient norms at the test rows of the fit with coefficients α. */
function testQuantities(
  test: ReturnType<typeof testTerms>,
  G: Float64Array,
  N: number,
  n: number,
  GXX: Matrix,
  coefficients: Float64Array,
) {
  const t = N - n;
  const predictions = new Float64Array(t);
  const inputGradientNormsSquared = new Float64Array(t);
  if (t === 0) return { predictions, inputGradientNormsSquared };
  const A = new Matrix(t, n);
  const selfCoefficients = new Float64Array(t);
  for (let r = 0; r < t; r++) {
    let prediction = 0;
    let selfSum = 0;
    for (let i = 0; i < n; i++) {
      const weight = coefficients[i] as number;
      prediction += weight * (test.kernel.data[r * n + i] as number);
      A.data[r * n + i] = weight * (test.along.data[r * n + i] as number);
      selfSum += weight * (test.self.data[r * n + i] as number);
    }
    predictions[r] = prediction;
    selfCoefficients[r] = selfSum;
  }
  const AG = matmul(A, GXX);
  for (let r = 0; r < t; r++) {
    const row = (n + r) * N;
    let quadratic = 0;
    let cross = 0;
    for (let i = 0; i < n; i++) {
      const a = A.data[r * n + i] as number;
      quadratic += (AG.data[r * n + i] as number) * a;
      cross += a * (G[row + i] as number);
    }
    const b = selfCoefficients[r] as number;
    inputGradientNormsSquared[r] = Math.max(
      0,
      quadratic + 2 * b * cross + b * b * (G[row + n + r] as number),
    );
  }
  return { predictions, inputGradientNormsSquared };
}

function readLambda(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(Number.isFinite(value) && value >= 0)) {
    throw new NtkError(name, `got ${describeValue(value)}; expected a finite number ≥ 0`);
  }
  return value;
}
