import { makeDesign } from '@benignlab/data';
import { describe, expect, it } from 'vitest';
import { adversarialRisk, estimateRisks, standardRisk } from '../src/index.js';
import { linearPredictor } from './helpers.js';

describe('with a design from @benignlab/data', () => {
  const design = makeDesign({
    covariance: { kind: 'spiked', p: 30, s: 3, tail: 0.05, basis: 'random' },
    features: 'rademacher',
  });
  const theta = design.thetaStar.map((t, j) => t + 0.2 * Math.sin(j + 1));

  it('takes design.covariance (rotated) and agrees with attacks on design.testSample within the standard error', () => {
    const exactStandard = standardRisk(theta, design.thetaStar, design.covariance);
    const result = estimateRisks(linearPredictor(theta), {
      sample: design,
      alpha: 0.2,
      method: 'first-order',
      testSize: 4000,
      seed: 3,
    });
    expect(Math.abs(result.standardRisk.mean - exactStandard)).toBeLessThan(
      4 * result.standardRisk.standardError,
    );
    const monteCarlo = adversarialRisk(theta, design.thetaStar, design.covariance, {
      alpha: 0.2,
      law: 'rademacher',
      samples: 20_000,
      seed: 4,
    });
    const spread = Math.hypot(result.adversarialRisk.standardError, monteCarlo.standardError);
    expect(Math.abs(result.adversarialRisk.mean - monteCarlo.estimate)).toBeLessThan(4 * spread);
    expect(result.adversarialRisk.mean).toBeGreaterThan(
      monteCarlo.lower - 4 * result.adversarialRisk.standardError,
    );
    expect(result.adversarialRisk.mean).toBeLessThan(
      monteCarlo.upper + 4 * result.adversarialRisk.standardError,
    );
  });

  it('uses design.evaluateTarget when target is omitted, and a target vector gives the same numbers', () => {
    const options = { sample: design, alpha: 0.1, method: 'pgd' as const, testSize: 50, steps: 5, seed: 1 };
    const viaDesign = estimateRisks(linearPredictor(theta), options);
    const viaVector = estimateRisks(linearPredictor(theta), { ...options, target: design.thetaStar });
    for (let i = 0; i < 50; i++) {
      expect(viaDesign.pointwise.adversarial[i]).toBeCloseTo(viaVector.pointwise.adversarial[i]!, 12);
    }
  });
});
