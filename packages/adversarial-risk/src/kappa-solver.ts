import { RiskError } from './errors.js';
import type { SpectrumGroups } from './spectrum-groups.js';

const MAX_ITERATIONS = 500;
const RELATIVE_TOLERANCE = 4 * Number.EPSILON;
/**
 * Rounding error of G relative to the magnitudes of its terms, per √(number of
 * summed groups): summation errors grow like a random walk.
 */
const ROUNDING_FLOOR = 8 * Number.EPSILON;
/** Above this many distinct eigenvalues, start from a solution on a binned spectrum. */
const COARSE_THRESHOLD = 4096;
/** Eigenvalue groups per cache block (2 × 32 KiB of values and multiplicities). */
const GROUP_BLOCK = 4096;
/** Log-spaced bins of that binned spectrum. */
const COARSE_BINS = 1024;

/**
 * Solves the self-consistent equation of the ridge deterministic equivalent
 * (THEORY.md §4), `κ − λ = (κ/n) Σ_j λ_j/(λ_j + κ)`, for every λ of a grid at once.
 *
 * Dividing by κ gives `G(κ) = 1 − S₁(κ)/n − λ/κ = 0` with `S₁ = Σ_j λ_j/(λ_j + κ)`,
 * evaluated as `(n − p)/n + (κ/n) Σ_j 1/(λ_j + κ) − λ/κ` to avoid cancellation.
 * G is increasing and concave on κ > 0, so the root is unique, and a Newton step
 * from a point left of the root never overshoots it. Each λ keeps a bracket
 * `[lo, hi]` with `G(lo) < 0 < G(hi)`, starting from `lo = max(λ, κ₀)` (κ₀ the λ = 0
 * root when p > n, else 0) and `hi = λ + tr Σ / n`; a step is Newton's when it stays
 * inside the bracket and is not creeping, else the geometric midpoint `√(lo·hi)`
 * (which rescues tiny λ, where Newton only doubles κ per step); iteration stops at
 * the rounding floor of G. All λ iterate together, sweeping the spectrum once per
 * iteration in cache-sized blocks: `iterations × groups × grid` operations. Spectra
 * with more than 4096 distinct values start from the solution on a log-binned copy,
 * which leaves only a few full sweeps.
 *
 * @param groups the spectrum (merged runs of equal eigenvalues)
 * @param n sample size (> 0)
 * @param lambdas ridge parameters (≥ 0); λ = 0 requires p > n
 * @returns κ for each λ
 */
export function solveKappa(groups: SpectrumGroups, n: number, lambdas: Float64Array): Float64Array {
  const count = lambdas.length;
  const overparameterized = groups.dimension > n;
  for (let k = 0; k < count; k++) {
    if (lambdas[k] === 0 && !overparameterized) {
      throw new RiskError(
        'lambda',
        `is 0 (min-norm), which needs p > n, but p = ${groups.dimension} and n = ${n}; use λ > 0 or more features`,
      );
    }
  }
  const minNormKappa = overparameterized ? solveBracketed(groups, n, new Float64Array([0]), true)[0]! : 0;
  const kappa = new Float64Array(count);
  const positive: number[] = [];
  for (let k = 0; k < count; k++) {
    if ((lambdas[k] as number) > 0) positive.push(k);
    else kappa[k] = minNormKappa;
  }
  if (positive.length === 0) return kappa;
  const grid = Float64Array.from(positive, (k) => lambdas[k] as number);
  const lower = grid.map((lambda) => Math.max(lambda, minNormKappa));
  // Long spectra of distinct eigenvalues: solve on a log-binned summary first, so the
  // full spectrum is streamed only for the last few (quadratically converging) steps.
  const start =
    groups.values.length > COARSE_THRESHOLD
      ? solveBracketed(coarsen(groups), n, grid, false, lower)
      : undefined;
  const solved = solveBracketed(groups, n, grid, false, lower, start);
  positive.forEach((k, index) => {
    kappa[k] = solved[index] as number;
  });
  return kappa;
}

/**
 * Safeguarded Newton on G for every λ of `lambdas` together. With `minNorm` the
 * λ = 0 equation is solved and the left bracket end is found by halving from
 * `tr Σ / n` (where G > 0) until G < 0, which happens because G → 1 − p/n < 0 as
 * κ → 0.
 */
function solveBracketed(
  groups: SpectrumGroups,
  n: number,
  lambdas: Float64Array,
  minNorm: boolean,
  lower?: Float64Array,
  start?: Float64Array,
): Float64Array {
  const count = lambdas.length;
  const lo = new Float64Array(count);
  const hi = new Float64Array(count);
  const x = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    hi[k] = (lambdas[k] as number) + groups.trace / n;
    lo[k] = minNorm ? 0 : (lower?.[k] as number);
    const guess = start?.[k];
    const inside = guess !== undefined && guess > (lo[k] as number) && guess < (hi[k] as number);
    x[k] = minNorm ? (hi[k] as number) / 2 : inside ? guess : (lo[k] as number);
  }
  const active = new Int32Array(count);
  let activeCount = count;
  for (let k = 0; k < count; k++) active[k] = k;
  const inverseSum = new Float64Array(count);
  const s2 = new Float64Array(count);
  const { values, multiplicities } = groups;
  const groupCount = values.length;
  const excess = (n - groups.dimension) / n;
  const floor = ROUNDING_FLOOR * Math.sqrt(groupCount + 1);

  for (let iteration = 0; activeCount > 0; iteration++) {
    if (iteration === MAX_ITERATIONS) {
      throw new RiskError('lambda', `the κ equation did not converge in ${MAX_ITERATIONS} iterations`);
    }
    for (let a = 0; a < activeCount; a++) {
      const k = active[a] as number;
      inverseSum[k] = 0;
      s2[k] = 0;
    }
    // Blocks of the spectrum small enough to stay in cache while every active λ
    // sweeps them, with the sums for one λ held in registers.
    for (let g0 = 0; g0 < groupCount; g0 += GROUP_BLOCK) {
      const g1 = Math.min(groupCount, g0 + GROUP_BLOCK);
      for (let a = 0; a < activeCount; a++) {
        const k = active[a] as number;
        const kappa = x[k] as number;
        let sumInverse = 0;
        let sumSquared = 0;
        for (let g = g0; g < g1; g++) {
          const value = values[g] as number;
          const inverse = 1 / (value + kappa);
          const weighted = (multiplicities[g] as number) * inverse;
          sumInverse += weighted;
          sumSquared += weighted * value * inverse;
        }
        inverseSum[k] += sumInverse;
        s2[k] += sumSquared;
      }
    }
    let stillActive = 0;
    for (let a = 0; a < activeCount; a++) {
      const k = active[a] as number;
      const current = x[k] as number;
      const lambda = lambdas[k] as number;
      const ratio = lambda / current;
      // 1 − S₁/n rewritten as (n − p)/n + (κ/n)·Σ 1/(λ_j + κ): no cancellation when κ ≪ λ_j.
      const scaledSum = (current * (inverseSum[k] as number)) / n;
      const g = excess + scaledSum - ratio;
      // At the rounding floor of G's terms the sign of G carries no information: done.
      if (Math.abs(g) <= floor * (Math.abs(excess) + scaledSum + ratio)) continue;
      if (minNorm && (lo[k] as number) === 0) {
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
      else hi[k] = current;
      const left = lo[k] as number;
      const right = hi[k] as number;
      const slope = (s2[k] as number) / n + ratio / current;
      const newton = current - g / slope;
      const midpoint = Math.sqrt(left) * Math.sqrt(right);
      const newtonUsable = Number.isFinite(newton) && newton > left && newton < right;
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
  return x;
}

/**
 * A summary of a long spectrum for starting values only: eigenvalues binned on a log
 * scale, each bin keeping its count and its mean eigenvalue (so p and tr Σ are exact).
 */
function coarsen(groups: SpectrumGroups): SpectrumGroups {
  const { values, multiplicities } = groups;
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  for (let g = 0; g < values.length; g++) {
    const value = values[g] as number;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const logLow = Math.log(low);
  const width = (Math.log(high) - logLow) / COARSE_BINS || 1;
  const counts = new Float64Array(COARSE_BINS);
  const sums = new Float64Array(COARSE_BINS);
  for (let g = 0; g < values.length; g++) {
    const value = values[g] as number;
    const bin = Math.min(COARSE_BINS - 1, Math.floor((Math.log(value) - logLow) / width));
    const multiplicity = multiplicities[g] as number;
    counts[bin] += multiplicity;
    sums[bin] += multiplicity * value;
  }
  const used: number[] = [];
  for (let b = 0; b < COARSE_BINS; b++) if ((counts[b] as number) > 0) used.push(b);
  return {
    values: Float64Array.from(used, (b) => (sums[b] as number) / (counts[b] as number)),
    multiplicities: Float64Array.from(used, (b) => counts[b] as number),
    signalWeights: new Float64Array(used.length),
    dimension: groups.dimension,
    trace: groups.trace,
  };
}
