/**
 * Implicit QL with Wilkinson shifts on the symmetric tridiagonal (d, e) (EISPACK `tql2`,
 * LAPACK `dsteqr`): diagonal `d` (n), super-diagonal `e[0..n−2]` (`e[n−1]` ignored and
 * zeroed), each plane rotation applied to rows i, i+1 of `w` (n×`rowLength` row-major)
 * when given, so `w ← Zᵀ w` with T = Z D Zᵀ: starting from `w = I` (n×n) row k ends as the
 * eigenvector of `d[k]`; starting from `w = B` it ends as `ZᵀB` (projections onto the
 * eigenvectors, without forming them). On return `d` holds the eigenvalues (unsorted) and
 * `e` is zeroed. Returns −1 on success, else the index of the eigenvalue whose
 * iteration took more than `maxSweeps` sweeps.
 *
 * @example
 * ```ts
 * const d = Float64Array.of(2, 2); const e = Float64Array.of(1, 0);
 * implicitQL(2, d, e, undefined, 60); // d = [1, 3] in some order
 * ```
 */
export function implicitQL(
  n: number,
  d: Float64Array,
  e: Float64Array,
  w: Float64Array | undefined,
  maxSweeps: number,
  rowLength = n,
): number {
  const eps = Number.EPSILON;
  e[n - 1] = 0;
  let shiftTotal = 0;
  let normEstimate = 0;
  for (let l = 0; l < n; l++) {
    normEstimate = Math.max(normEstimate, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * normEstimate) m++;
    if (m > l) {
      let sweeps = 0;
      do {
        if (++sweeps > maxSweeps) return l;
        // Wilkinson shift from the leading 2×2 block of the unreduced part.
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = planeNorm(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        shiftTotal += h;

        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = planeNorm(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (w === undefined) continue;
          const rowI = i * rowLength;
          const rowNext = rowI + rowLength;
          for (let k = 0; k < rowLength; k++) {
            const upper = w[rowI + k];
            const lower = w[rowNext + k];
            w[rowNext + k] = s * upper + c * lower;
            w[rowI + k] = c * upper - s * lower;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * normEstimate);
    }
    d[l] += shiftTotal;
    e[l] = 0;
  }
  return -1;
}

/**
 * √(x² + y²) by the plain formula, the hot operation of every QL rotation (several times
 * faster than `Math.hypot`); the scaled `Math.hypot` only when the squares leave the normal
 * range, so the result is as accurate as hypot's wherever it is used.
 */
function planeNorm(x: number, y: number): number {
  const squares = x * x + y * y;
  if (squares < 1e-300 || squares > 1e300) return Math.hypot(x, y);
  return Math.sqrt(squares);
}
