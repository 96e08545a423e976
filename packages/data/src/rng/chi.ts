import { describeValue } from '@benignlab/linalg';
import { DataError } from '../errors.js';
import { deterministicLog } from './deterministic-math.js';
import type { Rng } from './xoshiro256.js';

/**
 * One draw of the χ distribution with `k` degrees of freedom, `√(g₁² + … + g_k²)` for
 * independent standard normals, in O(1) time whatever k: `χ_k = √(2·Γ(k/2, 1))` with the
 * gamma variate from Marsaglia & Tsang (2000) (shape ≥ 1; one normal and one uniform per
 * try, acceptance > 95 %), and `χ_1 = |g|`. The logarithm is engine-independent, so the
 * same generator state gives the same bits everywhere.
 *
 * @param rng the generator to draw from
 * @param k degrees of freedom, an integer ≥ 1
 * @example
 * ```ts
 * const r = chiDraw(createRng(1), 1000); // ≈ √1000 ± 0.7
 * ```
 */
export function chiDraw(rng: Rng, k: number): number {
  if (!Number.isInteger(k) || k < 1) {
    throw new DataError('k', `expected an integer number of degrees of freedom ≥ 1, got ${describeValue(k)}`);
  }
  if (k === 1) return Math.abs(rng.normal());
  const d = k / 2 - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextDouble();
    const x2 = x * x;
    if (
      u < 1 - 0.0331 * x2 * x2 ||
      (u > 0 && deterministicLog(u) < 0.5 * x2 + d * (1 - v + deterministicLog(v)))
    ) {
      return Math.sqrt(2 * d * v);
    }
  }
}
