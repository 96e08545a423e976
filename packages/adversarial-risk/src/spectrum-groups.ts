/**
 * A spectrum with runs of equal eigenvalues merged: every sum in the theory curves
 * has the form `Σ_j w_j φ(λ_j, κ)` with weights 1 or `θ*_j²`, so equal eigenvalues
 * can share one term. A spiked design with p = 10⁶ becomes two groups, which is what
 * makes a 500-point path over such a design take microseconds per point.
 */
export interface SpectrumGroups {
  /** Distinct eigenvalue of each group. */
  readonly values: Float64Array;
  /** Number of eigenvalues in each group. */
  readonly multiplicities: Float64Array;
  /** `Σ θ*_j²` over each group. */
  readonly signalWeights: Float64Array;
  /** p, the total count. */
  readonly dimension: number;
  /** tr Σ. */
  readonly trace: number;
}

/**
 * Merges runs of consecutive equal eigenvalues (sorted spectra, the usual case, merge
 * completely; unsorted ones merge less but stay exact).
 */
export function groupSpectrum(eigenvalues: Float64Array, thetaStar: Float64Array): SpectrumGroups {
  const p = eigenvalues.length;
  const groupCount = countGroups(eigenvalues);
  const values = new Float64Array(groupCount);
  const multiplicities = new Float64Array(groupCount);
  const signalWeights = new Float64Array(groupCount);
  let g = -1;
  let trace = 0;
  for (let j = 0; j < p; j++) {
    const lambda = eigenvalues[j] as number;
    if (j === 0 || lambda !== eigenvalues[j - 1]) {
      g++;
      values[g] = lambda;
    }
    const t = thetaStar[j] as number;
    multiplicities[g] += 1;
    signalWeights[g] += t * t;
    trace += lambda;
  }
  return { values, multiplicities, signalWeights, dimension: p, trace };
}

/** The number of runs of consecutive equal eigenvalues (the groups of {@link groupSpectrum}). */
export function countGroups(eigenvalues: Float64Array): number {
  let groupCount = 0;
  for (let j = 0; j < eigenvalues.length; j++) {
    if (j === 0 || eigenvalues[j] !== eigenvalues[j - 1]) groupCount++;
  }
  return groupCount;
}
