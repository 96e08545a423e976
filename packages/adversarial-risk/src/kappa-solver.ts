import { RiskError } from './errors.js';
import type { SpectralSums } from './spectral-sums.js';

const MAX_ITERATIONS = 500;
const RELATIVE_TOLERANCE = 4 * Number.EPSILON;
/**
 * Rounding error of G relative to the magnitudes of its terms, per √(number of
 * summed terms): summation errors grow like a random walk.
 */
const ROUNDING_FLOOR = 8 * Number.EPSILON;

/** κ for each λ of a grid, and how many evaluations of the sums it took. */
export interface KappaSolution {
  readonly kappa: Float64Array;
  /** Iterations of the λ = 0 solve plus those of the grid solve (each one evaluation per active λ). */
  readonly iterations: number;
}

/**
 * Solves the self-consistent equation of the ridge deterministic equivalent
 * ([Theory §4](https://benignlab.github.io/theory.html#section-4)), `κ − λ = (κ/n) Σ_j λ_j/(λ_j + κ)`, for every λ of a grid at once.
 *
 * Dividing by κ gives `G(κ) = 1 − S₁(κ)/n − λ/κ = 0` with `S₁ = Σ_j λ_j/(λ_j + κ)`,
 * evaluated either so or as `(n − p)/n + (κ/n) Σ_j 1/(λ_j + κ) − λ/κ`, whichever sums
 * the smaller of `S₁` and `κ Σ_j 1/(λ_j + κ) = p − S₁` (the smaller rounding error).
 * G is increasing and concave on κ > 0, so the root is unique, and a Newton step
 * from a point left of the root never overshoots it. Each λ keeps a bracket
 * `[lo, hi]` with `G(lo) < 0 < G(hi)`, starting from `lo = max(λ, κ₀)` (κ₀ the λ = 0
 * root when p > n, else 0) and `hi = λ + tr Σ / n`; a step is Newton's when it stays
 * inside the bracket and is not creeping, else the geometric midpoint `√(lo·hi)`
 * (which rescues tiny λ, where Newton only doubles κ per step). Iteration stops when
 * the Newton step is below 4ε relative, or G is at its rounding floor (then one last
 * Newton step is taken from there). All λ iterate together, one evaluation of the sums
 * per active λ and iteration.
 *
 * @param sums the spectral sums (direct or by cluster expansion)
 * @param n sample size (> 0)
 * @param lambdas ridge parameters (≥ 0); λ = 0 requires p > n
 * @returns κ for each λ, and the iteration count
 */
export function solveKappa(sums: SpectralSums, n: number, lambdas: Float64Array): KappaSolution {
  const count = lambdas.length;
  const overparameterized = sums.dimension > n;
  for (let k = 0; k < count; k++) {
    if (lambdas[k] === 0 && !overparameterized) {
      throw new RiskError(
        'lambda',
        `is 0 (min-norm), which needs p > n, but p = ${sums.dimension} and n = ${n}; use λ > 0 or more features`,
      );
    }
  }
  let iterations = 0;
  let minNormKappa = 0;
  if (overparameterized) {
    const minNorm = solveBracketed(sums, n, new Float64Array([0]), true);
    minNormKappa = minNorm.kappa[0] as number;
    iterations += minNorm.iterations;
  }
  const kappa = new Float64Array(count);
  const positive: number[] = [];
  for (let k = 0; k < count; k++) {
    if ((lambdas[k] as number) > 0) positive.push(k);
    else kappa[k] = minNormKappa;
  }
  if (positive.length === 0) return { kappa, iterations };
  const grid = Float64Array.from(positive, (k) => lambdas[k] as number);
  const lower = grid.map((lambda) => Math.max(lambda, minNormKappa));
  const solved = solveBracketed(sums, n, grid, false, lower);
  positive.forEach((k, index) => {
    kappa[k] = solved.kappa[index] as number;
  });
  return { kappa, iterations: iterations + solved.iterations };
}

/**
 * Safeguarded Newton on G for every λ of `lambdas` together. With `minNorm` the
 * λ = 0 equation is solved and the left bracket end is found by halving from
 * `tr Σ / n` (where G > 0) until G < 0, which happens because G → 1 − p/n < 0 as
 * κ → 0.
 */
function solveBracketed(
  sums: SpectralSums,
  n: number,
  lambdas: Float64Array,
  minNorm: boolean,
  lower?: Float64Array,
): KappaSolution {
  const count = lambdas.length;
  const lo = new Float64Array(count);
  const hi = new Float64Array(count);
  const x = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    hi[k] = (lambdas[k] as number) + sums.trace / n;
    lo[k] = minNorm ? 0 : (lower?.[k] as number);
    x[k] = minNorm ? (hi[k] as number) / 2 : (lo[k] as number);
  }
  const active = new Int32Array(count);
  let activeCount = count;
  for (let k = 0; k < count; k++) active[k] = k;
  const inverseSum = new Float64Array(count);
  const fractionSum = new Float64Array(count);
  const slopeSum = new Float64Array(count);
  const excess = (n - sums.dimension) / n;
  const floor = ROUNDING_FLOOR * Math.sqrt(sums.termCount + 1);

  let iteration = 0;
  for (; activeCount > 0; iteration++) {
    if (iteration === MAX_ITERATIONS) {
      throw new RiskError('lambda', `the κ equation did not converge in ${MAX_ITERATIONS} iterations`);
    }
    sums.solverSums(x, active, activeCount, inverseSum, fractionSum, slopeSum);
    let stillActive = 0;
    for (let a = 0; a < activeCount; a++) {
      const k = active[a] as number;
      const current = x[k] as number;
      const lambda = lambdas[k] as number;
      const ratio = lambda / current;
      // 1 − S₁/n equals (n − p)/n + (κ/n)·Σ 1/(λ_j + κ), since S₁ + κ·Σ 1/(λ_j + κ) = p.
      // Whichever of the two sums is smaller has the smaller rounding error: the first
      // form cancels when p ≈ n and κ ≪ λ_j, the second carries the error of a sum of
      // size p − n, which swamps G when p ≫ n.
      const complement = (current * (inverseSum[k] as number)) / n;
      const fraction = (fractionSum[k] as number) / n;
      const g = complement <= fraction ? excess + complement - ratio : 1 - fraction - ratio;
      const magnitude = complement <= fraction ? Math.abs(excess) + complement + ratio : 1 + fraction + ratio;
      const slope = (slopeSum[k] as number) / n + ratio / current;
      const newton = current - g / slope;
      const atFloor = Math.abs(g) <= floor * magnitude;
      if (minNorm && (lo[k] as number) === 0 && !atFloor) {
        // Still looking for the left bracket end: halve until G < 0.
        if (g > 0) {
          hi[k] = current;
          x[k] = current / 2;
          if (x[k] === 0)
            throw new RiskError('n', `the κ equation at λ = 0 has no positive root for n = ${n}`);
        } else {
          lo[k] = current;
        }
        active[stillActive++] = k;
        continue;
      }
      if (g < 0) lo[k] = current;
      else if (g > 0) hi[k] = current;
      const left = lo[k] as number;
      const right = hi[k] as number;
      const midpoint = Math.sqrt(left) * Math.sqrt(right);
      const newtonUsable = Number.isFinite(newton) && newton > left && newton < right;
      // At the rounding floor of G's terms the sign of G carries no information; the
      // Newton step from here is still the best estimate of the root.
      if (atFloor) {
        if (newtonUsable) x[k] = newton;
        continue;
      }
      // Far left of the root, where λ/κ dominates G, Newton creeps (at most doubling κ
      // per step); the geometric midpoint is then the bigger move.
      const creeping = g < 0 && newton - current > 0.5 * current && newton < midpoint;
      const next = newtonUsable && !creeping ? newton : midpoint;
      if (newtonUsable && Math.abs(newton - current) <= RELATIVE_TOLERANCE * current) {
        x[k] = newton;
        continue;
      }
      // The bracket is as tight as floating point allows (or as the tolerance asks).
      if (right - left <= RELATIVE_TOLERANCE * left || !(next > left && next < right)) {
        x[k] = g < 0 ? left : right;
        continue;
      }
      x[k] = next;
      active[stillActive++] = k;
    }
    activeCount = stillActive;
  }
  return { kappa: x, iterations: iteration };
}
