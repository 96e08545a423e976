import { dimensionAt } from './parameters.ts';

/**
 * The linearised NTK theory line is trusted where p ≥ `ntkTrustRatio`·n. The neglected
 * non-linear part of the kernel is, relative to its implicit ridge, of order n/p (Theory
 * page, "Where the linearised NTK theory is trustworthy"); the approximation was checked at
 * p/n = 100 (0.3 % error) and agrees with simulation at p/n ≥ 20, while at p/n ≈ 2.3
 * (a = 1.1, n = 3 200, both layers) the simulated R is about twice the line. A rule of
 * thumb from those measurements, not a theorem.
 */
export const ntkTrustRatio = 10;

/**
 * Whether the linearised NTK theory is trusted at sample size n: `p = ⌈nᵃ⌉ + 5 ≥ 10·n`.
 *
 * @param n sample size (≥ 1)
 * @param a overparameterization exponent of p = ⌈nᵃ⌉ + 5
 * @returns true inside the trust region
 * @example
 * ```ts
 * ntkTheoryTrusted(400, 1.5); // true: p = 8 005 ≥ 4 000
 * ntkTheoryTrusted(3200, 1.1); // false: p ≈ 7 200 < 32 000
 * ```
 */
export function ntkTheoryTrusted(n: number, a: number): boolean {
  return dimensionAt(n, a) >= ntkTrustRatio * n;
}
