/**
 * The roots of the secular equation of a rank-one modified diagonal matrix `D + ρ z zᵀ`
 * (ρ > 0, d₀ < d₁ < … < d_{k−1} strictly, every z_j ≠ 0, ‖z‖ ≤ 1):
 * `f(λ) = 1 + ρ Σ_j z_j² / (d_j − λ) = 0` has exactly one root in each (d_i, d_{i+1})
 * and one in (d_{k−1}, d_{k−1} + ρ‖z‖²] (LAPACK `dlaed4`'s problem).
 *
 * Each root is returned as an `origin` pole index and an offset `tau` with
 * λ_i = d_origin + τ_i, where the origin is the pole nearer the root, so the differences
 * `d_j − λ_i = (d_j − d_origin) − τ_i` that the eigenvectors need are accurate to a few ulps
 * even when λ_i is within rounding of a pole.
 *
 * Iteration: Li's "middle way" (the two nearest poles fitted to the value and slope of
 * the two halves of the sum, then a quadratic solved for the step), safeguarded by a
 * bracket that shrinks on every evaluation and bisection whenever the step leaves it.
 */

/** Evaluations allowed per root; the rational model converges in 3–6, bisection alone needs ≤ 110. */
const MAX_ITERATIONS = 120;

/**
 * Solves for every root. `d` and `z` have `k` entries; writes `origin[i]` and `tau[i]`.
 *
 * @example
 * ```ts
 * solveSecularEquation(2, Float64Array.of(0, 1), Float64Array.of(0.6, 0.8), 1, origin, tau);
 * ```
 */
export function solveSecularEquation(
  k: number,
  d: Float64Array,
  z: Float64Array,
  rho: number,
  origin: Int32Array,
  tau: Float64Array,
): void {
  let zSquares = 0;
  for (let j = 0; j < k; j++) zSquares += z[j] * z[j];
  for (let i = 0; i < k; i++) {
    let pole: number;
    let lo: number;
    let hi: number;
    if (i < k - 1) {
      const gap = d[i + 1] - d[i];
      const middle = gap / 2;
      let f = 1;
      for (let j = 0; j < k; j++) f += (rho * z[j] * z[j]) / (d[j] - d[i] - middle);
      if (f >= 0) {
        pole = i;
        lo = 0;
        hi = middle;
      } else {
        pole = i + 1;
        lo = -middle;
        hi = 0;
      }
    } else {
      pole = i;
      lo = 0;
      hi = rho * zSquares;
    }
    tau[i] = solveOneRoot(k, d, z, rho, i, pole, lo, hi);
    origin[i] = pole;
  }
}

/** Root i as an offset from d[pole], inside the open bracket (lo, hi] of offsets. */
function solveOneRoot(
  k: number,
  d: Float64Array,
  z: Float64Array,
  rho: number,
  i: number,
  pole: number,
  lo: number,
  hi: number,
): number {
  const eps = Number.EPSILON;
  const base = d[pole];
  const last = i === k - 1;
  // Offsets of the two poles the model keeps (the upper one unused for the last root).
  const lowerPole = d[i] - base;
  const upperPole = last ? 0 : d[i + 1] - base;
  let t = (lo + hi) / 2;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // ψ: poles at or below d_i; φ: poles above. Both with their derivatives in t.
    let psi = 0;
    let psiSlope = 0;
    let phi = 0;
    let phiSlope = 0;
    for (let j = 0; j <= i; j++) {
      const term = z[j] / (d[j] - base - t);
      psi += rho * z[j] * term;
      psiSlope += rho * term * term;
    }
    for (let j = i + 1; j < k; j++) {
      const term = z[j] / (d[j] - base - t);
      phi += rho * z[j] * term;
      phiSlope += rho * term * term;
    }
    const f = 1 + psi + phi;
    if (f === 0) return t;
    if (f < 0) lo = t;
    else hi = t;
    // f is known to within a few ulps of its terms: stop there (as dlaed4's error bound).
    if (Math.abs(f) <= 8 * eps * (k + 1) * (1 + Math.abs(psi) + Math.abs(phi))) return t;
    if (hi - lo <= 2 * eps * Math.max(Math.abs(lo), Math.abs(hi))) return (lo + hi) / 2;
    const lowerGap = lowerPole - t;
    let step = Number.NaN;
    if (last) {
      const constant = f - lowerGap * psiSlope;
      if (constant !== 0) step = lowerGap + (lowerGap * lowerGap * psiSlope) / constant;
    } else {
      const upperGap = upperPole - t;
      const constant = f - lowerGap * psiSlope - upperGap * phiSlope;
      const lowerWeight = lowerGap * lowerGap * psiSlope;
      const upperWeight = upperGap * upperGap * phiSlope;
      // constant·η² − b·η + c = 0, the model's root nearest the current point.
      const b = constant * (lowerGap + upperGap) + lowerWeight + upperWeight;
      const c = constant * lowerGap * upperGap + lowerWeight * upperGap + upperWeight * lowerGap;
      if (constant === 0) step = b === 0 ? Number.NaN : c / b;
      else {
        const discriminant = b * b - 4 * constant * c;
        if (discriminant >= 0) {
          const q = (b + (b >= 0 ? 1 : -1) * Math.sqrt(discriminant)) / 2;
          const first = q / constant;
          const second = q === 0 ? Number.NaN : c / q;
          const firstInside = t + first > lo && t + first < hi;
          const secondInside = t + second > lo && t + second < hi;
          if (firstInside && secondInside) step = Math.abs(first) < Math.abs(second) ? first : second;
          else if (firstInside) step = first;
          else if (secondInside) step = second;
        }
      }
    }
    const next = t + step;
    if (!(next > lo && next < hi)) t = (lo + hi) / 2;
    else {
      if (Math.abs(step) <= 2 * eps * Math.abs(next)) return next;
      t = next;
    }
  }
  return t;
}
