import { Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { adversarialRisk, harmRatio, standardRisk } from '../src/index.js';
import golden from './fixtures/risk.json';
import { expectRelative } from './helpers.js';

const eigenvalues = Float64Array.from(golden.eigenvalues);
const basis = Matrix.fromRows(golden.rotation);
const thetaStar = Float64Array.from(golden.thetaStar);

function covarianceOf(kind: string) {
  return kind === 'rotated' ? { eigenvalues, basis } : { eigenvalues };
}

describe('golden risk.json (numpy reference, 1e-9 relative)', () => {
  golden.cases.forEach((entry, index) => {
    const theta = Float64Array.from(entry.theta);
    const covariance = covarianceOf(entry.covariance);

    it(`case ${index} (${entry.covariance}): standard risk`, () => {
      const value = standardRisk(theta, thetaStar, covariance);
      if (entry.standardRisk === 0) expect(value).toBe(0);
      else expectRelative(value, entry.standardRisk, 1e-9, 'R');
    });

    for (const norm of ['l2', 'linf'] as const) {
      it(`case ${index} (${entry.covariance}): adversarial risk, ${norm}`, () => {
        golden.alphas.forEach((alpha, k) => {
          const expected = entry.adversarial[norm][k]!;
          const value = adversarialRisk(theta, thetaStar, covariance, { alpha, norm });
          if (expected === 0) expect(value).toBe(0);
          else expectRelative(value, expected, 1e-9, `R_α α=${alpha}`);
        });
      });
    }

    it(`case ${index} (${entry.covariance}): noisy-label ℓ2 variant, σ² = 0.25`, () => {
      golden.alphas.forEach((alpha, k) => {
        const value = adversarialRisk(theta, thetaStar, covariance, { alpha, noiseVariance: 0.25 });
        expectRelative(value, entry.adversarialNoisyLabel_l2_sigma2_0_25[k]!, 1e-9, `noisy α=${alpha}`);
      });
    });
  });

  it('the truth has R_α(θ*) = α²‖θ*‖_*², so its harm ratio is 1', () => {
    const covariance = { eigenvalues, basis };
    expect(harmRatio(thetaStar, thetaStar, covariance, { alpha: 0.3 })).toBeCloseTo(1, 14);
    expect(harmRatio(thetaStar, thetaStar, covariance, { alpha: 0.3, norm: 'linf' })).toBeCloseTo(1, 14);
    expect(harmRatio(thetaStar, thetaStar, covariance, { alpha: 0.3, noiseVariance: 0.25 })).toBeCloseTo(
      1,
      14,
    );
  });

  it('harm ratio of a fitted θ matches the golden numerator over α²‖θ*‖²', () => {
    const entry = golden.cases[0]!;
    const theta = Float64Array.from(entry.theta);
    const truth = golden.thetaStar.reduce((s, t) => s + t * t, 0);
    const alpha = golden.alphas[2]!;
    expectRelative(
      harmRatio(theta, thetaStar, { eigenvalues }, { alpha }),
      entry.adversarial.l2[2]! / (alpha * alpha * truth),
      1e-9,
      'harm ratio',
    );
  });
});
