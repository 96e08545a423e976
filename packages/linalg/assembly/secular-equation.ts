// The O(k²) arithmetic of a divide-and-conquer merge (LAPACK dlaed4 and dlaed3): the roots
// of the secular equation of D + ρ z zᵀ, Gu–Eisenstat's recomputed ẑ, and the k×k factor U
// of the merged eigenvectors. The sums over poles run two per f64x2 lane pair.
// Vectors are k f64 (origins k i32) at byte offsets; U is k×k row-major.

/** Evaluations allowed per root; the rational model converges in 3–6, bisection alone needs ≤ 110. */
const MAX_ITERATIONS: i32 = 120;

// @ts-ignore: decorator
@inline
function at(base: usize, index: i32): usize {
  return base + (<usize>index << 3);
}

/**
 * Σ_{j∈[from,to)} ρ z_j² / ((d_j − base) − t) in lane 0 and its slope in t,
 * Σ ρ (z_j / ((d_j − base) − t))², in lane 1. The differences are formed from the pole
 * offsets d_j − base, as accurate as the offsets themselves next to a pole.
 */
// @ts-ignore: decorator
@inline
function poleSums(d: usize, z: usize, rho: f64, base: f64, t: f64, from: i32, to: i32): v128 {
  let value = f64x2.splat(0);
  let slope = f64x2.splat(0);
  const bases = f64x2.splat(base);
  const offsets = f64x2.splat(t);
  let j = from;
  for (; j + 1 < to; j += 2) {
    const weights = v128.load(at(z, j));
    const terms = f64x2.div(weights, f64x2.sub(f64x2.sub(v128.load(at(d, j)), bases), offsets));
    value = f64x2.add(value, f64x2.mul(weights, terms));
    slope = f64x2.add(slope, f64x2.mul(terms, terms));
  }
  let scalarValue = f64x2.extract_lane(value, 0) + f64x2.extract_lane(value, 1);
  let scalarSlope = f64x2.extract_lane(slope, 0) + f64x2.extract_lane(slope, 1);
  for (; j < to; j++) {
    const weight = load<f64>(at(z, j));
    const term = weight / (load<f64>(at(d, j)) - base - t);
    scalarValue += weight * term;
    scalarSlope += term * term;
  }
  return f64x2.replace_lane(f64x2.splat(rho * scalarValue), 1, rho * scalarSlope);
}

/**
 * Every root of `f(λ) = 1 + ρ Σ_j z_j² / (d_j − λ)` (ρ > 0 the f64 at `rhoAt`, d strictly
 * increasing, z_j ≠ 0): one in each (d_i, d_{i+1}) and one in (d_{k−1}, d_{k−1} + ρ‖z‖²]. Root i is written as
 * the pole index `origin[i]` nearer to it and the offset `tau[i]`, λ_i = d_origin + τ_i, so
 * that d_j − λ_i = (d_j − d_origin) − τ_i keeps its accuracy next to a pole.
 */
export function solveSecularEquation(k: i32, d: usize, z: usize, rhoAt: usize, origin: usize, tau: usize): void {
  solveSecularRoots(k, d, z, rhoAt, origin, tau, 0, k);
}

/**
 * Roots `first`…`last − 1` of {@link solveSecularEquation}, with ρ read from the f64 at
 * `rhoAt`: ranges are independent, so threads may solve them in any order.
 */
export function solveSecularRoots(
  k: i32,
  d: usize,
  z: usize,
  rhoAt: usize,
  origin: usize,
  tau: usize,
  first: i32,
  last: i32,
): void {
  const rho = load<f64>(rhoAt);
  let zSquares: f64 = 0;
  for (let j = 0; j < k; j++) zSquares += load<f64>(at(z, j)) * load<f64>(at(z, j));
  for (let i = first; i < last; i++) {
    if (i == k - 1) {
      const none = f64x2.splat(0);
      const bound = rho * zSquares;
      store<f64>(at(tau, i), solveOneRoot(k, d, z, rho, i, i, 0, bound, bound / 2, false, none, none));
      store<i32>(origin + (<usize>i << 2), i);
      continue;
    }
    // The sign of f at the midpoint of (d_i, d_{i+1}) picks the nearer pole as the origin, and
    // its two sums give the first model step (dlaed4's initial guess) at no extra cost.
    const middle = (load<f64>(at(d, i + 1)) - load<f64>(at(d, i))) / 2;
    const lower = poleSums(d, z, rho, load<f64>(at(d, i)), middle, 0, i + 1);
    const upper = poleSums(d, z, rho, load<f64>(at(d, i)), middle, i + 1, k);
    const pole = 1 + f64x2.extract_lane(lower, 0) + f64x2.extract_lane(upper, 0) >= 0 ? i : i + 1;
    const t = pole == i ? middle : -middle;
    const root = solveOneRoot(k, d, z, rho, i, pole, pole == i ? 0 : -middle, pole == i ? middle : 0, t, true, lower, upper);
    store<f64>(at(tau, i), root);
    store<i32>(origin + (<usize>i << 2), pole);
  }
}

/**
 * Root i as an offset from d[pole] inside the bracket [lo, hi], by Li's "middle way" (the two
 * nearest poles fitted to the value and slope of the two halves of the sum, a quadratic
 * solved for the step), safeguarded by a bracket that shrinks on every evaluation and
 * bisection whenever the step leaves it. Starts at offset `start`, whose sums are
 * `startLower`/`startUpper` when `evaluated` (else they are computed).
 */
function solveOneRoot(
  k: i32,
  d: usize,
  z: usize,
  rho: f64,
  i: i32,
  pole: i32,
  lo: f64,
  hi: f64,
  start: f64,
  evaluated: bool,
  startLower: v128,
  startUpper: v128,
): f64 {
  const eps = f64.EPSILON;
  const base = load<f64>(at(d, pole));
  const last = i == k - 1;
  // Offsets of the two poles the model keeps (the upper one unused for the last root).
  const lowerPole = load<f64>(at(d, i)) - base;
  const upperPole = last ? 0 : load<f64>(at(d, i + 1)) - base;
  let t = start;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // ψ: poles at or below d_i; φ: poles above. Both with their slopes in t.
    const reuse = evaluated && iteration == 0;
    const lower = reuse ? startLower : poleSums(d, z, rho, base, t, 0, i + 1);
    const upper = reuse ? startUpper : poleSums(d, z, rho, base, t, i + 1, k);
    const psi = f64x2.extract_lane(lower, 0);
    const psiSlope = f64x2.extract_lane(lower, 1);
    const phi = f64x2.extract_lane(upper, 0);
    const phiSlope = f64x2.extract_lane(upper, 1);
    const f = 1 + psi + phi;
    if (f == 0) return t;
    if (f < 0) lo = t;
    else hi = t;
    // f is known to within a few ulps of its terms: stop there (as dlaed4's error bound).
    if (Math.abs(f) <= 8 * eps * <f64>(k + 1) * (1 + Math.abs(psi) + Math.abs(phi))) return t;
    if (hi - lo <= 2 * eps * Math.max(Math.abs(lo), Math.abs(hi))) return (lo + hi) / 2;
    const lowerGap = lowerPole - t;
    let step = NaN;
    if (last) {
      const constant = f - lowerGap * psiSlope;
      if (constant != 0) step = lowerGap + (lowerGap * lowerGap * psiSlope) / constant;
    } else {
      const upperGap = upperPole - t;
      const constant = f - lowerGap * psiSlope - upperGap * phiSlope;
      const lowerWeight = lowerGap * lowerGap * psiSlope;
      const upperWeight = upperGap * upperGap * phiSlope;
      // constant·η² − b·η + c = 0, the model's root nearest the current point.
      const b = constant * (lowerGap + upperGap) + lowerWeight + upperWeight;
      const c = constant * lowerGap * upperGap + lowerWeight * upperGap + upperWeight * lowerGap;
      if (constant == 0) step = b == 0 ? NaN : c / b;
      else {
        const discriminant = b * b - 4 * constant * c;
        if (discriminant >= 0) {
          const q = (b + (b >= 0 ? 1 : -1) * Math.sqrt(discriminant)) / 2;
          const first = q / constant;
          const second = q == 0 ? NaN : c / q;
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

/** d_j − λ_i, accurately: (d_j − d_origin(i)) − τ_i. */
// @ts-ignore: decorator
@inline
function difference(poles: usize, origin: usize, tau: usize, j: i32, i: i32): f64 {
  const o = load<i32>(origin + (<usize>i << 2));
  return load<f64>(at(poles, j)) - load<f64>(at(poles, o)) - load<f64>(at(tau, i));
}

/**
 * Π_{i∈[from,to)} ((pole − originPoles[i]) − τ_i) / (pole − denominators[i]), two factors per
 * lane pair: each factor is a ratio of comparable gaps, so no partial product leaves range.
 */
// @ts-ignore: decorator
@inline
function pairedRatios(pole: f64, originPoles: usize, tau: usize, denominators: usize, from: i32, to: i32): f64 {
  const poles = f64x2.splat(pole);
  let lanes = f64x2.splat(1);
  let i = from;
  for (; i + 1 < to; i += 2) {
    const gaps = f64x2.sub(f64x2.sub(poles, v128.load(at(originPoles, i))), v128.load(at(tau, i)));
    lanes = f64x2.mul(lanes, f64x2.div(gaps, f64x2.sub(poles, v128.load(at(denominators, i)))));
  }
  let product = f64x2.extract_lane(lanes, 0) * f64x2.extract_lane(lanes, 1);
  for (; i < to; i++) {
    const gap = pole - load<f64>(at(originPoles, i)) - load<f64>(at(tau, i));
    product *= gap / (pole - load<f64>(at(denominators, i)));
  }
  return product;
}

/**
 * The merged eigenvectors' factor U (k×k at `u`): Gu–Eisenstat's ẑ (into `zHat`), for which
 * the computed roots are exact, ẑ_j² = Π_i (λ_i − d_j) / (ρ Π_{i≠j} (d_i − d_j)) with the
 * factors paired so none leaves (0, 1], signed as z; then column i of U ∝ ẑ_j / (d_j − λ_i),
 * normalized. `originPoles` and `norms` are k-entry scratch.
 */
export function mergeFactor(
  k: i32,
  poles: usize,
  z: usize,
  rho: f64,
  origin: usize,
  tau: usize,
  zHat: usize,
  originPoles: usize,
  norms: usize,
  u: usize,
): void {
  for (let i = 0; i < k; i++) {
    store<f64>(at(originPoles, i), load<f64>(at(poles, load<i32>(origin + (<usize>i << 2)))));
    store<f64>(at(norms, i), 0);
  }
  for (let j = 0; j < k; j++) {
    const pole = load<f64>(at(poles, j));
    let product = -difference(poles, origin, tau, j, k - 1) / rho;
    // (d_j − λ_i)/(d_j − d_i) for i < j, then (d_j − λ_i)/(d_j − d_{i+1}) for j ≤ i < k−1: two
    // per lane pair, so the product is bound by division throughput, not by its latency.
    product *= pairedRatios(pole, originPoles, tau, poles, 0, j);
    product *= pairedRatios(pole, originPoles, tau, poles + 8, j, k - 1);
    const magnitude = Math.sqrt(Math.max(product, 0));
    store<f64>(at(zHat, j), load<f64>(at(z, j)) >= 0 ? magnitude : -magnitude);
  }
  // Rows of U: entry (j, i) = ẑ_j / ((d_j − d_origin(i)) − τ_i), two columns per lane pair.
  const pairs = k & ~1;
  for (let j = 0; j < k; j++) {
    const row = u + ((<usize>j * <usize>k) << 3);
    const pole = load<f64>(at(poles, j));
    const poleLanes = f64x2.splat(pole);
    const weight = f64x2.splat(load<f64>(at(zHat, j)));
    for (let i = 0; i < pairs; i += 2) {
      const entry = f64x2.div(
        weight,
        f64x2.sub(f64x2.sub(poleLanes, v128.load(at(originPoles, i))), v128.load(at(tau, i))),
      );
      v128.store(at(row, i), entry);
      v128.store(at(norms, i), f64x2.add(v128.load(at(norms, i)), f64x2.mul(entry, entry)));
    }
    if (pairs < k) {
      const entry = load<f64>(at(zHat, j)) / (pole - load<f64>(at(originPoles, pairs)) - load<f64>(at(tau, pairs)));
      store<f64>(at(row, pairs), entry);
      store<f64>(at(norms, pairs), load<f64>(at(norms, pairs)) + entry * entry);
    }
  }
  for (let i = 0; i < k; i++) store<f64>(at(norms, i), 1 / Math.sqrt(load<f64>(at(norms, i))));
  for (let j = 0; j < k; j++) {
    const row = u + ((<usize>j * <usize>k) << 3);
    let i = 0;
    for (; i < pairs; i += 2) v128.store(at(row, i), f64x2.mul(v128.load(at(row, i)), v128.load(at(norms, i))));
    if (i < k) store<f64>(at(row, i), load<f64>(at(row, i)) * load<f64>(at(norms, i)));
  }
}
