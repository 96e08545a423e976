import { Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { adversarialRisk, harmRatio, standardRisk } from '../src/index.js';
import golden from './fixtures/risk.json';

const eigenvalues = Float64Array.from(golden.eigenvalues);
const basis = Matrix.fromRows(golden.rotation);
const thetaStar = Float64Array.from(golden.thetaStar);
const theta = Float64Array.from(golden.cases[0]!.theta);

describe('Monte Carlo adversarial risk (other feature laws)', () => {
  it("law 'montecarlo' (Gaussian draws) agrees with the closed form within 4 standard errors", () => {
    for (const covariance of [{ eigenvalues }, { eigenvalues, basis }]) {
      for (const norm of ['l2', 'linf'] as const) {
        for (const noiseVariance of [0, 0.25]) {
          const exact = adversarialRisk(theta, thetaStar, covariance, { alpha: 0.3, norm, noiseVariance });
          const mc = adversarialRisk(theta, thetaStar, covariance, {
            alpha: 0.3,
            norm,
            noiseVariance,
            law: 'montecarlo',
            samples: 20_000,
            seed: 11,
          });
          expect(mc.method).toBe('monte-carlo');
          expect(mc.standardError).toBeGreaterThan(0);
          expect(Math.abs(mc.estimate - exact)).toBeLessThan(4 * mc.standardError);
          expect(mc.lower).toBeLessThanOrEqual(exact);
          expect(mc.upper).toBeGreaterThanOrEqual(exact);
        }
      }
    }
  });

  it('Rademacher and uniform features: the estimate lies between the two-sided bounds', () => {
    for (const law of ['rademacher', 'uniform'] as const) {
      const mc = adversarialRisk(theta, thetaStar, { eigenvalues, basis }, { alpha: 1, law, seed: 3 });
      const risk = standardRisk(theta, thetaStar, { eigenvalues, basis });
      expect(mc.law).toBe(law);
      expect(mc.lower).toBeGreaterThan(risk);
      expect(mc.estimate).toBeGreaterThan(mc.lower);
      expect(mc.estimate).toBeLessThan(mc.upper);
    }
  });

  it('Rademacher features with one active coordinate: |a| is constant, so E|a| = √R exactly (upper bound attained)', () => {
    const p = 4;
    const lambdas = new Float64Array([1, 0.5, 0.25, 0.125]);
    const truth = new Float64Array(p);
    const fitted = new Float64Array([0, 2, 0, 0]);
    const mc = adversarialRisk(
      fitted,
      truth,
      { eigenvalues: lambdas },
      { alpha: 0.1, law: 'rademacher', samples: 500 },
    );
    expect(mc.estimate).toBeCloseTo(mc.upper, 12);
    expect(mc.standardError).toBeCloseTo(0, 12);
  });

  it('is deterministic in the seed and changes with it', () => {
    const options = { alpha: 0.3, law: 'uniform' as const, samples: 2000 };
    const a = adversarialRisk(theta, thetaStar, { eigenvalues }, { ...options, seed: 5 });
    const b = adversarialRisk(theta, thetaStar, { eigenvalues }, { ...options, seed: 5 });
    const c = adversarialRisk(theta, thetaStar, { eigenvalues }, { ...options, seed: 6 });
    expect(a).toEqual(b);
    expect(a.estimate).not.toBe(c.estimate);
  });

  it('harm ratio under a Monte Carlo law divides estimate, error and bounds by the exact R_α(θ*)', () => {
    const options = { alpha: 0.3, law: 'rademacher' as const, samples: 1000, seed: 2 };
    const numerator = adversarialRisk(theta, thetaStar, { eigenvalues }, options);
    const ratio = harmRatio(theta, thetaStar, { eigenvalues }, options);
    const truth = 0.09 * golden.thetaStar.reduce((s, t) => s + t * t, 0);
    expect(ratio.estimate).toBeCloseTo(numerator.estimate / truth, 12);
    expect(ratio.standardError).toBeCloseTo(numerator.standardError / truth, 12);
    expect(ratio.upper).toBeCloseTo(numerator.upper / truth, 12);
  });
});
