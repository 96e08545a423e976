import { Matrix } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinearModelError, minNorm, ridge } from '../src/index.js';
import {
  euclidean,
  gaussianDesign,
  gaussianVector,
  normalEquationResidual,
  relativeError,
} from './helpers.js';

/** ∇ of (1/n)‖y − Xθ‖² + λ‖θ‖², up to the factor 2: (1/n)Xᵀ(Xθ − y) + λθ. */
function ridgeStationarity(X: Matrix, y: Float64Array, theta: Float64Array, lambda: number): number {
  const g = normalEquationResidual(X, y, theta);
  for (let j = 0; j < g.length; j++) g[j] = g[j] / X.rows + lambda * theta[j];
  return euclidean(g);
}

describe('ridge', () => {
  it('solves the first-order condition in both forms (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: -6, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (n, p, logLambda, seed) => {
          const X = gaussianDesign(seed, n, p);
          const y = gaussianVector(seed + 7, n);
          const lambda = 10 ** logLambda;
          const fit = ridge(X, y, lambda);
          expect(fit.form).toBe(p > n ? 'dual' : 'primal');
          expect(fit.solver).toBe('cholesky');
          const scale = euclidean(normalEquationResidual(X, y, new Float64Array(p))) / n + 1e-300;
          expect(ridgeStationarity(X, y, fit.coef, lambda)).toBeLessThan(1e-9 * scale);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('λ = 0 is minNorm', () => {
    const X = gaussianDesign(11, 6, 14);
    const y = gaussianVector(12, 6);
    const fit = ridge(X, y, 0);
    expect(fit.solver).toBe('min-norm');
    expect(fit.rank).toBe(6);
    expect(Array.from(fit.coef)).toEqual(Array.from(minNorm(X, y).coef));
  });

  it('shrinks: ‖θ̂_λ‖ decreases as λ grows', () => {
    const X = gaussianDesign(13, 10, 25);
    const y = gaussianVector(14, 10);
    let previous = Number.POSITIVE_INFINITY;
    for (const lambda of [0, 1e-4, 1e-2, 1, 100]) {
      const size = euclidean(ridge(X, y, lambda).coef);
      expect(size).toBeLessThan(previous);
      previous = size;
    }
  });

  it('falls back to the eigendecomposition when the shifted Gram matrix is singular', () => {
    const row = Array.from(gaussianVector(15, 6));
    const X = Matrix.fromRows([row, row, row]);
    const y = Float64Array.of(1, 2, 3);
    const fit = ridge(X, y, 1e-300);
    expect(fit.solver).toBe('eigen');
    expect(fit.rank).toBe(1);
    expect(fit.coef.every(Number.isFinite)).toBe(true);
    expect(relativeError(fit.coef, minNorm(X, y).coef)).toBeLessThan(1e-8);
  });

  it('rejects λ < 0, NaN λ and shape mismatches', () => {
    const X = gaussianDesign(16, 4, 6);
    const y = gaussianVector(17, 4);
    expect(() => ridge(X, y, -0.1)).toThrow(LinearModelError);
    expect(() => ridge(X, y, -0.1)).toThrow(/lambda: is -0.1; expected λ ≥ 0/);
    expect(() => ridge(X, y, Number.NaN)).toThrow(/lambda: expected a finite number λ ≥ 0, got NaN/);
    expect(() => ridge(X, gaussianVector(1, 5), 1)).toThrow(/y: has length 5, expected 4/);
  });
});
