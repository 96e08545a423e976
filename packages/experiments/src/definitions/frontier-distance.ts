import { deterministicExp, deterministicLog } from '@benignlab/data';

/**
 * How far a point (R, R_α) sits from a ridge frontier: the ratio of its R_α to the
 * frontier's R_α at the same R, interpolated linearly in log R and log R_α between
 * frontier points (and held constant beyond the ends). Above 1: the point is worse than
 * ridge at equal standard risk; below 1: it beats the ridge trade-off there.
 *
 * @param frontier non-dominated points, by increasing standard risk
 * @param risk the point's standard risk R (> 0)
 * @param advRisk the point's adversarial risk R_α (> 0)
 * @example
 * ```ts
 * ratioToFrontier([{ standardRisk: 0.01, adversarialRisk: 1 }, { standardRisk: 0.1, adversarialRisk: 0.1 }], 0.0316, 0.5);
 * // ≈ 1.58: R_α of 0.5 where ridge achieves ≈ 0.316
 * ```
 */
export function ratioToFrontier(
  frontier: readonly { standardRisk: number; adversarialRisk: number }[],
  risk: number,
  advRisk: number,
): number {
  const first = frontier[0];
  const last = frontier.at(-1);
  if (!first || !last) return Number.NaN;
  if (risk <= first.standardRisk) return advRisk / first.adversarialRisk;
  if (risk >= last.standardRisk) return advRisk / last.adversarialRisk;
  for (let k = 1; k < frontier.length; k++) {
    const right = frontier[k] as { standardRisk: number; adversarialRisk: number };
    if (risk <= right.standardRisk) {
      const left = frontier[k - 1] as { standardRisk: number; adversarialRisk: number };
      const t =
        deterministicLog(risk / left.standardRisk) / deterministicLog(right.standardRisk / left.standardRisk);
      const logA =
        (1 - t) * deterministicLog(left.adversarialRisk) + t * deterministicLog(right.adversarialRisk);
      return advRisk / deterministicExp(logA);
    }
  }
  return advRisk / last.adversarialRisk;
}
