import { createRng, type FeatureLaw, type Rng } from '@benignlab/data';
import { meanWithStandardError } from './sample-mean.js';

// The coordinate law of z in x = Σ^{1/2} z is `@benignlab/data`'s type (one name, one
// meaning across packages); re-exported for users of this package.
export type { FeatureLaw };

/** A Monte Carlo estimate of `E|a|`, `a = ⟨x, θ − θ*⟩ + ε`. */
export interface MarginEstimate {
  readonly law: FeatureLaw;
  /** Sample mean of |a_i|. */
  readonly mean: number;
  /** sd(|a|)/√samples. */
  readonly standardError: number;
}

const SQRT_THREE = Math.sqrt(3);
/** Entries of z drawn per block: big enough to amortize the call, small enough for cache. */
const BLOCK_ENTRIES = 1 << 15;

/**
 * Estimates `E|a|` for the margin `a = ⟨x, d⟩ + ε` of a linear predictor, with
 * `x = B Λ^{1/2} z` and `ε ~ N(0, σ²)`. Since `⟨x, d⟩ = ⟨z, Λ^{1/2} Bᵀd⟩`, one
 * weight vector `w = Λ^{1/2}·c` (c = Bᵀd, the eigen-coordinates of d) serves every
 * draw, and coordinates with `w_j = 0` are skipped: O(samples × nnz(w)).
 *
 * @param eigenvalues λ_j of Σ
 * @param coordinates c = Bᵀ(θ − θ*), length p
 */
export function estimateMeanAbsoluteMargin(
  eigenvalues: Float64Array,
  coordinates: Float64Array,
  options: { law: FeatureLaw; noiseVariance: number; samples: number; seed: number },
): MarginEstimate {
  const { law, noiseVariance, samples, seed } = options;
  let support = 0;
  for (let j = 0; j < coordinates.length; j++) if (coordinates[j] !== 0) support++;
  const weights = new Float64Array(support);
  let k = 0;
  for (let j = 0; j < coordinates.length; j++) {
    const c = coordinates[j] as number;
    if (c !== 0) weights[k++] = Math.sqrt(eigenvalues[j] as number) * c;
  }
  const root = createRng(seed);
  const featureRng = root.split('features');
  const noiseRng = root.split('noise');
  const noiseSd = Math.sqrt(noiseVariance);
  const rowsPerBlock = Math.max(1, Math.floor(BLOCK_ENTRIES / Math.max(1, support)));
  const block = new Float64Array(rowsPerBlock * support);
  const noise = new Float64Array(rowsPerBlock);
  const absoluteMargins = new Float64Array(samples);
  for (let start = 0; start < samples; start += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, samples - start);
    const z = rows === rowsPerBlock ? block : block.subarray(0, rows * support);
    drawCoordinates(featureRng, law, z);
    const eps = rows === rowsPerBlock ? noise : noise.subarray(0, rows);
    if (noiseSd > 0) noiseRng.fillNormal(eps, 0, noiseSd);
    for (let i = 0; i < rows; i++) {
      let margin = noiseSd > 0 ? (eps[i] as number) : 0;
      const offset = i * support;
      for (let j = 0; j < support; j++) margin += (z[offset + j] as number) * (weights[j] as number);
      absoluteMargins[start + i] = Math.abs(margin);
    }
  }
  return { law, ...meanWithStandardError(absoluteMargins) };
}

function drawCoordinates(rng: Rng, law: FeatureLaw, out: Float64Array): void {
  if (law === 'gaussian') rng.fillNormal(out);
  else if (law === 'rademacher') rng.fillRademacher(out);
  else rng.fillUniform(out, -SQRT_THREE, SQRT_THREE);
}
