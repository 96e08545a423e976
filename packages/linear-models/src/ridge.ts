import type { VectorInput } from '@benignlab/linalg';
import { choleskySolve, gram, gramT, LinalgError, type Matrix } from '@benignlab/linalg';
import { combineEigenvectors, gramSpectrum, projectOntoEigenvectors } from './gram-spectrum.js';
import { type LinearModel, linearModel, multiplyTransposed } from './linear-model.js';
import { type MinNormModel, minNorm } from './min-norm.js';
import { assertDesign, assertLambda } from './validate.js';

/** A ridge fit and how it was computed. */
export interface RidgeModel extends LinearModel {
  /** The ridge parameter λ of `(1/n)‖y − Xθ‖² + λ‖θ‖²`. */
  readonly lambda: number;
  /** `'dual'`: n×n system `(XXᵀ + nλI)α = y`, θ = Xᵀα; `'primal'`: p×p `(XᵀX + nλI)θ = Xᵀy`. */
  readonly form: 'dual' | 'primal';
  /**
   * `'cholesky'` normally; `'eigen'` when the shifted Gram matrix was numerically
   * singular (λ far below the rounding level of a rank-deficient X) and the fit fell
   * back to the eigendecomposition; `'min-norm'` for λ = 0.
   */
  readonly solver: 'cholesky' | 'eigen' | 'min-norm';
  /** Numerical rank of X, when the solver computed it (min-norm and eigen solvers). */
  readonly rank?: number;
}

/**
 * Ridge regression ([Theory §2](https://benignlab.github.io/theory.html#section-2)): `θ̂_λ = argmin (1/n)‖y − Xθ‖² + λ‖θ‖²`
 * `= (XᵀX + nλI)⁻¹Xᵀy = Xᵀ(XXᵀ + nλI)⁻¹y`.
 *
 * Solves whichever system is smaller by Cholesky: the dual n×n one when p > n (cost
 * O(n²p + n³)), else the primal p×p one (O(np² + p³)). `lambda = 0` returns
 * {@link minNorm}. Note the 1/n: this λ is scikit-learn's `alpha` divided by n.
 *
 * @param X n×p design, rows are samples
 * @param y length-n labels
 * @param lambda ridge parameter λ ≥ 0
 * @example
 * ```ts
 * const X = Matrix.fromRows([[1, 0], [0, 1]]);
 * ridge(X, Float64Array.of(2, 4), 0.5).coef; // [1, 2]: (XᵀX + 2·0.5·I)⁻¹Xᵀy
 * ```
 */
export function ridge(X: Matrix, y: VectorInput, lambda: number): RidgeModel {
  const { n, p, y: labels } = assertDesign(X, y);
  assertLambda('lambda', lambda);
  if (lambda === 0) {
    const fit: MinNormModel = minNorm(X, labels);
    return { ...fit, lambda: 0, solver: 'min-norm' };
  }
  const form = p > n ? 'dual' : 'primal';
  const shift = n * lambda;
  const system = form === 'dual' ? gram(X) : gramT(X);
  const size = system.rows;
  for (let k = 0; k < size; k++) system.data[k * size + k] += shift;
  const rightHandSide = form === 'dual' ? labels : multiplyTransposed(X, labels);
  try {
    const solution = choleskySolve(system, rightHandSide) as Float64Array;
    const coef = form === 'dual' ? multiplyTransposed(X, solution) : solution;
    return { ...linearModel(coef), lambda, form, solver: 'cholesky' };
  } catch (error) {
    if (!(error instanceof LinalgError)) throw error;
  }
  return eigenRidge(X, labels, lambda, form);
}

/**
 * Ridge through the eigendecomposition of the Gram matrix, with the same
 * pseudo-inverse convention as {@link minNorm} (null directions dropped).
 */
function eigenRidge(X: Matrix, y: Float64Array, lambda: number, form: 'dual' | 'primal'): RidgeModel {
  const shift = X.rows * lambda;
  const { rank, values, vectors } = gramSpectrum(X, form);
  const rightHandSide = form === 'dual' ? y : multiplyTransposed(X, y);
  const coordinates = projectOntoEigenvectors(vectors, rightHandSide, rank);
  for (let k = 0; k < rank; k++) coordinates[k] /= values[k] + shift;
  const combined = combineEigenvectors(vectors, coordinates, rank);
  const coef = form === 'dual' ? multiplyTransposed(X, combined) : combined;
  return { ...linearModel(coef), lambda, form, solver: 'eigen', rank };
}
