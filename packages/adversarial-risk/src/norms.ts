import { assertVector, describeValue, toFloat64Vector, type VectorInput } from '@benignlab/linalg';
import { RiskError } from './errors.js';

/**
 * The perturbation norm `‖·‖` of the adversary: `'l2'`, `'linf'`, or a number
 * `p ≥ 1` for ℓp (`Infinity` is ℓ∞, `2` is ℓ2).
 */
export type NormSpec = 'l2' | 'linf' | number;

/**
 * The exponent `p ∈ [1, ∞]` of a {@link NormSpec}, validated: `'l2'` → 2,
 * `'linf'` → ∞, a number p ≥ 1 → p.
 *
 * @param norm `'l2'`, `'linf'` or a number p ≥ 1
 * @param name the argument name an error reports (default `'norm'`)
 * @example
 * ```ts
 * normExponent('linf'); // Infinity
 * ```
 */
export function normExponent(norm: NormSpec, name = 'norm'): number {
  if (norm === 'l2') return 2;
  if (norm === 'linf') return Number.POSITIVE_INFINITY;
  if (typeof norm === 'number' && !Number.isNaN(norm) && norm >= 1) return norm;
  throw new RiskError(name, `expected 'l2', 'linf' or a number p ≥ 1, got ${describeValue(norm)}`);
}

/**
 * The dual exponent `q` with `1/p + 1/q = 1` (ℓ1 ↔ ℓ∞, ℓ2 ↔ ℓ2).
 *
 * @param p the perturbation norm's exponent, p ≥ 1 (`Infinity` for ℓ∞)
 * @returns q = p/(p − 1) ∈ [1, ∞]
 * @example
 * ```ts
 * dualExponent(3); // 1.5
 * ```
 */
export function dualExponent(p: number): number {
  if (typeof p !== 'number' || Number.isNaN(p) || p < 1) {
    throw new RiskError('p', `expected an exponent p ≥ 1 (Infinity for ℓ∞), got ${describeValue(p)}`);
  }
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === Number.POSITIVE_INFINITY) return 1;
  return p / (p - 1);
}

/**
 * The ℓq norm `(Σ_j |v_j|^q)^{1/q}` of a vector (`q = ∞`: `max_j |v_j|`). The ℓ2
 * case is scaled by the largest entry so huge or tiny vectors neither overflow nor
 * underflow.
 *
 * @param v vector of length p, finite entries (a `Float64Array` or `number[]`)
 * @param q exponent in [1, ∞]
 * @example
 * ```ts
 * lqNorm(new Float64Array([3, -4]), 2); // 5
 * ```
 */
export function lqNorm(v: VectorInput, q: number): number {
  const vector = assertVector('v', toFloat64Vector(v));
  if (typeof q !== 'number' || Number.isNaN(q) || q < 1) {
    throw new RiskError(
      'q',
      `expected an exponent q ≥ 1 (Infinity for the max norm), got ${describeValue(q)}`,
    );
  }
  return lqNormValue(vector, q);
}

/** {@link lqNorm} without validation, for attack loops whose inputs were checked once. */
export function lqNormValue(v: Float64Array, q: number): number {
  const length = v.length;
  if (q === Number.POSITIVE_INFINITY) {
    let max = 0;
    for (let j = 0; j < length; j++) {
      const a = Math.abs(v[j] as number);
      if (a > max) max = a;
    }
    return max;
  }
  if (q === 1) {
    let sum = 0;
    for (let j = 0; j < length; j++) sum += Math.abs(v[j] as number);
    return sum;
  }
  let max = 0;
  for (let j = 0; j < length; j++) {
    const a = Math.abs(v[j] as number);
    if (a > max) max = a;
  }
  if (max === 0) return 0;
  let sum = 0;
  if (q === 2) {
    for (let j = 0; j < length; j++) {
      const a = (v[j] as number) / max;
      sum += a * a;
    }
    return max * Math.sqrt(sum);
  }
  for (let j = 0; j < length; j++) sum += (Math.abs(v[j] as number) / max) ** q;
  return max * sum ** (1 / q);
}

/**
 * `‖θ‖_*`, the dual norm of θ for perturbations measured in `norm`: the largest
 * change `max_{‖δ‖ ≤ 1} ⟨δ, θ⟩` a unit perturbation can cause in a linear predictor
 * ([Theory §3](https://benignlab.github.io/theory.html#section-3): ℓ2 → ℓ2, ℓ∞ → ℓ1, ℓp → ℓq with 1/p + 1/q = 1).
 *
 * @param theta predictor in ambient coordinates, length p, finite entries (a `Float64Array` or `number[]`)
 * @param norm the adversary's norm
 * @example
 * ```ts
 * dualNorm(new Float64Array([1, -2]), 'linf'); // 3
 * ```
 */
export function dualNorm(theta: VectorInput, norm: NormSpec = 'l2'): number {
  return dualNormValue(assertVector('theta', toFloat64Vector(theta)), norm);
}

/** {@link dualNorm} without checking θ (the norm is still validated). */
export function dualNormValue(theta: Float64Array, norm: NormSpec): number {
  return lqNormValue(theta, dualExponent(normExponent(norm)));
}
