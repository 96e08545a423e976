import { assertVector, toFloat64Vector, type VectorInput } from '@benignlab/linalg';

/**
 * The coefficient of determination, as scikit-learn's `r2_score`:
 * `R² = 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)²` — 1 for perfect predictions, 0 for predicting the
 * mean, negative when worse. For constant `yTrue` (no variance to explain) it is 1 when
 * the predictions are exact and 0 otherwise, as sklearn's default, never NaN.
 *
 * @param yTrue length-n labels
 * @param yPredicted length-n predictions
 * @example
 * ```ts
 * r2Score([1, 2, 3], [1, 2, 3]); // 1
 * r2Score([1, 2, 3], [2, 2, 2]); // 0
 * const X = Matrix.fromRows([[1, 0, 1], [0, 1, 1]]);
 * const y = Float64Array.of(1, 2);
 * r2Score(y, ridge(X, y, 0.1).predict(X)); // ≈ 0.937 on the training points
 * ```
 */
export function r2Score(yTrue: VectorInput, yPredicted: VectorInput): number {
  const truth = assertVector('yTrue', toFloat64Vector(yTrue));
  const predicted = assertVector('yPredicted', toFloat64Vector(yPredicted), truth.length);
  const n = truth.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += truth[i] as number;
  mean /= n;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    residual += ((truth[i] as number) - (predicted[i] as number)) ** 2;
    total += ((truth[i] as number) - mean) ** 2;
  }
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}
