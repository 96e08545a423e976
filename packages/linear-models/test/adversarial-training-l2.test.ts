import { Matrix } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialObjective, adversarialTraining, minNorm, ridge } from '../src/index.js';
import { gaussianDesign, gaussianVector } from './helpers.js';

// ℓ2 adversarial training near ε₀ = ‖Xᵀy‖₂/‖y‖₁, where the previous solver (iteratively
// reweighted ridge) needed hundreds of steps and, at 100×1000 and ε = 0.5·ε₀, stopped at
// 1000 with a certified gap of 2e-8 (`converged: false`).

/** ε₀, read off a fit above it (θ = 0 in closed form). */
function epsilonZeroOf(X: Matrix, y: Float64Array): number {
  return adversarialTraining(X, y, { epsilon: Number.MAX_VALUE, norm: 'l2' }).epsilonZero;
}

/** The checks every certified ℓ2 fit must pass: gap, exact objective, no competitor better. */
function expectCertified(X: Matrix, y: Float64Array, epsilon: number, maxIterations: number) {
  const fit = adversarialTraining(X, y, { epsilon, norm: 'l2' });
  expect(fit.converged).toBe(true);
  expect(fit.relativeDualityGap).toBeLessThanOrEqual(1e-8);
  expect(fit.iterations).toBeLessThanOrEqual(maxIterations);
  const options = { epsilon, norm: 'l2' as const };
  expect(fit.objective).toBeCloseTo(adversarialObjective(X, y, fit.coef, options), 14);
  for (const coef of [minNorm(X, y).coef, ridge(X, y, epsilon ** 2).coef, ridge(X, y, 1).coef]) {
    const value = adversarialObjective(X, y, coef, options);
    expect(fit.objective).toBeLessThanOrEqual(value * (1 + 1e-12));
    expect(fit.lowerBound).toBeLessThanOrEqual(value * (1 + 1e-12));
  }
  return fit;
}

describe('ℓ2 adversarial training by the interior-point method', () => {
  describe('100×1000 (p > n) close to ε₀', () => {
    const X = gaussianDesign(41, 100, 1000);
    const y = gaussianVector(141, 100);
    const epsilonZero = epsilonZeroOf(X, y);
    it.each([0.3, 0.5, 0.7, 0.9])('certifies 1e-8 at ε = %f·ε₀ within 100 iterations', (fraction) => {
      expectCertified(X, y, fraction * epsilonZero, 100);
    });
  });

  describe('50×200 (p > n) across 0.01–0.99·ε₀', () => {
    const X = gaussianDesign(42, 50, 200);
    const y = gaussianVector(142, 50);
    const epsilonZero = epsilonZeroOf(X, y);
    it.each([0.01, 0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99])(
      'certifies 1e-8 at ε = %f·ε₀ within 60 iterations',
      (fraction) => {
        expectCertified(X, y, fraction * epsilonZero, 60);
      },
    );
  });

  describe.each([
    [120, 30, 43],
    [60, 60, 44],
  ])('%i×%i (p ≤ n) across 0.001–0.99·ε₀', (n, p, seed) => {
    const X = gaussianDesign(seed, n, p);
    const y = gaussianVector(seed + 100, n);
    const epsilonZero = epsilonZeroOf(X, y);
    it.each([0.001, 0.1, 0.5, 0.9, 0.99])('certifies 1e-8 at ε = %f·ε₀ within 60 iterations', (fraction) => {
      expectCertified(X, y, fraction * epsilonZero, 60);
    });
  });

  it('handles duplicated samples and badly scaled data (rank-deficient XXᵀ)', () => {
    const base = gaussianDesign(45, 20, 80);
    const rows = base.toRows();
    const X = Matrix.fromRows([...rows, rows[0], rows[3]].map((r) => r.map((x) => x * 1e3)));
    const y = gaussianVector(145, 22, 1e-4);
    y[20] = y[0];
    y[21] = -y[3];
    const epsilonZero = epsilonZeroOf(X, y);
    for (const fraction of [0.01, 0.5, 0.95]) expectCertified(X, y, fraction * epsilonZero, 60);
  });

  it('certifies random designs and is never above ridge or min-norm at the same ε (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 30 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (n, p, fraction, logScale, seed) => {
          const X = gaussianDesign(seed, n, p);
          for (let k = 0; k < X.data.length; k++) X.data[k] *= 10 ** logScale;
          const y = gaussianVector(seed + 5, n);
          const epsilon = fraction * epsilonZeroOf(X, y);
          const fit = adversarialTraining(X, y, { epsilon, norm: 'l2' });
          expect(fit.converged).toBe(true);
          expect(fit.dualityGap).toBeLessThanOrEqual(1e-8 * fit.objective);
          expect(fit.iterations).toBeLessThanOrEqual(100);
          const options = { epsilon, norm: 'l2' as const };
          const competitors = [
            minNorm(X, y).coef,
            ...[epsilon ** 2, 1e-3, 1].map((l) => ridge(X, y, l).coef),
          ];
          for (const coef of competitors) {
            const value = adversarialObjective(X, y, coef, options);
            expect(fit.objective).toBeLessThanOrEqual(value * (1 + 1e-12));
            expect(fit.lowerBound).toBeLessThanOrEqual(value * (1 + 1e-12));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
