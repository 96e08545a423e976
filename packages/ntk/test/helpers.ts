import { createRng } from '@benignlab/data';
import { Matrix } from '@benignlab/linalg';
import golden from './fixtures/ntk.json' with { type: 'json' };

/** The golden reference (copied from the project's shared numpy reference values). */
export const reference = golden;

/** A seeded `rows×cols` matrix of N(0, 1) entries. */
export function gaussianMatrix(rows: number, cols: number, seed: number): Matrix {
  return new Matrix(rows, cols, createRng(seed).fillNormal(new Float64Array(rows * cols)));
}

/** A seeded N(0, 1) vector. */
export function gaussianVector(length: number, seed: number): Float64Array {
  return createRng(seed).fillNormal(new Float64Array(length));
}

/** Max over entries of |actual − expected| / (|expected| + floor·max|expected|). */
export function maxRelativeError(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  floor = 1e-6,
): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  let scale = 0;
  for (let k = 0; k < expected.length; k++) scale = Math.max(scale, Math.abs(expected[k] as number));
  let worst = 0;
  for (let k = 0; k < expected.length; k++) {
    const e = expected[k] as number;
    const difference = Math.abs((actual[k] as number) - e);
    const denominator = Math.abs(e) + floor * scale;
    // NaN in `actual` must fail, hence the explicit comparisons.
    const error =
      denominator > 0 ? difference / denominator : difference === 0 ? 0 : Number.POSITIVE_INFINITY;
    worst = error > worst || Number.isNaN(error) ? error : worst;
  }
  return worst;
}

/** Row-major flattening of nested arrays. */
export function flatten(rows: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(rows.flat());
}

/** Relative Frobenius distance ‖A − B‖_F / ‖B‖_F of two equally long buffers. */
export function relativeFrobenius(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let difference = 0;
  let norm = 0;
  for (let k = 0; k < expected.length; k++) {
    const e = expected[k] as number;
    difference += ((actual[k] as number) - e) ** 2;
    norm += e * e;
  }
  return Math.sqrt(difference / norm);
}

/**
 * The pair geometry of Theory §5 by its scalar definition, the reference the fast
 * kernels are tested against: `u = ⟨a, b⟩`, `norms = ‖a‖‖b‖`, `c = u/norms` clamped to
 * [−1, 1], `φ = arccos c`.
 */
export function pairGeometry(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { u: number; norms: number; c: number; phi: number } {
  let u = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    const ak = a[k] as number;
    const bk = b[k] as number;
    u += ak * bk;
    aa += ak * ak;
    bb += bk * bk;
  }
  const norms = Math.sqrt(aa) * Math.sqrt(bb);
  const c = Math.min(1, Math.max(-1, u / norms));
  return { u, norms, c, phi: Math.acos(c) };
}
