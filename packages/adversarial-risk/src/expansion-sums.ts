import type { PredictionSums, SpectralSums } from './spectral-sums.js';

/**
 * Leading mantissa bits of a cluster key: a cluster holds the eigenvalues in
 * `[2^e(1 + i/4), 2^e(1 + (i + 1)/4))`, so its half-width h and centre c satisfy
 * h/c ≤ 1/9 (at i = 0).
 */
const MANTISSA_BITS = 2;
const MAX_HALF_WIDTH_RATIO = 1 / (2 ** (MANTISSA_BITS + 1) + 1);
/** Truncation error allowed relative to each sum: below the rounding of a double. */
const TRUNCATION = 2 ** -56;
/** Eigenvalues outside [2^-1000, 2^1000) keep the direct sums (cluster bounds stay normal numbers). */
const SMALLEST_VALUE = 2 ** -1000;
const LARGEST_VALUE = 2 ** 1000;
/** The expansion is used only when it makes each evaluation at least this many times cheaper. */
const MINIMUM_SPEEDUP = 4;
/** Number of series coefficients per cluster and sum (the order K plus one). */
export const SERIES_LENGTH = seriesOrder(MAX_HALF_WIDTH_RATIO, TRUNCATION) + 1;
/** Raw moments per cluster: the λ² weights need moments up to K + 2 (rounded up to a multiple of 4). */
const MOMENT_COUNT = 4 * Math.ceil((SERIES_LENGTH + 2) / 4);
/** Index of the 32-bit word holding sign, exponent and leading mantissa bits. */
const HIGH_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const KEY_SHIFT = 20 - MANTISSA_BITS;

/**
 * Spectral sums by a far-field series per cluster of nearby eigenvalues, the
 * one-dimensional fast multipole idea applied to Stieltjes sums: with c the centre
 * and h the half-width of a cluster, `y_j = (λ_j − c)/h ∈ [−1, 1)`, `u = 1/(c + κ)` and
 * `t = −h·u`,
 * `Σ_j v_j/(λ_j + κ) = u Σ_k M_k t^k` and `Σ_j v_j/(λ_j + κ)² = u² Σ_k (k + 1) M_k t^k`
 * with moments `M_k = Σ_j v_j y_j^k`; weights `v λ` and `v λ²` follow from
 * `λ = c·(1 + (h/c)·y)`. Because |t| ≤ h/c ≤ 1/9 for every κ ≥ 0 and every weight is
 * non-negative, truncating after K terms leaves a relative error below 2⁻⁵⁶ in every
 * sum, whatever κ. Building the moments is one O(p·K) pass; each evaluation then
 * costs O(clusters·K) instead of O(p): for a spectrum spanning D octaves, 4·D
 * clusters.
 *
 * Equal eigenvalues need no merging here (the moments absorb them), so the spectrum is
 * read as given.
 *
 * @param eigenvalues λ_j > 0 (length p, any order)
 * @param thetaStar θ*_j in the eigenbasis (length p)
 * @param options `directTermCount`: the terms of the direct sums it competes with (the
 *   number of distinct-value runs); `evenIfSlower` builds the expansion even when it
 *   does not pay (tests)
 * @returns the sums, or `undefined` when eigenvalues fall outside [2⁻¹⁰⁰⁰, 2¹⁰⁰⁰) or
 *   (unless `evenIfSlower`) the clusters would not make an evaluation at least 4 times
 *   cheaper than `directTermCount` terms
 */
export function createExpansionSums(
  eigenvalues: Float64Array,
  thetaStar: Float64Array,
  options: { readonly directTermCount: number; readonly evenIfSlower?: boolean },
): SpectralSums | undefined {
  const p = eigenvalues.length;
  const words = new Uint32Array(eigenvalues.buffer, eigenvalues.byteOffset, 2 * p);
  const clusterOfKey = new Int32Array(1 << (11 + MANTISSA_BITS)).fill(-1);
  const clusterOf = new Int32Array(p);
  const keys: number[] = [];
  let trace = 0;
  for (let j = 0; j < p; j++) {
    const value = eigenvalues[j] as number;
    if (!(value >= SMALLEST_VALUE && value < LARGEST_VALUE)) return undefined;
    trace += value;
    const key = (words[2 * j + HIGH_WORD] as number) >>> KEY_SHIFT;
    let cluster = clusterOfKey[key] as number;
    if (cluster < 0) {
      cluster = keys.length;
      clusterOfKey[key] = cluster;
      keys.push(key);
    }
    clusterOf[j] = cluster;
  }
  const clusterCount = keys.length;
  if (
    options.evenIfSlower !== true &&
    clusterCount * SERIES_LENGTH * MINIMUM_SPEEDUP > options.directTermCount
  ) {
    return undefined;
  }

  const centres = new Float64Array(clusterCount);
  const halfWidths = new Float64Array(clusterCount);
  for (let b = 0; b < clusterCount; b++) {
    const key = keys[b] as number;
    const exponent = (key >>> MANTISSA_BITS) - 1023;
    const lead = key & ((1 << MANTISSA_BITS) - 1);
    // Powers of two and their small multiples: bounds, centre and half-width are exact.
    const width = 2 ** (exponent - MANTISSA_BITS);
    halfWidths[b] = width / 2;
    centres[b] = 2 ** exponent + (lead + 0.5) * width;
  }

  const countMoments = new Float64Array(clusterCount * MOMENT_COUNT);
  const signalMoments = new Float64Array(clusterCount * MOMENT_COUNT);
  for (let j = 0; j < p; j++) {
    const b = clusterOf[j] as number;
    // λ − c is exact (Sterbenz) and h a power of two, so y is exact.
    const y = ((eigenvalues[j] as number) - (centres[b] as number)) / (halfWidths[b] as number);
    const weight = (thetaStar[j] as number) ** 2;
    const base = b * MOMENT_COUNT;
    // Powers y^k in four independent chains (k mod 4): a quarter of the multiply latency.
    const y2 = y * y;
    const y3 = y2 * y;
    const y4 = y2 * y2;
    let p0 = 1;
    let p1 = y;
    let p2 = y2;
    let p3 = y3;
    for (let k = base; k < base + MOMENT_COUNT; k += 4) {
      countMoments[k] += p0;
      countMoments[k + 1] += p1;
      countMoments[k + 2] += p2;
      countMoments[k + 3] += p3;
      p0 *= y4;
      p1 *= y4;
      p2 *= y4;
      p3 *= y4;
    }
    if (weight !== 0) {
      p0 = weight;
      p1 = weight * y;
      p2 = weight * y2;
      p3 = weight * y3;
      for (let k = base; k < base + MOMENT_COUNT; k += 4) {
        signalMoments[k] += p0;
        signalMoments[k + 1] += p1;
        signalMoments[k + 2] += p2;
        signalMoments[k + 3] += p3;
        p0 *= y4;
        p1 *= y4;
        p2 *= y4;
        p3 *= y4;
      }
    }
  }

  const inverseSeries = new Float64Array(clusterCount * SERIES_LENGTH);
  const fractionSeries = new Float64Array(clusterCount * SERIES_LENGTH);
  const varianceSeries = new Float64Array(clusterCount * SERIES_LENGTH);
  const biasSeries = new Float64Array(clusterCount * SERIES_LENGTH);
  const df2Series = new Float64Array(clusterCount * SERIES_LENGTH);
  const signalSeries = new Float64Array(clusterCount * SERIES_LENGTH);
  for (let b = 0; b < clusterCount; b++) {
    const r = (halfWidths[b] as number) / (centres[b] as number);
    const from = b * MOMENT_COUNT;
    const to = b * SERIES_LENGTH;
    for (let k = 0; k < SERIES_LENGTH; k++) {
      const m0 = countMoments[from + k] as number;
      const m1 = countMoments[from + k + 1] as number;
      const m2 = countMoments[from + k + 2] as number;
      const w0 = signalMoments[from + k] as number;
      const w1 = signalMoments[from + k + 1] as number;
      const w2 = signalMoments[from + k + 2] as number;
      // Σ v λ y^k = c·(M_k + r·M_{k+1}) and Σ v λ² y^k = c²·(M_k + 2r·M_{k+1} + r²·M_{k+2})
      // with r = h/c; the powers of c are applied as c·u = c/(c + κ) ≤ 1 at evaluation, so
      // nothing overflows for eigenvalues up to 2¹⁰⁰⁰.
      const order = k + 1;
      inverseSeries[to + k] = m0;
      fractionSeries[to + k] = m0 + r * m1;
      varianceSeries[to + k] = order * (m0 + r * m1);
      biasSeries[to + k] = order * (w0 + r * w1);
      df2Series[to + k] = order * (m0 + 2 * r * m1 + r * r * m2);
      signalSeries[to + k] = order * (w0 + 2 * r * w1 + r * r * w2);
    }
  }

  const last = SERIES_LENGTH - 1;
  return {
    method: 'expansion',
    dimension: p,
    trace,
    termCount: p,
    solverSums(kappa, indices, count, inverseSum, fractionSum, slopeSum) {
      for (let a = 0; a < count; a++) {
        const index = indices[a] as number;
        const current = kappa[index] as number;
        let sumInverse = 0;
        let sumFraction = 0;
        let sumSlope = 0;
        for (let b = 0; b < clusterCount; b++) {
          const centre = centres[b] as number;
          const u = 1 / (centre + current);
          const share = centre * u;
          const t = -(halfWidths[b] as number) * u;
          const base = b * SERIES_LENGTH;
          let inverse = inverseSeries[base + last] as number;
          let fraction = fractionSeries[base + last] as number;
          let slope = varianceSeries[base + last] as number;
          for (let k = last - 1; k >= 0; k--) {
            inverse = inverse * t + (inverseSeries[base + k] as number);
            fraction = fraction * t + (fractionSeries[base + k] as number);
            slope = slope * t + (varianceSeries[base + k] as number);
          }
          sumInverse += u * inverse;
          sumFraction += share * fraction;
          sumSlope += u * share * slope;
        }
        inverseSum[index] = sumInverse;
        fractionSum[index] = sumFraction;
        slopeSum[index] = sumSlope;
      }
    },
    predictionSums(kappa, out: PredictionSums) {
      for (let index = 0; index < kappa.length; index++) {
        const current = kappa[index] as number;
        let sumVariance = 0;
        let sumBias = 0;
        let sumDf2 = 0;
        let sumSignal = 0;
        for (let b = 0; b < clusterCount; b++) {
          const centre = centres[b] as number;
          const u = 1 / (centre + current);
          const share = centre * u;
          const t = -(halfWidths[b] as number) * u;
          const base = b * SERIES_LENGTH;
          let variance = varianceSeries[base + last] as number;
          let bias = biasSeries[base + last] as number;
          let df2 = df2Series[base + last] as number;
          let signal = signalSeries[base + last] as number;
          for (let k = last - 1; k >= 0; k--) {
            variance = variance * t + (varianceSeries[base + k] as number);
            bias = bias * t + (biasSeries[base + k] as number);
            df2 = df2 * t + (df2Series[base + k] as number);
            signal = signal * t + (signalSeries[base + k] as number);
          }
          const scale = u * share;
          const shareSquared = share * share;
          sumVariance += scale * variance;
          sumBias += scale * bias;
          sumDf2 += shareSquared * df2;
          sumSignal += shareSquared * signal;
        }
        out.variance[index] = sumVariance;
        out.bias[index] = sumBias;
        out.df2[index] = sumDf2;
        out.signal[index] = sumSignal;
      }
    },
  };
}

/**
 * The smallest K whose truncation error for the squared-denominator series is at most
 * `tolerance` relative to each term: `Σ_{k>K} (k + 1) ρ^k ≤ (K + 2) ρ^{K+1}/(1 − ρ)²`,
 * against a term `1/(1 + t·y)² ≥ 1/(1 + ρ)²` (the 1/(λ + κ) series converges faster).
 */
function seriesOrder(ratio: number, tolerance: number): number {
  const termFloor = (1 - ratio) ** 2 / (1 + ratio) ** 2;
  let order = 0;
  while ((order + 2) * ratio ** (order + 1) > tolerance * termFloor) order++;
  return order;
}
