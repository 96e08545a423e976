import { gaussianAdversarialRisk } from '@benignlab/adversarial-risk';
import { makeDesign, spikedTailDesign } from '@benignlab/data';
import { ridgePath, spectralRidgePath } from '@benignlab/linear-models';
import { aggregate } from '../core/stats.js';
import type { Row } from '../core/types.js';
import {
  type BestCompromise,
  bestCompromise,
  type TwoLevelDesign,
  twoLevelDesignSpec,
} from './two-level-design.js';

/**
 * How a ridge sweep draws its data: `'spectral'`, the exact rotated-basis draw of a
 * spiked design with an isotropic tail (`spikedTailDesign(…).spectralSample`, O(n²) time
 * and O(n·s) memory whatever p, so n reaches 10⁴ and beyond), or `'dense'`, the n×p design
 * itself (`makeDesign`, O(n²p); the cross-check). Equal in law.
 */
export type RidgeSampler = 'spectral' | 'dense';

/**
 * The spectral samplers' view of a {@link TwoLevelDesign} at n: spike variances (strong at 1,
 * weak at n^(−c)), tail variance n^(−b) in ⌈n^a⌉ coordinates, θ* on the spikes.
 */
export function twoLevelTailDesign(design: TwoLevelDesign, n: number) {
  const norm2 = design.thetaNorm * design.thetaNorm;
  const spikeVariances: number[] = [];
  const thetaStar: number[] = [];
  for (let j = 0; j < design.strongSpikes; j++) {
    spikeVariances.push(1);
    thetaStar.push(Math.sqrt(((1 - design.w) * norm2) / design.strongSpikes));
  }
  for (let j = 0; j < design.weakSpikes; j++) {
    spikeVariances.push(n ** -design.c);
    thetaStar.push(Math.sqrt((design.w * norm2) / design.weakSpikes));
  }
  return spikedTailDesign({
    spikeVariances,
    tailVariance: n ** -design.b,
    tailDimension: Math.ceil(n ** design.a),
    thetaStar,
    sigma: design.sigma,
  });
}

/**
 * One simulated draw of a {@link TwoLevelDesign} at n, fitted by ridge over a λ grid
 * (λ = 0 is min-norm): per λ the exact Gaussian R, ‖θ̂‖², R_α under the absolute ℓ2
 * budget α and the harm ratio R_α(θ̂)/R_α(θ*) with R_α(θ*) = α²‖θ*‖².
 *
 * @param design the two-level design (a, b, c, w, spike counts, σ, ‖θ*‖)
 * @param n the sample size n ≥ 1
 * @param seed the seed of the draw
 * @param lambdas the λ grid (λ ≥ 0; 0 is min-norm), one row per λ
 * @param alpha the absolute ℓ2 perturbation budget α ≥ 0
 * @param sampler `'spectral'` (default; exact rotated-basis draw, any p) or `'dense'`
 * @example
 * ```ts
 * const design = { a: 1.5, b: 1, c: 0.375, w: 1, strongSpikes: 5, weakSpikes: 5, sigma: 0.5, thetaNorm: 1 };
 * const rows = simulateRidgeSweep(design, 200, 7, [0, 1e-3, 1e-1], 0.5); // one row per λ: risk, harm, …
 * ```
 */
export function simulateRidgeSweep(
  design: TwoLevelDesign,
  n: number,
  seed: number,
  lambdas: readonly number[],
  alpha: number,
  sampler: RidgeSampler = 'spectral',
): Row[] {
  const truth = alpha * alpha * design.thetaNorm * design.thetaNorm;
  const row = (p: number, lambda: number, rawRisk: number, norm2: number): Row => {
    const risk = Math.max(0, rawRisk);
    const advRisk = gaussianAdversarialRisk(risk, alpha * Math.sqrt(norm2));
    return { n, p, lambda, risk, norm2, advRisk, harm: advRisk / truth, truthAdvRisk: truth, sampler };
  };
  if (sampler === 'spectral') {
    const tail = twoLevelTailDesign(design, n);
    const fits = spectralRidgePath(tail.spectralSample(n, seed), tail, lambdas);
    return fits.map((fit, k) => row(tail.p, lambdas[k] as number, fit.standardRisk, fit.normSquared));
  }
  const d = makeDesign(twoLevelDesignSpec(design, n));
  const { X, y } = d.sample(n, seed);
  const sweep = ridgePath(X, y, {
    thetaStar: d.thetaStar,
    covariance: { eigenvalues: d.eigenvalues },
  }).sweep(lambdas);
  const risks = sweep.standardRisk as Float64Array;
  return lambdas.map((lambda, k) => row(d.p, lambda, risks[k] as number, sweep.normSquared[k] as number));
}

/**
 * The simulated best compromise G at one n: {@link bestCompromise} of the mean R(λ) and
 * mean harm ratio(λ) over the draws selected by `where`.
 *
 * @param rows the rows of {@link simulateRidgeSweep} (columns `lambda`, `risk`, `harm`), possibly of many draws and n
 * @param where selects the rows to use (e.g. one n); R and the harm ratio are averaged over them per λ
 * @example
 * ```ts
 * const design = { a: 1.5, b: 1, c: 0.375, w: 1, strongSpikes: 5, weakSpikes: 5, sigma: 0.5, thetaNorm: 1 };
 * const rows = [1, 2].flatMap((seed) => simulateRidgeSweep(design, 100, seed, [0, 1e-3, 1e-1], 0.5));
 * simulatedCompromise(rows, (r) => r.n === 100).value; // G of the two draws' mean curves
 * ```
 */
export function simulatedCompromise(rows: readonly Row[], where: (row: Row) => boolean): BestCompromise {
  const risk = aggregate(rows, 'lambda', 'risk', where);
  const harm = aggregate(rows, 'lambda', 'harm', where);
  return bestCompromise(
    risk.map((r) => r.x),
    risk.map((r) => r.mean),
    harm.map((h) => h.mean),
  );
}
