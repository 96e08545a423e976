import { createDirectSums } from './direct-sums.js';
import { createExpansionSums } from './expansion-sums.js';
import { countGroups, groupSpectrum } from './spectrum-groups.js';

/**
 * The sums over the spectrum that the theory curves need ([Theory §4](https://benignlab.github.io/theory.html#section-4)), all of the
 * form `Σ_j v_j λ_j^a/(λ_j + κ)^b` with non-negative weights: `v = 1` (counted with
 * multiplicity m_j) or `v = θ*_j²`. Two implementations: {@link createDirectSums}
 * (one term per distinct eigenvalue) and {@link createExpansionSums} (one truncated
 * series per cluster of nearby eigenvalues, for long spectra); {@link createSpectralSums}
 * picks one.
 */
export interface SpectralSums {
  /** How the sums are evaluated. */
  readonly method: 'direct' | 'expansion';
  /** p, the number of eigenvalues. */
  readonly dimension: number;
  /** tr Σ. */
  readonly trace: number;
  /** How many rounded terms each sum adds up; sets the solver's rounding floor. */
  readonly termCount: number;
  /**
   * The κ-equation sums, for the `count` grid indices listed in `indices`:
   * `inverseSum[k] = Σ_j m_j/(λ_j + κ_k)`, `fractionSum[k] = Σ_j m_j λ_j/(λ_j + κ_k)`
   * (so κ·inverseSum + fractionSum = p) and `slopeSum[k] = Σ_j m_j λ_j/(λ_j + κ_k)²`.
   */
  solverSums(
    kappa: Float64Array,
    indices: Int32Array,
    count: number,
    inverseSum: Float64Array,
    fractionSum: Float64Array,
    slopeSum: Float64Array,
  ): void;
  /** The prediction sums at every κ of the grid (outputs are overwritten). */
  predictionSums(kappa: Float64Array, out: PredictionSums): void;
}

/** Outputs of {@link SpectralSums.predictionSums}, one entry per κ. */
export interface PredictionSums {
  /** `Σ_j m_j λ_j/(λ_j + κ)²`. */
  readonly variance: Float64Array;
  /** `Σ_j θ*_j² λ_j/(λ_j + κ)²` (B₀ = κ² times this). */
  readonly bias: Float64Array;
  /** `df₂ = Σ_j m_j λ_j²/(λ_j + κ)²`. */
  readonly df2: Float64Array;
  /** `Σ_j θ*_j² λ_j²/(λ_j + κ)²`. */
  readonly signal: Float64Array;
}

/** How the spectral sums are evaluated: `'auto'` picks the expansion when it pays. */
export type SpectralSumsMethod = 'auto' | 'direct' | 'expansion';

/**
 * The spectral sums of a spectrum: by cluster expansion when that makes each
 * evaluation at least 4 times cheaper than the direct sums over runs of equal
 * eigenvalues (long spectra of distinct eigenvalues), else term by term over those
 * runs (spiked designs: a handful of terms). `'expansion'` forces the expansion (still
 * direct for eigenvalues outside [2⁻¹⁰⁰⁰, 2¹⁰⁰⁰)).
 *
 * @param eigenvalues λ_j > 0 (length p, any order)
 * @param thetaStar θ*_j in the eigenbasis (length p)
 */
export function createSpectralSums(
  eigenvalues: Float64Array,
  thetaStar: Float64Array,
  method: SpectralSumsMethod = 'auto',
): SpectralSums {
  if (method !== 'direct') {
    const expansion = createExpansionSums(eigenvalues, thetaStar, {
      directTermCount: countGroups(eigenvalues),
      evenIfSlower: method === 'expansion',
    });
    if (expansion !== undefined) return expansion;
  }
  return createDirectSums(groupSpectrum(eigenvalues, thetaStar));
}
