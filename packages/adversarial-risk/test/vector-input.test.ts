import { describe, expect, it } from 'vitest';
import { adversarialRisk, harmRatio, RiskError, standardRisk } from '../src/index.js';

describe('vectors as plain number arrays', () => {
  const theta = Float64Array.of(1, 0.5, -0.25);
  const thetaStar = Float64Array.of(1, 0, 0);
  const covariance = { eigenvalues: Float64Array.of(2, 1, 0.5) };
  const arrays = { theta: [1, 0.5, -0.25], thetaStar: [1, 0, 0], covariance: { eigenvalues: [2, 1, 0.5] } };

  it('give the Float64Array results bit for bit', () => {
    expect(standardRisk(arrays.theta, arrays.thetaStar, arrays.covariance)).toBe(
      standardRisk(theta, thetaStar, covariance),
    );
    expect(standardRisk(arrays.theta, arrays.thetaStar, arrays.covariance)).toBeCloseTo(0.25 + 0.03125, 15);
    const options = { alpha: 0.1, norm: 'linf' as const };
    expect(adversarialRisk(arrays.theta, arrays.thetaStar, arrays.covariance, options)).toBe(
      adversarialRisk(theta, thetaStar, covariance, options),
    );
    expect(harmRatio(arrays.theta, arrays.thetaStar, arrays.covariance, options)).toBe(
      harmRatio(theta, thetaStar, covariance, options),
    );
  });

  it('still reject non-numbers and wrong lengths with a typed error', () => {
    expect(() => standardRisk(['a'] as unknown as number[], [1], { eigenvalues: [1] })).toThrow(
      /theta: expected a Float64Array/,
    );
    expect(() => standardRisk([1, 2], [1], { eigenvalues: [1, 1] })).toThrow(
      /thetaStar: has length 1, expected 2/,
    );
    expect(() => standardRisk([1], [1], { eigenvalues: [0] })).toThrow(RiskError);
  });
});
