import { Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import {
  adversarialObjective,
  adversarialTraining,
  gradientDescent,
  LinearModelError,
  minNorm,
  ridge,
  ridgePath,
} from '../src/index.js';

// y, θ, θ* and Σ's eigenvalues take `number[]` as well as `Float64Array`, with the same
// results (the same bits: the array is copied into a Float64Array first).
describe('number[] vectors in linear-models', () => {
  const X = Matrix.fromRows([
    [1, 0, 2, 1],
    [0, 1, 1, 0],
    [1, 1, 0, 3],
  ]);
  const y = [1, 2, 3];
  const typed = Float64Array.from(y);

  it('minNorm, ridge, gradientDescent and adversarialTraining take y as number[]', () => {
    expect(minNorm(X, y).coef).toEqual(minNorm(X, typed).coef);
    expect(ridge(X, y, 0.1).coef).toEqual(ridge(X, typed, 0.1).coef);
    expect(gradientDescent(X, y, { steps: 5 }).coef).toEqual(gradientDescent(X, typed, { steps: 5 }).coef);
    expect(adversarialTraining(X, y, { epsilon: 0.1, norm: 'l2' }).coef).toEqual(
      adversarialTraining(X, typed, { epsilon: 0.1, norm: 'l2' }).coef,
    );
  });

  it('ridgePath takes y, θ* and Σ eigenvalues as number[]', () => {
    const plain = ridgePath(X, y, {
      thetaStar: [1, 0, 0, 0],
      covariance: { eigenvalues: [1, 0.5, 0.5, 0.1] },
    });
    const fromTyped = ridgePath(X, typed, {
      thetaStar: Float64Array.of(1, 0, 0, 0),
      covariance: { eigenvalues: Float64Array.of(1, 0.5, 0.5, 0.1) },
    });
    for (const lambda of [0, 0.01, 1]) {
      expect(plain.standardRisk(lambda)).toBe(fromTyped.standardRisk(lambda));
      expect(plain.normSquared(lambda)).toBe(fromTyped.normSquared(lambda));
    }
  });

  it('adversarialObjective takes y and θ as number[]', () => {
    const theta = [0.1, -0.2, 0.3, 0];
    expect(adversarialObjective(X, y, theta, { epsilon: 0.2, norm: 'linf' })).toBe(
      adversarialObjective(X, typed, Float64Array.from(theta), { epsilon: 0.2, norm: 'linf' }),
    );
  });

  it('keeps the checks on arrays: length, finiteness, covariance length', () => {
    expect(() => ridge(X, [1, 2], 0.1)).toThrow(/^y: has length 2, expected 3/);
    expect(() => minNorm(X, [1, Number.NaN, 3])).toThrow(/^y: entry 1 is NaN/);
    expect(() => ridge(X, 'abc' as unknown as number[], 0.1)).toThrow(LinearModelError);
    expect(() => ridgePath(X, y, { thetaStar: [1, 0], covariance: { eigenvalues: [1, 1, 1, 1] } })).toThrow(
      /^options\.thetaStar: has length 2, expected 4/,
    );
    expect(() => ridgePath(X, y, { thetaStar: [1, 0, 0, 0], covariance: { eigenvalues: [1, 1] } })).toThrow(
      /^options\.covariance\.eigenvalues: expected a Float64Array of length 4/,
    );
  });
});
