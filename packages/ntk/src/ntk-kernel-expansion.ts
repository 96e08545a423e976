import { assertKnownOptions, assertMatrix, assertVector, type Matrix, matvec } from '@benignlab/linalg';
import { NtkError } from './errors.js';
import { type NtkLayers, readLayers } from './layers.js';
import { kernelExpansionGradient } from './ntk-input-gradient.js';
import { generalKernel, homogeneityScale, ntkKernel } from './ntk-kernel.js';
import { rowNorms } from './pair-angle.js';
import { trustedProduct } from './trusted-product.js';

/** Options of {@link ntkKernelExpansion}. */
export interface NtkKernelExpansionOptions {
  /** `'first'` for `K₁`, `'both'` (default) for `K₁ + K₂`. */
  layers?: NtkLayers;
}

/** A fixed kernel expansion `f(x) = Σᵢ wᵢK(x, xᵢ)`: see {@link ntkKernelExpansion}. */
export interface NtkKernelExpansion {
  readonly layers: NtkLayers;
  /**
   * `f(t)` at the rows of `T`, length t.
   * @param T t×d points (rows), d the centres' column count
   */
  predict(T: Matrix): Float64Array;
  /**
   * `∇f(t)` at the rows of `T`, a t×d matrix (the conventions of `ntkInputGradient`).
   * @param T t×d points (rows), d the centres' column count
   */
  inputGradient(T: Matrix): Matrix;
}

/**
 * The NTK predictor `f(x) = Σᵢ wᵢK(x, xᵢ)` for given centres xᵢ (rows of `centres`) and
 * coefficients w — e.g. the `coefficients` of `ntkGramRegression` on an isometric
 * realization of the points — as a predictor with `predict` and `inputGradient`, for
 * attacks that call it many times on a few points (PGD). The centres are validated and
 * their norms computed once, so each call costs the two t×n×d products and O(t·n) angles,
 * not another pass over the n×d centres for validation, scale and norms. Values are those
 * of `ntkKernel` and `ntkInputGradient` (same products, same bits).
 *
 * `centres` is kept by reference (not copied: it may be large); do not modify it while
 * the expansion is in use.
 *
 * @param centres n×d matrix of centres (finite, rows are points)
 * @param weights length-n coefficients w
 * @param options `layers` (`'first' | 'both'`, default `'both'`)
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [0, 1]]);
 * const f = ntkKernelExpansion(X, Float64Array.of(1, -1), { layers: 'first' });
 * f.predict(Matrix.fromRows([[1, 1]])); // the same as matvec(ntkKernel(T, X, …), w)
 * f.inputGradient(Matrix.fromRows([[1, 1]])); // 1×2, as ntkInputGradient(T, X, w, …)
 * ```
 */
export function ntkKernelExpansion(
  centres: Matrix,
  weights: Float64Array,
  options: NtkKernelExpansionOptions = {},
): NtkKernelExpansion {
  assertMatrix('centres', centres);
  assertVector('weights', weights, centres.rows);
  assertKnownOptions('options', options, ['layers']);
  const layers = readLayers('options.layers', options.layers);
  const both = layers === 'both';
  const w = weights.slice();
  const ordinaryScale = homogeneityScale(centres) === 1;
  const norms = rowNorms(centres.data, centres.rows, centres.cols);
  const checkPoints = (T: Matrix) => {
    assertMatrix('T', T);
    if (T.cols !== centres.cols) {
      throw new NtkError(
        'T',
        `is ${T.shape}; expected ${centres.cols} columns (the centres are ${centres.shape})`,
      );
    }
  };
  return {
    layers,
    predict(T) {
      checkPoints(T);
      // Inputs of extreme scale take ntkKernel's rescaled route.
      const kernel =
        ordinaryScale && homogeneityScale(T) === 1
          ? generalKernel(T, centres, both, norms, trustedProduct)
          : ntkKernel(T, centres, { layers });
      return matvec(kernel, w);
    },
    inputGradient(T) {
      checkPoints(T);
      return kernelExpansionGradient(T, centres, w, both, norms, trustedProduct);
    },
  };
}
