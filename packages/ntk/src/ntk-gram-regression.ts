import {
  assertKnownOptions,
  assertMatrix,
  assertVector,
  describeValue,
  Matrix,
  matmul,
  matvec,
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
  assertKnownOptions('options', options, ['layers', 'lambda']);
  const layers = readLayers('options.layers', options.layers);
  const both = layers === 'both';
  const lambda = options.lambda ?? 0;
  if (typeof lambda !== 'number' || !(Number.isFinite(lambda) && lambda >= 0)) {
    throw new NtkError('options.lambda', `got ${describeValue(lambda)}; expected a finite number ≥ 0`);
  }
  const G = gram.data;
  const norms = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const squared = G[i * N + i] as number;
    if (!(squared >= 0))
      throw new NtkError('gram', `has diagonal entry ${i} = ${squared}; expected ⟨x, x⟩ ≥ 0`);
    norms[i] = Math.sqrt(squared);
  }
  const t = N - n;
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
  const spectrum = new KernelSpectrum(K, labels);
  const filter = spectrum.filter(lambda, new Float64Array(n));
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = (spectrum.projectedTargets[i] as number) * (filter[i] as number);
  const coefficients = matvec(spectrum.eigenvectors, scaled);

  // Test rows: predictions and the gradient coefficients aᵢ(t) (times αᵢ) and b(t).
  const predictions = new Float64Array(t);
  const A = new Matrix(t, n);
  const self = new Float64Array(t);
  const layerFactor = both ? 2 : 1;
  for (let r = 0; r < t; r++) {
    const row = (n + r) * N;
    const normT = norms[n + r] as number;
    let prediction = 0;
    let selfSum = 0;
    for (let i = 0; i < n; i++) {
      const u = G[row + i] as number;
      const normX = norms[i] as number;
      const weight = coefficients[i] as number;
      prediction += weight * kernelValue(u, normT, normX, both);
      if (normX === 0) continue;
      if (normT === 0) {
        A.data[r * n + i] = weight * 0.25 * layerFactor;
        continue;
      }
      let c = u / (normT * normX);
      if (c > 1) c = 1;
      else if (c < -1) c = -1;
      const s = Math.sqrt((1 - c) * (1 + c));
      const g = (Math.PI - Math.acos(c)) * INV_TWO_PI;
      const normRatio = normX / normT;
      let alpha = layerFactor * g;
      let beta = both ? normRatio * s * INV_TWO_PI : 0;
      if (s >= PARALLEL_SINE) {
        const kink = (c * INV_TWO_PI) / s;
        alpha += kink;
        beta -= normRatio * c * kink;
      }
      A.data[r * n + i] = weight * alpha;
      selfSum += weight * beta;
    }
    predictions[r] = prediction;
    self[r] = selfSum;
  }
  const inputGradientNormsSquared = new Float64Array(t);
  if (t > 0) {
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
      const b = self[r] as number;
      inputGradientNormsSquared[r] = Math.max(
        0,
        quadratic + 2 * b * cross + b * b * (G[row + n + r] as number),
      );
    }
  }
  return {
    layers,
    lambda,
    n,
    coefficients,
    trainingError: spectrum.trainingError(filter),
    rkhsNormSquared: spectrum.rkhsNormSquared(filter),
    predictions,
    inputGradientNormsSquared,
  };
}
