import { assertKnownOptions, assertMatrix, assertVector, type Matrix, matmul } from '@benignlab/linalg';
import { NtkError } from './errors.js';
import { type NtkLayers, readLayers } from './layers.js';
import { AngleScratch, INV_TWO_PI, pairAngle, rowNorms } from './pair-angle.js';
import type { Product } from './trusted-product.js';

/** Options of {@link ntkInputGradient}. */
export interface NtkInputGradientOptions {
  /** Trained layers: `'first'` for `K₁`, `'both'` (default) for `K₁ + K₂`. */
  layers?: NtkLayers;
}

/**
 * Below this `sin φ` a pair counts as parallel and the kink term of `∇K₁` is replaced by
 * its average over approach directions (zero). Above it, the cancellation between the
 * `x'` and `x` parts costs at most ~ε/sin φ ≈ 2e-8 relative.
 */
export const PARALLEL_SINE = 1e-8;

/**
 * The input gradient of a kernel expansion, batched: row t of the result is
 * `∇_x Σ_i wᵢ K(x, xᵢ)` at `x = t`-th row of `T` — the gradient of a kernel predictor with
 * coefficients `w` ([Theory §5](https://benignlab.github.io/theory.html#section-5)), with no automatic differentiation.
 *
 * With `g(c) = (π − φ)/(2π)` and `∇_x c = x'/(‖x‖‖x'‖) − c·x/‖x‖²`:
 * - `∇_x K₁ = g(c)·x' + u·∇_x c / (2π sin φ)`,
 * - `∇_x K₂ = g(c)·x' + ‖x'‖ sin φ · x / (2π‖x‖)` (the same as the [Theory page](https://benignlab.github.io/theory.html)'s
 *   `J(c)‖x'‖x/‖x‖ + ‖x‖‖x'‖g(c)∇_x c`, simplified with `J − c·g = sin φ/(2π)`).
 *
 * Each is `αᵢ(x)·xᵢ + βᵢ(x)·x`, so the whole batch is one t×n by n×d product plus a row
 * scaling: O(t·n·d).
 *
 * Where the gradient does not exist, it is set to the average of its one-sided limits
 * over all approach directions (which is also what central finite differences return):
 * - `x` parallel to `xᵢ` (`sin φ < 1e-8`, e.g. at a training point): `K₁` has a kink in
 *   the directions orthogonal to `xᵢ`; that bounded term (norm ≤ ‖xᵢ‖/(2π)) averages to 0.
 * - `x = 0`: the kernels are positively homogeneous there; the average gradient is
 *   `xᵢ/4` for `K₁` and `xᵢ/4` for `K₂`.
 * - `xᵢ = 0`: `K(·, 0) ≡ 0`, gradient 0.
 *
 * @param T t×d matrix of points where the gradient is taken (rows)
 * @param X n×d matrix of kernel centres (training inputs, rows)
 * @param weights length-n coefficients `w` (e.g. `(K + nλI)^{-1}Y`)
 * @param options `layers` (`'first' | 'both'`, default `'both'`)
 * @returns a new t×d matrix (same shape as `T`), gradients in output units per input unit
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0]]);
 * const T = Matrix.fromRows([[0, 1]]);
 * ntkInputGradient(T, X, Float64Array.of(1), { layers: 'first' }).toRows(); // [[0.25, 0]]
 * ntkInputGradient(T, X, Float64Array.of(1), { layers: 'both' }).toRows(); // [[0.5, 1/(2π)]]
 * ```
 */
export function ntkInputGradient(
  T: Matrix,
  X: Matrix,
  weights: Float64Array,
  options: NtkInputGradientOptions = {},
): Matrix {
  assertMatrix('T', T);
  assertMatrix('X', X);
  assertKnownOptions('options', options, ['layers']);
  const both = readLayers('options.layers', options.layers) === 'both';
  if (T.cols !== X.cols) {
    throw new NtkError('T', `is ${T.shape} but X is ${X.shape}; expected T with ${X.cols} columns`);
  }
  assertVector('weights', weights, X.rows);
  return kernelExpansionGradient(T, X, weights, both);
}

/**
 * {@link ntkInputGradient} without validation, for callers that validated already; a
 * caller with fixed centres X may pass their norms and a product that skips re-validating X.
 */
export function kernelExpansionGradient(
  T: Matrix,
  X: Matrix,
  weights: Float64Array,
  both: boolean,
  normsX: Float64Array = rowNorms(X.data, X.rows, X.cols),
  product: Product = matmul,
): Matrix {
  const t = T.rows;
  const n = X.rows;
  const d = X.cols;
  // Overwritten in place: inner products u in, x'-coefficients wᵢαᵢ(x) out.
  const coefficients = product(T, X, { transposeB: true });
  const inner = coefficients.data;
  const normsT = rowNorms(T.data, t, d);
  const selfCoefficients = new Float64Array(t);
  const scratch = new AngleScratch();
  const layerFactor = both ? 2 : 1;
  for (let r = 0; r < t; r++) {
    const normT = normsT[r];
    const rowOffset = r * n;
    let selfSum = 0;
    for (let i = 0; i < n; i++) {
      const normX = normsX[i];
      const weight = weights[i];
      if (normX === 0) {
        inner[rowOffset + i] = 0;
        continue;
      }
      if (normT === 0) {
        inner[rowOffset + i] = weight * 0.25 * layerFactor;
        continue;
      }
      pairAngle(inner[rowOffset + i], normT, normX, T.data, r * d, X.data, i * d, d, scratch);
      const c = scratch.cosine;
      const s = scratch.sine;
      const g = (Math.PI - scratch.angle) * INV_TWO_PI;
      const normRatio = normX / normT;
      let alpha = layerFactor * g;
      let beta = both ? normRatio * s * INV_TWO_PI : 0;
      if (s >= PARALLEL_SINE) {
        const kink = (c * INV_TWO_PI) / s;
        alpha += kink;
        beta -= normRatio * c * kink;
      }
      inner[rowOffset + i] = weight * alpha;
      selfSum += weight * beta;
    }
    selfCoefficients[r] = selfSum;
  }
  const gradient = product(coefficients, X);
  const out = gradient.data;
  for (let r = 0; r < t; r++) {
    const scale = selfCoefficients[r];
    if (scale === 0) continue;
    const offset = r * d;
    for (let k = 0; k < d; k++) out[offset + k] += scale * T.data[offset + k];
  }
  return gradient;
}
