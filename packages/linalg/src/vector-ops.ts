import type { Matrix } from './matrix.js';
import { assertFiniteNumber, assertMatrix, assertSquare, assertVector } from './validate.js';
import { toFloat64Vector, type VectorInput } from './vector-input.js';

/**
 * Below this sum of squares some squared entries may have underflowed (or all of them
 * did), so {@link norm2} redoes the sum on entries scaled by the largest magnitude.
 */
const UNDERFLOW_GUARD = 1e-280;

/**
 * The inner product `⟨x, y⟩ = Σᵢ xᵢ yᵢ`.
 *
 * @param x vector of length n (finite, non-empty; a `Float64Array` or `number[]`)
 * @param y vector of the same length n (a `Float64Array` or `number[]`)
 * @example
 * ```ts
 * dot(Float64Array.of(1, 2, 3), [4, 5, 6]); // 32
 * ```
 */
export function dot(x: VectorInput, y: VectorInput): number {
  const a = assertVector('x', toFloat64Vector(x));
  const b = assertVector('y', toFloat64Vector(y), a.length);
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/**
 * The Euclidean norm `‖x‖₂ = (Σᵢ xᵢ²)^{1/2}`, safe from overflow and underflow: when the
 * plain sum of squares is not finite or is tiny, it is recomputed as
 * `s · (Σᵢ (xᵢ/s)²)^{1/2}` with `s = maxᵢ |xᵢ|` (the idea of LAPACK's `dnrm2`).
 *
 * @param x vector (finite, non-empty; a `Float64Array` or `number[]`)
 * @example
 * ```ts
 * norm2([3, 4]); // 5
 * norm2(Float64Array.of(3e200, 4e200)); // 5e200, no overflow
 * ```
 */
export function norm2(x: VectorInput): number {
  const v = assertVector('x', toFloat64Vector(x));
  const n = v.length;
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) sumOfSquares += v[i] * v[i];
  if (Number.isFinite(sumOfSquares) && sumOfSquares >= UNDERFLOW_GUARD) return Math.sqrt(sumOfSquares);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(v[i]));
  if (scale === 0) return 0;
  let scaled = 0;
  for (let i = 0; i < n; i++) {
    const t = v[i] / scale;
    scaled += t * t;
  }
  return scale * Math.sqrt(scaled);
}

/**
 * The BLAS update `y ← α x + y`, in place.
 *
 * @param alpha the scalar α (finite)
 * @param x vector of length n (finite, non-empty)
 * @param y vector of length n, overwritten with the result
 * @returns `y` itself
 * @example
 * ```ts
 * const y = Float64Array.of(1, 1);
 * axpy(2, Float64Array.of(1, 2), y); // y is now [3, 5]
 * ```
 */
export function axpy(alpha: number, x: Float64Array, y: Float64Array): Float64Array {
  assertFiniteNumber('alpha', alpha);
  assertVector('x', x);
  assertVector('y', y, x.length);
  const n = x.length;
  for (let i = 0; i < n; i++) y[i] += alpha * x[i];
  return y;
}

/**
 * The trace `tr(A) = Σᵢ Aᵢᵢ` of a square matrix (e.g. `tr(Σ)`, the sum of the
 * covariance eigenvalues in the effective ranks of the Theory page).
 *
 * @param A square matrix (finite, non-empty)
 * @example
 * ```ts
 * trace(Matrix.fromRows([[1, 2], [3, 4]])); // 5
 * ```
 */
export function trace(A: Matrix): number {
  assertMatrix('A', A);
  assertSquare('A', A);
  const { rows: n, data } = A;
  let s = 0;
  for (let i = 0; i < n; i++) s += data[i * n + i];
  return s;
}
