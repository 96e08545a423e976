// Pieces shared by symEig, symEigValues and symEigProjections, so the three see the same
// scaled input and return the same eigenvalue bits in the same order.
import { LinalgError } from './errors.js';
import type { Matrix } from './matrix.js';

/** QL sweeps allowed per eigenvalue; Wilkinson-shifted QL needs 1–3 on average. */
export const MAX_SWEEPS_PER_EIGENVALUE = 60;

/** The error for a QL iteration that ran out of sweeps (only non-finite input gets there). */
export function nonConvergence(eigenvalue: number): LinalgError {
  return new LinalgError(
    'A',
    `the QL iteration did not converge for eigenvalue ${eigenvalue} after ${MAX_SWEEPS_PER_EIGENVALUE} sweeps; expected a finite symmetric matrix`,
  );
}

/** Indices of `d` by decreasing value (ties by index, so the order is deterministic). */
export function descendingOrder(d: Float64Array): number[] {
  return Array.from({ length: d.length }, (_, k) => k).sort((x, y) => d[y] - d[x] || x - y);
}

/**
 * `(A + Aᵀ) / (2·scale)` as a fresh n×n buffer, with `scale` = the largest |A_ij|, so the
 * sweeps neither overflow nor underflow; `scale` is 0 for the zero matrix (buffer unset).
 */
export function scaledSymmetricCopy(A: Matrix): { a: Float64Array; scale: number } {
  const n = A.rows;
  const source = A.data;
  let scale = 0;
  for (let k = 0; k < source.length; k++) scale = Math.max(scale, Math.abs(source[k]));
  const a = new Float64Array(n * n);
  if (scale === 0) return { a, scale };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i * n + j] = (source[i * n + j] + source[j * n + i]) / (2 * scale);
  }
  return { a, scale };
}
