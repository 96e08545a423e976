import { LinalgError, lstsq, Matrix } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinearModelError, minNorm } from '../src/index.js';
import {
  difference,
  euclidean,
  gaussianDesign,
  gaussianVector,
  normalEquationResidual,
  predictWith,
  relativeError,
} from './helpers.js';

describe('minNorm', () => {
  it('interpolates the training data when p > n', () => {
    const X = gaussianDesign(1, 30, 90);
    const y = gaussianVector(2, 30);
    const fit = minNorm(X, y);
    expect(fit.rank).toBe(30);
    expect(euclidean(difference(predictWith(X, fit.coef), y))).toBeLessThanOrEqual(1e-8 * euclidean(y));
    expect(fit.predict(X)).toEqual(predictWith(X, fit.coef));
  });

  it('handles duplicated rows with pseudo-inverse semantics (rank, no NaN)', () => {
    const base = gaussianDesign(3, 8, 20);
    const rows = base.toRows();
    const X = Matrix.fromRows([...rows, rows[0] as number[], rows[3] as number[]]);
    const y = Float64Array.from([...gaussianVector(4, 8), 1.5, -2]);
    const fit = minNorm(X, y);
    expect(fit.rank).toBe(8);
    expect(fit.coef.every(Number.isFinite)).toBe(true);
    expect(relativeError(fit.coef, lstsq(X, y).solution)).toBeLessThan(1e-8);
  });

  it('returns zero coefficients and rank 0 for X = 0', () => {
    const fit = minNorm(new Matrix(3, 5), Float64Array.of(1, 2, 3));
    expect(fit.rank).toBe(0);
    expect(Array.from(fit.coef)).toEqual([0, 0, 0, 0, 0]);
  });

  it('solves rank-deficient tall problems as X⁺y', () => {
    const X = gaussianDesign(5, 20, 4);
    for (let i = 0; i < 20; i++) X.data[i * 4 + 3] = X.data[i * 4] - 2 * X.data[i * 4 + 1];
    const y = gaussianVector(6, 20);
    const fit = minNorm(X, y);
    expect(fit.rank).toBe(3);
    expect(euclidean(normalEquationResidual(X, y, fit.coef))).toBeLessThan(1e-9 * euclidean(y));
    expect(relativeError(fit.coef, lstsq(X, y).solution)).toBeLessThan(1e-8);
  });

  it('satisfies the normal equations and equals X⁺y from lstsq (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (n, p, seed) => {
          const X = gaussianDesign(seed, n, p);
          const y = gaussianVector(seed + 1, n);
          const fit = minNorm(X, y);
          expect(fit.rank).toBe(Math.min(n, p));
          expect(euclidean(normalEquationResidual(X, y, fit.coef))).toBeLessThan(1e-8 * (1 + euclidean(y)));
          expect(relativeError(fit.coef, lstsq(X, y).solution)).toBeLessThan(1e-7);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects bad input with a named argument', () => {
    const X = gaussianDesign(7, 3, 4);
    expect(() => minNorm(X, Float64Array.of(1, 2))).toThrow(LinearModelError);
    expect(() => minNorm(X, Float64Array.of(1, 2))).toThrow(/y: has length 2, expected 3/);
    expect(() => minNorm(X, Float64Array.of(1, Number.NaN, 2))).toThrow(/y: entry 1 is NaN/);
    const bad = X.clone();
    bad.data[5] = Number.POSITIVE_INFINITY;
    expect(() => minNorm(bad, Float64Array.of(1, 2, 3))).toThrow(LinalgError);
    expect(() => minNorm([[1]] as unknown as Matrix, Float64Array.of(1))).toThrow(/X: expected a Matrix/);
    // number[] labels are accepted (copied); anything else is refused naming y.
    expect(minNorm(X, [1, 2, 3]).coef).toEqual(minNorm(X, Float64Array.of(1, 2, 3)).coef);
    expect(() => minNorm(X, ['1', '2', '3'] as unknown as number[])).toThrow(
      /y: expected 3 labels as a Float64Array or an array of numbers/,
    );
    expect(() => minNorm(X, Float64Array.of(1, 2, 3)).predict(new Matrix(2, 3))).toThrow(
      /X: is 2×3, expected 4 columns/,
    );
  });
});
