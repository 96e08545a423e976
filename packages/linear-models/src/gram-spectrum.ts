import { gram, gramT, type Matrix, symEig } from '@benignlab/linalg';
import { multiply, multiplyTransposed } from './linear-model.js';

/**
 * The eigendecomposition of the smaller Gram matrix of `X` (n×p), which is a thin SVD
 * `X = U S Vᵀ` in disguise: the dual form decomposes `XXᵀ = U diag(μ) Uᵀ` (n×n, used
 * when p > n), the primal form `XᵀX = V diag(μ) Vᵀ` (p×p, when p ≤ n); `μ = s²`.
 */
export interface GramSpectrum {
  /** `'dual'`: eigenvectors of XXᵀ (length n); `'primal'`: of XᵀX (length p). */
  readonly form: 'dual' | 'primal';
  /** Size m of the decomposed Gram matrix (n for dual, p for primal). */
  readonly size: number;
  /** All eigenvalues μ, sorted descending, negatives from rounding clamped to 0. */
  readonly values: Float64Array;
  /** m×m; column k is the unit eigenvector of `values[k]`. */
  readonly vectors: Matrix;
  /** Numerical rank r: the number of μ above {@link GramSpectrum.cutoff}. */
  readonly rank: number;
  /** Eigenvalues μ ≤ cutoff = max(n, p) · ε_mach · μ₁ are treated as exact zeros. */
  readonly cutoff: number;
}

/**
 * Relative threshold on the Gram eigenvalues below which a direction is numerically
 * null: rounding in forming XXᵀ leaves errors of order max(n, p)·ε_mach·μ₁ in every μ
 * (numpy's `matrix_rank` rule applied to the Gram matrix).
 */
export function rankCutoff(n: number, p: number, largest: number): number {
  return Math.max(n, p) * Number.EPSILON * largest;
}

/** The smaller Gram matrix of `X`: `XXᵀ` (n×n) for the dual form, `XᵀX` (p×p) for the primal. */
export function gramMatrixOf(X: Matrix, form: 'dual' | 'primal'): Matrix {
  return form === 'dual' ? gram(X) : gramT(X);
}

/** The Gram eigenvalues with rounding negatives clamped to 0, the rank cutoff and the rank. */
export function clampedSpectrum(
  values: Float64Array,
  n: number,
  p: number,
): { values: Float64Array; cutoff: number; rank: number } {
  const size = values.length;
  const clamped = new Float64Array(size);
  for (let k = 0; k < size; k++) clamped[k] = Math.max(values[k], 0);
  const cutoff = rankCutoff(n, p, clamped[0] ?? 0);
  let rank = 0;
  while (rank < size && clamped[rank] > cutoff) rank++;
  return { values: clamped, cutoff, rank };
}

/**
 * Decomposes the smaller Gram matrix of `X` (the dual one when `p > n`), or `gramMatrix`
 * when the caller already formed it.
 */
export function gramSpectrum(
  X: Matrix,
  form: 'dual' | 'primal' = X.cols > X.rows ? 'dual' : 'primal',
  gramMatrix: Matrix = gramMatrixOf(X, form),
): GramSpectrum {
  const { values, vectors } = symEig(gramMatrix);
  const { values: clamped, cutoff, rank } = clampedSpectrum(values, X.rows, X.cols);
  return { form, size: values.length, values: clamped, vectors, rank, cutoff };
}

/** `out_k = Σ_i U_ik v_i` for the first `count` columns of U (m×m): the coordinates Uᵀv. */
export function projectOntoEigenvectors(vectors: Matrix, v: Float64Array, count: number): Float64Array {
  return multiplyTransposed(vectors, v, count);
}

/** `out_i = Σ_{k<count} U_ik a_k`: maps eigen-coordinates back (U a). */
export function combineEigenvectors(vectors: Matrix, a: Float64Array, count: number): Float64Array {
  return multiply(vectors, a, count);
}
