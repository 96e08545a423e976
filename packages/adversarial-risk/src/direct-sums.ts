import type { PredictionSums, SpectralSums } from './spectral-sums.js';
import type { SpectrumGroups } from './spectrum-groups.js';

/** Eigenvalue groups per cache block (up to 4 × 32 KiB of values and weights). */
const GROUP_BLOCK = 4096;

/**
 * Spectral sums evaluated term by term over the distinct eigenvalues: exact up to
 * rounding, O(groups) per κ. The spectrum is swept in cache-sized blocks, each block
 * visited by every κ with that κ's partial sums held in registers.
 */
export function createDirectSums(groups: SpectrumGroups): SpectralSums {
  const { values, multiplicities, signalWeights } = groups;
  const groupCount = values.length;
  return {
    method: 'direct',
    dimension: groups.dimension,
    trace: groups.trace,
    termCount: groupCount,
    solverSums(kappa, indices, count, inverseSum, fractionSum, slopeSum) {
      for (let a = 0; a < count; a++) {
        const k = indices[a] as number;
        inverseSum[k] = 0;
        fractionSum[k] = 0;
        slopeSum[k] = 0;
      }
      for (let g0 = 0; g0 < groupCount; g0 += GROUP_BLOCK) {
        const g1 = Math.min(groupCount, g0 + GROUP_BLOCK);
        for (let a = 0; a < count; a++) {
          const k = indices[a] as number;
          const c = kappa[k] as number;
          let sumInverse = 0;
          let sumFraction = 0;
          let sumSlope = 0;
          for (let g = g0; g < g1; g++) {
            const value = values[g] as number;
            const inverse = 1 / (value + c);
            const weighted = (multiplicities[g] as number) * inverse;
            const fraction = weighted * value;
            sumInverse += weighted;
            sumFraction += fraction;
            sumSlope += fraction * inverse;
          }
          inverseSum[k] += sumInverse;
          fractionSum[k] += sumFraction;
          slopeSum[k] += sumSlope;
        }
      }
    },
    predictionSums(kappa, out: PredictionSums) {
      const { variance, bias, df2, signal } = out;
      variance.fill(0);
      bias.fill(0);
      df2.fill(0);
      signal.fill(0);
      for (let g0 = 0; g0 < groupCount; g0 += GROUP_BLOCK) {
        const g1 = Math.min(groupCount, g0 + GROUP_BLOCK);
        for (let k = 0; k < kappa.length; k++) {
          const c = kappa[k] as number;
          let sumVariance = 0;
          let sumBias = 0;
          let sumDf2 = 0;
          let sumSignal = 0;
          for (let g = g0; g < g1; g++) {
            const value = values[g] as number;
            const inverse = 1 / (value + c);
            const shrink = value * inverse * inverse;
            const shrinkSquared = value * shrink;
            const multiplicity = multiplicities[g] as number;
            const weight = signalWeights[g] as number;
            sumVariance += multiplicity * shrink;
            sumBias += weight * shrink;
            sumDf2 += multiplicity * shrinkSquared;
            sumSignal += weight * shrinkSquared;
          }
          variance[k] += sumVariance;
          bias[k] += sumBias;
          df2[k] += sumDf2;
          signal[k] += sumSignal;
        }
      }
    },
  };
}
