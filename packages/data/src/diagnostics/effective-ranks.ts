import { describeValue } from '@benignlab/linalg';
import { DataError } from '../errors.js';

/** The effective ranks of Σ for every k, and the critical index k*. */
export interface EffectiveRanks {
  /** `r[k] = (Σ_{i>k} λ_i) / λ_{k+1}` for k = 0, …, p − 1. */
  r: Float64Array;
  /** `R[k] = (Σ_{i>k} λ_i)² / Σ_{i>k} λ_i²` for k = 0, …, p − 1. */
  R: Float64Array;
  /** `min{k ≥ 0 : r_k ≥ b·n}`, or null when no k qualifies. */
  kstar: number | null;
}

/** Checks a non-empty list of positive, finite, non-increasing eigenvalues and copies it. */
export function readEigenvalues(name: string, value: unknown): Float64Array {
  const isList = Array.isArray(value) || value instanceof Float64Array;
  if (!isList || (value as ArrayLike<unknown>).length === 0) {
    throw new DataError(
      name,
      `expected a non-empty array or Float64Array of eigenvalues, got ${describeValue(value)}`,
    );
  }
  const list = value as ArrayLike<unknown>;
  const out = new Float64Array(list.length);
  for (let j = 0; j < list.length; j++) {
    const lambda = list[j];
    if (typeof lambda !== 'number' || !Number.isFinite(lambda) || !(lambda > 0)) {
      throw new DataError(
        name,
        `entry ${j} is ${describeValue(lambda)}; expected positive finite eigenvalues`,
      );
    }
    if (j > 0 && lambda > (out[j - 1] as number)) {
      throw new DataError(
        name,
        `entry ${j} is ${lambda}, larger than entry ${j - 1} = ${out[j - 1]}; expected non-increasing order`,
      );
    }
    out[j] = lambda;
  }
  return out;
}

/**
 * The effective ranks of Bartlett, Long, Lugosi & Tsigler (2020), [Theory §1](https://benignlab.github.io/theory.html#section-1), for
 * eigenvalues sorted decreasingly and k = 0, 1, …, p − 1:
 *
 * - `r_k(Σ) = (Σ_{i>k} λ_i) / λ_{k+1}`
 * - `R_k(Σ) = (Σ_{i>k} λ_i)² / Σ_{i>k} λ_i²`
 * - `k*(b) = min{k ≥ 0 : r_k(Σ) ≥ b·n}` (null if none)
 *
 * Tail sums are accumulated from the smallest eigenvalue up, which loses less precision
 * than subtracting prefix sums from the trace. O(p) time.
 *
 * @param eigenvalues λ_1 ≥ … ≥ λ_p > 0 (array or Float64Array)
 * @param n sample size (integer ≥ 1)
 * @param b the constant in k*, b > 0 (Bartlett et al. take b = 1 up to constants)
 * @example
 * ```ts
 * const { r, R, kstar } = effectiveRanks([1, 1, 0.01, 0.01, 0.01], 2, 1.25);
 * // r = [2.03, 1.03, 3, 2, 1]; b·n = 2.5, so kstar = 2 (r_0, r_1 < 2.5 ≤ r_2)
 * ```
 */
export function effectiveRanks(
  eigenvalues: readonly number[] | Float64Array,
  n: number,
  b: number,
): EffectiveRanks {
  const lambda = readEigenvalues('eigenvalues', eigenvalues);
  if (!Number.isInteger(n) || n < 1) {
    throw new DataError('n', `got ${describeValue(n)}; expected an integer sample size ≥ 1`);
  }
  if (typeof b !== 'number' || !Number.isFinite(b) || !(b > 0)) {
    throw new DataError('b', `got ${describeValue(b)}; expected a finite number > 0`);
  }
  const p = lambda.length;
  const r = new Float64Array(p);
  const R = new Float64Array(p);
  let tailSum = 0;
  let tailSumSquares = 0;
  for (let k = p - 1; k >= 0; k--) {
    const value = lambda[k] as number;
    tailSum += value;
    tailSumSquares += value * value;
    r[k] = tailSum / value;
    R[k] = (tailSum * tailSum) / tailSumSquares;
  }
  const threshold = b * n;
  let kstar: number | null = null;
  for (let k = 0; k < p; k++) {
    if ((r[k] as number) >= threshold) {
      kstar = k;
      break;
    }
  }
  return { r, R, kstar };
}
