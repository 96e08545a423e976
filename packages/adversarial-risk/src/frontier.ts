import { describeValue } from '@benignlab/linalg';
import { RiskError } from './errors.js';

/** One fitted (or predicted) model on a λ path: its standard and adversarial risks. */
export interface FrontierPoint {
  readonly lambda: number;
  readonly standardRisk: number;
  readonly adversarialRisk: number;
}

/** The trade-off between standard and adversarial risk over λ. */
export interface Frontier<T extends FrontierPoint = FrontierPoint> {
  /** The non-dominated points, by increasing standard risk (so decreasing adversarial risk). */
  readonly points: T[];
  /** The point with the smallest standard risk (ties: smaller adversarial risk, then smaller λ). */
  readonly bestStandard: T;
  /** The point with the smallest adversarial risk (ties: smaller standard risk, then smaller λ). */
  readonly bestAdversarial: T;
  readonly lambdaBestStandard: number;
  readonly lambdaBestAdversarial: number;
  /**
   * Price of robustness: `R(λ_adv) / R(λ_std)` ≥ 1, the standard risk paid for
   * choosing the adversarially best λ.
   */
  readonly priceOfRobustness: number;
  /**
   * Its mirror, the price of accuracy: `R_α(λ_std) / R_α(λ_adv)` ≥ 1, the adversarial
   * risk paid for choosing the standard-best λ.
   */
  readonly priceOfAccuracy: number;
}

/**
 * The Pareto frontier of (standard risk, adversarial risk) pairs over λ: the points
 * no other point beats in both risks. Sorting by standard risk and sweeping keeps a
 * point when its adversarial risk is strictly below every earlier one: O(m log m).
 * Exact duplicates keep the one with the smaller λ. Extra fields on the points are
 * kept.
 *
 * @param points at least one `{ lambda, standardRisk, adversarialRisk }`, finite and ≥ 0
 * @example
 * ```ts
 * const f = frontier([
 *   { lambda: 0, standardRisk: 0.05, adversarialRisk: 0.9 },
 *   { lambda: 0.1, standardRisk: 0.04, adversarialRisk: 0.5 },
 *   { lambda: 1, standardRisk: 0.3, adversarialRisk: 0.35 },
 * ]);
 * f.lambdaBestStandard; // 0.1
 * f.priceOfRobustness; // 0.3 / 0.04 = 7.5
 * ```
 */
export function frontier<T extends FrontierPoint>(points: readonly T[]): Frontier<T> {
  if (!Array.isArray(points)) {
    throw new RiskError(
      'points',
      `expected an array of { lambda, standardRisk, adversarialRisk }, got ${describeValue(points)}`,
    );
  }
  if (points.length === 0) throw new RiskError('points', 'is empty; expected at least one point');
  points.forEach((point, index) => {
    if (point === null || typeof point !== 'object') {
      throw new RiskError(
        'points',
        `entry ${index} is ${describeValue(point)}; expected { lambda, standardRisk, adversarialRisk }`,
      );
    }
    for (const key of ['lambda', 'standardRisk', 'adversarialRisk'] as const) {
      const value = point[key];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new RiskError(
          'points',
          `entry ${index} has ${key} = ${describeValue(value)}; expected a finite number ≥ 0`,
        );
      }
    }
  });
  const sorted = [...points].sort(
    (a, b) => a.standardRisk - b.standardRisk || a.adversarialRisk - b.adversarialRisk || a.lambda - b.lambda,
  );
  const nonDominated: T[] = [];
  let lowestAdversarial = Number.POSITIVE_INFINITY;
  for (const point of sorted) {
    if (point.adversarialRisk < lowestAdversarial) {
      nonDominated.push(point);
      lowestAdversarial = point.adversarialRisk;
    }
  }
  const bestStandard = nonDominated[0] as T;
  const bestAdversarial = nonDominated[nonDominated.length - 1] as T;
  return {
    points: nonDominated,
    bestStandard,
    bestAdversarial,
    lambdaBestStandard: bestStandard.lambda,
    lambdaBestAdversarial: bestAdversarial.lambda,
    priceOfRobustness: ratio(bestAdversarial.standardRisk, bestStandard.standardRisk),
    priceOfAccuracy: ratio(bestStandard.adversarialRisk, bestAdversarial.adversarialRisk),
  };
}

/** `a / b`, with 0/0 = 1 (both best at zero risk: no price) and a/0 = ∞. */
function ratio(a: number, b: number): number {
  if (b === 0) return a === 0 ? 1 : Number.POSITIVE_INFINITY;
  return a / b;
}
