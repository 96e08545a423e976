import { describeValue, symTridiagonalEigenvalues } from '@benignlab/linalg';
import { MAX_DIMENSION } from '../design/validate-fields.js';
import { DataError } from '../errors.js';
import { chiDraw } from '../rng/chi.js';
import type { Rng } from '../rng/xoshiro256.js';

/**
 * The eigenvalues of a real Wishart matrix `ZZᵀ`, `Z` an n×m matrix of independent
 * standard normals (the β = 1 Laguerre ensemble), drawn exactly without forming Z:
 * Dumitriu & Edelman (2002) show they are the squared singular values of the n×n lower
 * bidiagonal matrix B with diagonal `χ_m, χ_{m−1}, …, χ_{m−n+1}` and sub-diagonal
 * `χ_{n−1}, …, χ_1` (independent), i.e. the eigenvalues of the tridiagonal `BBᵀ`, computed
 * by `symTridiagonalEigenvalues`. O(n) memory and O(n²) time, whatever m.
 *
 * When m < n, `ZZᵀ` has rank m: its nonzero eigenvalues are those of the m×m matrix `ZᵀZ`
 * (the same model with n and m swapped) and the other n − m are exactly 0.
 *
 * @param n the matrix size (rows of Z), an integer ≥ 1
 * @param m the degrees of freedom (columns of Z), an integer ≥ 1
 * @param rng the generator (the draw is a pure function of its state)
 * @returns the n eigenvalues, ascending
 * @example
 * ```ts
 * const values = laguerreEigenvalues(100, 10000, createRng(7)); // all ≈ 10000·(1 ± 0.1)²
 * ```
 */
export function laguerreEigenvalues(n: number, m: number, rng: Rng): Float64Array {
  requireSize('n', n);
  requireSize('m', m);
  if (m < n) {
    const nonzero = laguerreEigenvalues(m, n, rng);
    const values = new Float64Array(n);
    values.set(nonzero, n - m);
    return values;
  }
  // Diagonal a_i = χ_{m−i}, sub-diagonal b_i = χ_{n−1−i} (0-based), then BBᵀ.
  const a = new Float64Array(n);
  const b = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) a[i] = chiDraw(rng, m - i);
  for (let i = 0; i < n - 1; i++) b[i] = chiDraw(rng, n - 1 - i);
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) {
    const ai = a[i] as number;
    const below = i > 0 ? (b[i - 1] as number) : 0;
    diagonal[i] = ai * ai + below * below;
    if (i < n - 1) offDiagonal[i] = ai * (b[i] as number);
  }
  return symTridiagonalEigenvalues(diagonal, offDiagonal);
}

function requireSize(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DIMENSION) {
    throw new DataError(name, `expected an integer from 1 to ${MAX_DIMENSION}, got ${describeValue(value)}`);
  }
}
