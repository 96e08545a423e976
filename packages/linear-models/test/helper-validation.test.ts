import { Matrix } from '@benignlab/linalg';
import { describe, expect, it } from 'vitest';
import { dualNorm, LinearModelError, linearModel, ridgePath } from '../src/index.js';

/** Runs `fn`, expecting an error with `.argument === argument` whose message matches `message`. */
function expectArgumentError(fn: () => unknown, argument: string, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(Error);
  expect((caught as { argument?: string }).argument).toBe(argument);
  expect((caught as Error).message).toMatch(message);
}

describe('helpers reject bad input', () => {
  it('dualNorm checks the norm name and the vector', () => {
    expectArgumentError(() => dualNorm(Float64Array.of(1), 'l1' as never), 'norm', /"l1".*'l2' or 'linf'/);
    expectArgumentError(() => dualNorm(Float64Array.of(1, Number.NaN), 'l2'), 'theta', /NaN/);
    expect(() => dualNorm(Float64Array.of(1), 'l1' as never)).toThrow(LinearModelError);
  });

  it('linearModel checks its coefficients', () => {
    expectArgumentError(() => linearModel(Float64Array.of(1, Number.POSITIVE_INFINITY)), 'coef', /Infinity/);
    expectArgumentError(() => linearModel([1, 2] as never), 'coef', /Float64Array/);
  });

  it('the ridge path covariance rejects negative variances and unknown keys', () => {
    const X = Matrix.fromRows([
      [1, 0, 1],
      [0, 1, 1],
    ]);
    const y = Float64Array.of(1, 2);
    const thetaStar = new Float64Array(3);
    expectArgumentError(
      () => ridgePath(X, y, { thetaStar, covariance: { eigenvalues: Float64Array.of(1, -1, 1) } }),
      'options.covariance.eigenvalues',
      /-1.*non-negative/,
    );
    expectArgumentError(
      () =>
        ridgePath(X, y, {
          thetaStar,
          covariance: { eigenvalues: Float64Array.of(1, 1, 1), basiss: 1 } as never,
        }),
      'options.covariance',
      /basiss/,
    );
  });
});
