/**
 * Eigenvalues of a symmetric tridiagonal matrix by the rational (root-free) QL iteration
 * of Reinsch, EISPACK `tqlrat` (the algorithm of LAPACK's `dsterf` family): it works on
 * the squared off-diagonal `e2` and needs no square root inside a sweep, about half the
 * cost of a QL rotation sweep. Values only, O(n) memory.
 *
 * `d` (n) holds the diagonal and `e2[i] = T[i][i+1]²` for i < n − 1; `e2[n − 1]` is
 * ignored. On return `d` holds the eigenvalues (unsorted) and `e2` is overwritten.
 * Returns −1 on success, else the index of the eigenvalue that needed more than
 * `maxSweeps` sweeps.
 */
export function rationalQL(n: number, d: Float64Array, e2: Float64Array, maxSweeps: number): number {
  e2[n - 1] = 0;
  let shiftTotal = 0;
  let normEstimate = 0;
  let b = 0;
  let c = 0;
  for (let l = 0; l < n; l++) {
    let sweeps = 0;
    const h0 = Math.abs(d[l] as number) + Math.sqrt(e2[l] as number);
    if (normEstimate < h0) {
      normEstimate = h0;
      b = Number.EPSILON * normEstimate;
      c = b * b;
    }
    // The first negligible squared off-diagonal at or below l (e2[n − 1] = 0 stops it).
    let m = l;
    while ((e2[m] as number) > c) m++;
    if (m > l) {
      for (;;) {
        if (++sweeps > maxSweeps) return l;
        // Wilkinson-type shift from the leading 2×2 block.
        const s0 = Math.sqrt(e2[l] as number);
        const g0 = d[l] as number;
        const p0 = ((d[l + 1] as number) - g0) / (2 * s0);
        // √(p0² + 1) with sqrt alone: Math.hypot is rounded differently by different engines
        // (V8, JavaScriptCore), sqrt is exact everywhere; past 1e150, p0² + 1 rounds to p0².
        const r0 = Math.abs(p0) > 1e150 ? Math.abs(p0) : Math.sqrt(p0 * p0 + 1);
        d[l] = s0 / (p0 + (p0 >= 0 ? r0 : -r0));
        const shift = g0 - (d[l] as number);
        for (let i = l + 1; i < n; i++) d[i] = (d[i] as number) - shift;
        shiftTotal += shift;
        // One rational QL sweep from m up to l.
        let g = d[m] as number;
        if (g === 0) g = b;
        let h = g;
        let s = 0;
        for (let i = m - 1; i >= l; i--) {
          const p = g * h;
          const r = p + (e2[i] as number);
          e2[i + 1] = s * r;
          s = (e2[i] as number) / r;
          const di = d[i] as number;
          d[i + 1] = h + s * (h + di);
          g = di - (e2[i] as number) / g;
          if (g === 0) g = b;
          h = (g * p) / r;
        }
        e2[l] = s * g;
        d[l] = h;
        // Converged when the new squared off-diagonal is negligible (guarding underflow).
        if (h === 0 || Math.abs(e2[l] as number) <= Math.abs(c / h)) break;
        e2[l] = h * (e2[l] as number);
        if (e2[l] === 0) break;
      }
    }
    d[l] = (d[l] as number) + shiftTotal;
  }
  return -1;
}
