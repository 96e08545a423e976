import { describeValue, gram, Matrix } from '@benignlab/linalg';
import { MAX_DIMENSION } from '../design/validate-fields.js';
import { DataError } from '../errors.js';
import { chiDraw } from '../rng/chi.js';
import type { Rng } from '../rng/xoshiro256.js';

/**
 * The Bartlett factor of a real Wishart matrix: `ZZᵀ = LLᵀ` in law, for `Z` an N×m matrix of
 * independent standard normals, without forming Z. L is N×r (r = min(N, m)) lower
 * trapezoidal with `L_ii ~ χ_{m−i}` (0-based i) and `L_ij ~ N(0, 1)` below the diagonal,
 * all independent (Bartlett's decomposition; Gram–Schmidt of the rows of Z: row i's part
 * orthogonal to the earlier rows has χ_{m−i} length, its coordinates on them are N(0, 1)).
 * O(N·r) memory and time.
 *
 * @param rows N, the number of points, an integer ≥ 1
 * @param degrees m, the dimension the points live in, an integer ≥ 1
 * @param rng the generator
 * @returns the N×r factor L
 * @example
 * ```ts
 * const L = bartlettFactor(300, 100000, createRng(3)); // 300×300, LLᵀ ~ Wishart(100000, I)
 * ```
 */
export function bartlettFactor(rows: number, degrees: number, rng: Rng): Matrix {
  requireSize('rows', rows);
  requireSize('degrees', degrees);
  const r = Math.min(rows, degrees);
  const L = new Matrix(rows, r);
  const data = L.data;
  for (let i = 0; i < rows; i++) {
    const offset = i * r;
    const below = Math.min(i, r);
    if (below > 0) rng.fillNormal(data.subarray(offset, offset + below));
    if (i < r) data[offset + i] = chiDraw(rng, degrees - i);
  }
  return L;
}

/**
 * An exact draw of the Wishart matrix `ZZᵀ` (N×N, `Z` N×m standard Gaussian) as `LLᵀ` from
 * {@link bartlettFactor}: the Gram matrix of N Gaussian points in dimension m, in O(N²)
 * memory and O(N²·min(N, m)) time, whatever m.
 *
 * @param rows N, the number of Gaussian points (the result is N×N), an integer ≥ 1
 * @param degrees m, the dimension of the points (Wishart degrees of freedom), an integer ≥ 1; may be far larger than N
 * @param rng the random generator the draw consumes (e.g. `createRng(seed)`)
 * @example
 * ```ts
 * const W = bartlettGram(500, 1e6, createRng(4)); // 500×500, ≈ 10⁶·I
 * ```
 */
export function bartlettGram(rows: number, degrees: number, rng: Rng): Matrix {
  return gram(bartlettFactor(rows, degrees, rng));
}

function requireSize(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DIMENSION) {
    throw new DataError(name, `expected an integer from 1 to ${MAX_DIMENSION}, got ${describeValue(value)}`);
  }
}
