import { gaussianAdversarialRisk } from '@benignlab/adversarial-risk';
import { makeDesign } from '@benignlab/data';
import { ridgePath } from '@benignlab/linear-models';
import { aggregate } from '../core/stats.js';
import type { Row } from '../core/types.js';
import {
  type BestCompromise,
  bestCompromise,
  type TwoLevelDesign,
  twoLevelDesignSpec,
} from './two-level-design.js';

/**
 * One simulated draw of a {@link TwoLevelDesign} at n, fitted by ridge over a λ grid
 * (one `ridgePath`, O(n²p) once): per λ the exact Gaussian R, ‖θ̂‖², R_α under the
 * absolute ℓ2 budget α and the harm ratio R_α(θ̂)/R_α(θ*) with R_α(θ*) = α²‖θ*‖².
 *
 * @example
 * ```ts
 * const rows = simulateRidgeSweep(design, 200, seed, [0, 1e-3, 1e-1], 0.5);
 * ```
 */
export function simulateRidgeSweep(
  design: TwoLevelDesign,
  n: number,
  seed: number,
  lambdas: readonly number[],
  alpha: number,
): Row[] {
  const d = makeDesign(twoLevelDesignSpec(design, n));
  const { X, y } = d.sample(n, seed);
  const sweep = ridgePath(X, y, {
    thetaStar: d.thetaStar,
    covariance: { eigenvalues: d.eigenvalues },
  }).sweep(lambdas);
  const truth = alpha * alpha * design.thetaNorm * design.thetaNorm;
  const risks = sweep.standardRisk as Float64Array;
  return lambdas.map((lambda, k) => {
    const risk = Math.max(0, risks[k] as number);
    const norm2 = sweep.norm2[k] as number;
    const advRisk = gaussianAdversarialRisk(risk, alpha * Math.sqrt(norm2));
    return { n, p: d.p, lambda, risk, norm2, advRisk, harm: advRisk / truth, truthAdvRisk: truth };
  });
}

/**
 * The simulated best compromise G at one n: {@link bestCompromise} of the mean R(λ) and
 * mean harm ratio(λ) over the draws selected by `where`.
 *
 * @example
 * ```ts
 * simulatedCompromise(rows, (r) => r.n === 400).value;
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
