import { describe, expect, it } from 'vitest';
import { experiments, planExperiment } from '../src/index.js';

/**
 * The default `reproduce` (every experiment at default sizes) has a 3-minute budget on a
 * 2-core machine. Cell costs are estimated multiply-adds (`cells(config)[k].cost`, what the
 * pool orders cells by), not seconds, so the budget is guarded by calibration: the plan
 * below (≈ 1.6·10¹² estimated multiply-adds) was measured at 474 s of CPU under load (see
 * the package README, "Default run"). A change that makes the default plan costlier than
 * that by more than 10 % must be measured again and this ceiling moved on purpose. (The
 * default sizes themselves — e1/e2 to n ≥ 12 800, e3/e4 to n ≥ 3200 — are checked in
 * `samplers.test.ts`.)
 */
const CALIBRATED_CEILING = 1.75e12;

describe('the default reproduce plan', () => {
  it('stays within the calibrated cost of its 3-minute budget', () => {
    let total = 0;
    for (const experiment of experiments) {
      for (const cell of planExperiment(experiment).cells) {
        expect(Number.isFinite(cell.cost) && cell.cost > 0, `${experiment.id} ${cell.key}`).toBe(true);
        total += cell.cost;
      }
    }
    expect(total).toBeLessThanOrEqual(CALIBRATED_CEILING);
  });
});
