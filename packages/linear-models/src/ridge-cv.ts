import {
  assertKnownOptions,
  gram,
  gramT,
  type Matrix,
  matmul,
  symEig,
  toFloat64Vector,
  type VectorInput,
} from '@benignlab/linalg';
import { LinearModelError } from './errors.js';
import { assertDesign } from './validate.js';

/** Options of {@link ridgeCV}. */
export interface RidgeCVOptions {
  /**
   * `'loo'` (default): leave-one-out mean squared error, `(1/n)Σᵢ (rᵢ/(1 − Hᵢᵢ))²`, exact
   * (the refits are not run: the hat matrix gives them); `'gcv'`: generalized
   * cross-validation, `(1/n)‖r‖² / (1 − tr(H)/n)²`.
   */
  criterion?: 'loo' | 'gcv';
}

/** The cross-validation curve over the λ grid and its minimizer. */
export interface RidgeCV {
  readonly criterion: 'loo' | 'gcv';
  /** The grid, as given. */
  readonly lambdas: Float64Array;
  /** The criterion at each λ (squared label units). */
  readonly scores: Float64Array;
  /** The λ with the smallest score (the first one on ties). */
  readonly bestLambda: number;
  /** Its index in `lambdas`. */
  readonly bestIndex: number;
}

/**
 * Chooses the ridge parameter by leave-one-out or generalized cross-validation along a
 * grid, as scikit-learn's `RidgeCV` does: one symmetric eigendecomposition of the smaller
 * Gram matrix gives `X = U diag(√μ) Vᵀ` (U n×r), and for every λ (ridge's convention
 * `θ̂_λ = (XᵀX + nλI)^{-1}Xᵀy`) the hat matrix `H_λ = U diag(μ/(μ + nλ)) Uᵀ`, the residuals
 * `r = y − H_λ y` and the leverages `Hᵢᵢ` follow in O(nr) — no refits. The leave-one-out
 * residual of point i is exactly `rᵢ/(1 − Hᵢᵢ)` (the refit without i uses the same
 * penalty nλ).
 *
 * Cost: the Gram product O(n·p·min(n, p)) and one O(min(n, p)³) eigendecomposition, then
 * O(n·r) per λ.
 *
 * @param X n×p design, rows are samples
 * @param y length-n labels (`Float64Array` or `number[]`)
 * @param lambdas the grid, every λ > 0 (at λ = 0 an interpolator has no finite LOO error)
 * @param options `criterion`: `'loo'` (default) or `'gcv'`
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [0, 1], [1, 1], [2, -1]]);
 * const cv = ridgeCV(X, [1, -1, 0.2, 2.5], [1e-3, 1e-2, 1e-1, 1], { criterion: 'gcv' });
 * cv.bestLambda; // the λ of the smallest GCV score
 * cv.scores; // the whole curve
 * ```
 */
export function ridgeCV(
  X: Matrix,
  y: VectorInput,
  lambdas: ArrayLike<number>,
  options: RidgeCVOptions = {},
): RidgeCV {
  const labels = toFloat64Vector(y) as Float64Array;
  const { n, p } = assertDesign(X, labels);
  assertKnownOptions('options', options, ['criterion']);
  const criterion = options.criterion ?? 'loo';
  if (criterion !== 'loo' && criterion !== 'gcv') {
    throw new LinearModelError('options.criterion', `got ${String(criterion)}; expected 'loo' or 'gcv'`);
  }
  const grid = Float64Array.from(lambdas);
  if (grid.length === 0) throw new LinearModelError('lambdas', 'is empty; expected at least one λ > 0');
  for (let k = 0; k < grid.length; k++) {
    const lambda = grid[k] as number;
    if (!(lambda > 0 && lambda < Number.POSITIVE_INFINITY)) {
      throw new LinearModelError(`lambdas[${k}]`, `is ${lambda}; expected a finite λ > 0`);
    }
  }

  const { basis, mu } = leftSingularBasis(X, n, p);
  const r = mu.length;
  // c = Uᵀy, and Uᵢₖ² for the leverages.
  const c = new Float64Array(r);
  for (let i = 0; i < n; i++) {
    const yi = labels[i] as number;
    for (let k = 0; k < r; k++) c[k] += (basis[i * r + k] as number) * yi;
  }
  const scores = new Float64Array(grid.length);
  const shrink = new Float64Array(r);
  const scaled = new Float64Array(r);
  for (let g = 0; g < grid.length; g++) {
    const shift = n * (grid[g] as number);
    let trace = 0;
    for (let k = 0; k < r; k++) {
      const s = (mu[k] as number) / ((mu[k] as number) + shift);
      shrink[k] = s;
      scaled[k] = s * (c[k] as number);
      trace += s;
    }
    let total = 0;
    for (let i = 0; i < n; i++) {
      let fitted = 0;
      let leverage = 0;
      const row = i * r;
      for (let k = 0; k < r; k++) {
        const u = basis[row + k] as number;
        fitted += u * (scaled[k] as number);
        leverage += u * u * (shrink[k] as number);
      }
      const residual = (labels[i] as number) - fitted;
      total += criterion === 'loo' ? (residual / (1 - leverage)) ** 2 : residual * residual;
    }
    scores[g] = criterion === 'loo' ? total / n : total / n / (1 - trace / n) ** 2;
  }
  let bestIndex = 0;
  for (let g = 1; g < grid.length; g++)
    if ((scores[g] as number) < (scores[bestIndex] as number)) bestIndex = g;
  return { criterion, lambdas: grid, scores, bestLambda: grid[bestIndex] as number, bestIndex };
}

/**
 * `X = U diag(√μ) Vᵀ` restricted to the numerically nonzero μ: U row-major n×r and μ.
 * From `XXᵀ` when p > n, else from `XᵀX` with `U = X V diag(μ^{-1/2})`.
 */
function leftSingularBasis(X: Matrix, n: number, p: number): { basis: Float64Array; mu: Float64Array } {
  const dual = p > n;
  const { values, vectors } = symEig(dual ? gram(X) : gramT(X));
  const size = values.length;
  const cutoff = Math.max(n, p) * Number.EPSILON * Math.max(values[0] as number, 0);
  let r = 0;
  while (r < size && (values[r] as number) > cutoff) r++;
  const mu = values.slice(0, r);
  const basis = new Float64Array(n * r);
  if (dual) {
    for (let i = 0; i < n; i++)
      for (let k = 0; k < r; k++) basis[i * r + k] = vectors.data[i * size + k] as number;
  } else {
    const projected = matmul(X, vectors); // n×p, column k = X v_k = √μ_k u_k
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < r; k++)
        basis[i * r + k] = (projected.data[i * size + k] as number) / Math.sqrt(mu[k] as number);
    }
  }
  return { basis, mu };
}
