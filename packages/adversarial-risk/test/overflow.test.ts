import { describe, expect, it } from 'vitest';
import { adversarialRisk, harmRatio, RiskError, standardRisk } from '../src/index.js';

// Finite inputs whose risks exceed float64 (|θ| ≈ 1e160 squares past 1.8e308) must give a
// typed error naming the argument, never ∞ or NaN.
describe('risks beyond the float64 range', () => {
  const eigenvalues = Float64Array.of(1, 1, 1);
  const thetaStar = Float64Array.of(1, 0, 0);
  const errorOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it.each([1e160, 1e200, 1e300])('θ with entries %s: RiskError naming theta', (scale) => {
    const theta = Float64Array.of(scale, scale, scale);
    for (const run of [
      () => standardRisk(theta, thetaStar, { eigenvalues }),
      () => adversarialRisk(theta, thetaStar, { eigenvalues }, { alpha: 0.1 }),
      () => adversarialRisk(theta, thetaStar, { eigenvalues }, { alpha: 0.1, law: 'rademacher', seed: 1 }),
      () => harmRatio(theta, thetaStar, { eigenvalues }, { alpha: 0.1 }),
    ]) {
      const error = errorOf(run);
      expect(error).toBeInstanceOf(RiskError);
      expect((error as RiskError).argument).toBe('theta');
      expect((error as Error).message).toContain('float64');
    }
  });

  it('large but representable inputs still give the exact value', () => {
    const theta = Float64Array.of(1e100, 0, 0);
    expect(standardRisk(theta, thetaStar, { eigenvalues })).toBe((1e100 - 1) ** 2);
  });
});
