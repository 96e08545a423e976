import { assertVector, type Matrix, matvec } from '@benignlab/linalg';
import { assertPredictInput } from './validate.js';

/**
 * A fitted linear predictor `f(x) = ⟨x, θ̂⟩` (no intercept, as in [Theory §1](https://benignlab.github.io/theory.html#section-1): centre
 * the data first if it needs one). Every estimator of this package returns one, plus its
 * own diagnostics.
 */
export interface LinearModel {
  /** θ̂, length p. */
  readonly coef: Float64Array;
  /**
   * Predictions `X θ̂` for a design `X` with p columns (rows are samples).
   *
   * @param X m×p design
   * @returns length-m vector of predictions
   */
  predict(X: Matrix): Float64Array;
}

/**
 * A {@link LinearModel} for coefficients `coef` (length p, finite; kept by reference, not
 * copied): `predict(X) = X θ̂` for any m×p `X`.
 *
 * @param coef the coefficients θ̂, length p, finite (kept by reference, not copied)
 * @example
 * ```ts
 * linearModel(Float64Array.of(1, -1)).predict(Matrix.fromRows([[3, 1]])); // [2]
 * ```
 */
export function linearModel(coef: Float64Array): LinearModel {
  assertVector('coef', coef);
  return {
    coef,
    predict(X: Matrix): Float64Array {
      const design = assertPredictInput(X, coef.length);
      return matvec(design, coef);
    },
  };
}

/**
 * `X θ` without re-validating `X`: iterative solvers check X once per fit, whereas the
 * public `matvec` re-scans all n·p entries for NaN on every call, which would double the
 * cost of a gradient step. With `count < cols` only the leading `count` columns take part,
 * `out_i = Σ_{k<count} X_ik θ_k` (eigen-coordinates mapped back through r eigenvectors).
 */
export function multiply(X: Matrix, theta: Float64Array, count: number = X.cols): Float64Array {
  const { rows, cols, data } = X;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const offset = i * cols;
    let s = 0;
    for (let j = 0; j < count; j++) s += data[offset + j] * theta[j];
    out[i] = s;
  }
  return out;
}

/**
 * `Xᵀ v` without re-validating (row-wise accumulation keeps the reads contiguous); with
 * `count < cols` only the leading `count` entries of `Xᵀ v` (coordinates on r eigenvectors).
 */
export function multiplyTransposed(X: Matrix, v: Float64Array, count: number = X.cols): Float64Array {
  const { rows, cols, data } = X;
  const out = new Float64Array(count);
  for (let i = 0; i < rows; i++) {
    const vi = v[i];
    if (vi === 0) continue;
    const offset = i * cols;
    for (let j = 0; j < count; j++) out[j] += vi * data[offset + j];
  }
  return out;
}
