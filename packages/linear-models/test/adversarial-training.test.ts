import { readFileSync } from 'node:fs';
import { Matrix } from '@benignlab/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adversarialObjective,
  adversarialTraining,
  LinearModelError,
  minNorm,
  type PerturbationNorm,
  ridge,
} from '../src/index.js';
import { gaussianDesign, gaussianVector, relativeError } from './helpers.js';

interface ReferenceCase {
  n: number;
  p: number;
  norm: PerturbationNorm;
  epsilon: number;
  X: number[][];
  y: number[];
  theta: number[];
  objective: number;
}

const reference: { cases: ReferenceCase[] } = JSON.parse(
  readFileSync(new URL('./fixtures/adversarial-reference.json', import.meta.url), 'utf8'),
);

interface InterpolatorCase {
  n: number;
  p: number;
  X: number[][];
  y: number[];
  theta: number[];
  l1Norm: number;
}

const l1Interpolators: { cases: InterpolatorCase[] } = JSON.parse(
  readFileSync(new URL('./fixtures/l1-interpolator-reference.json', import.meta.url), 'utf8'),
);

/** ε₀ = ‖Xᵀy‖∞/‖y‖₁, read off a fit above it (θ = 0 in closed form). */
function epsilonZeroOf(X: Matrix, y: Float64Array): number {
  return adversarialTraining(X, y, { epsilon: Number.MAX_VALUE, norm: 'linf' }).epsilonZero;
}

describe('adversarialTraining', () => {
  it.each(reference.cases.map((c) => [`${c.n}×${c.p} ${c.norm} ε=${c.epsilon}`, c] as const))(
    'reaches the scipy optimum and certifies it (%s)',
    (_, c) => {
      const X = Matrix.fromRows(c.X);
      const y = Float64Array.from(c.y);
      const fit = adversarialTraining(X, y, { epsilon: c.epsilon, norm: c.norm });
      expect(fit.converged).toBe(true);
      expect(fit.relativeDualityGap).toBeLessThanOrEqual(1e-8);
      // Never worse than an independent solver, and its optimum respects our lower bound.
      expect(fit.objective).toBeLessThanOrEqual(c.objective * (1 + 1e-8));
      expect(fit.lowerBound).toBeLessThanOrEqual(c.objective * (1 + 1e-12));
      expect(fit.objective).toBeCloseTo(
        adversarialObjective(X, y, fit.coef, { epsilon: c.epsilon, norm: c.norm }),
        14,
      );
    },
  );

  it('is never above ridge or min-norm at the same ε, and its lower bound holds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 14 }),
        fc.integer({ min: 2, max: 24 }),
        fc.constantFrom<PerturbationNorm>('l2', 'linf'),
        fc.double({ min: 0.001, max: 0.6, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (n, p, norm, epsilon, seed) => {
          const X = gaussianDesign(seed, n, p);
          const y = gaussianVector(seed + 3, n);
          const fit = adversarialTraining(X, y, { epsilon, norm, maxIterations: 400 });
          const options = { epsilon, norm };
          const competitors = [
            minNorm(X, y).coef,
            ...[1e-3, epsilon ** 2, 0.1, 1].map((l) => ridge(X, y, l).coef),
          ];
          for (const coef of competitors) {
            const value = adversarialObjective(X, y, coef, options);
            // Within the certified gap (≤ 1e-8 relative when converged) of the optimum, hence of any competitor.
            expect(fit.lowerBound).toBeLessThanOrEqual(value * (1 + 1e-12));
            if (fit.converged) expect(fit.objective).toBeLessThanOrEqual(value * (1 + 1e-8));
          }
          expect(fit.dualityGap).toBeGreaterThanOrEqual(0);
          expect(fit.objective - fit.lowerBound).toBeCloseTo(fit.dualityGap, 14);
        },
      ),
      { numRuns: 40 },
    );
  });

  // The nearly interpolating regime of ℓ∞ training (p > n, ε well below ε₀), where the
  // previous solver (reweighted ridge + active-set finish) ended at 1000 iterations with
  // certified gaps of 1e-4–1e-3 (100×1000) or needed 640 iterations (50×200).
  describe.each([
    [50, 200, 31],
    [100, 1000, 32],
  ])('ℓ∞ in the nearly interpolating regime, %i×%i', (n, p, seed) => {
    const X = gaussianDesign(seed, n, p);
    const y = gaussianVector(seed + 100, n);
    const epsilonZero = epsilonZeroOf(X, y);
    it.each([0.01, 0.1, 0.5])('certifies 1e-8 at ε = %f·ε₀ within 100 iterations', (fraction) => {
      const epsilon = fraction * epsilonZero;
      const fit = adversarialTraining(X, y, { epsilon, norm: 'linf' });
      expect(fit.converged).toBe(true);
      expect(fit.relativeDualityGap).toBeLessThanOrEqual(1e-8);
      expect(fit.iterations).toBeLessThanOrEqual(100);
      expect(fit.objective).toBeCloseTo(adversarialObjective(X, y, fit.coef, { epsilon, norm: 'linf' }), 14);
      for (const coef of [minNorm(X, y).coef, ridge(X, y, epsilon ** 2).coef]) {
        expect(fit.objective).toBeLessThanOrEqual(
          adversarialObjective(X, y, coef, { epsilon, norm: 'linf' }),
        );
      }
    });
  });

  it('certifies ℓ∞ training on random overparameterized problems (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 20 }),
        fc.integer({ min: 2, max: 6 }),
        fc.double({ min: 0.005, max: 0.95, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (n, ratio, fraction, seed) => {
          const X = gaussianDesign(seed, n, ratio * n);
          const y = gaussianVector(seed + 7, n);
          const epsilon = fraction * epsilonZeroOf(X, y);
          const fit = adversarialTraining(X, y, { epsilon, norm: 'linf' });
          expect(fit.converged).toBe(true);
          expect(fit.iterations).toBeLessThanOrEqual(100);
          const value = adversarialObjective(X, y, minNorm(X, y).coef, { epsilon, norm: 'linf' });
          expect(fit.objective).toBeLessThanOrEqual(value * (1 + 1e-8));
          expect(fit.lowerBound).toBeLessThanOrEqual(value * (1 + 1e-12));
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each(l1Interpolators.cases.map((c) => [`${c.n}×${c.p}`, c] as const))(
    'approaches the minimum-ℓ1 interpolator as ε → 0 (ℓ∞, p > n; scipy linprog reference, %s)',
    (_, c) => {
      const X = Matrix.fromRows(c.X);
      const y = Float64Array.from(c.y);
      const target = Float64Array.from(c.theta);
      const epsilonZero = epsilonZeroOf(X, y);
      let previous = Number.POSITIVE_INFINITY;
      for (const fraction of [0.3, 0.1, 0.01, 0.001]) {
        const fit = adversarialTraining(X, y, { epsilon: fraction * epsilonZero, norm: 'linf' });
        expect(fit.converged).toBe(true);
        const distance = relativeError(fit.coef, target);
        expect(distance).toBeLessThanOrEqual(previous + 1e-9);
        previous = distance;
      }
      expect(previous).toBeLessThan(1e-6);
    },
  );

  it('approaches the min-norm interpolator as ε → 0 (ℓ2, p > n)', () => {
    const X = gaussianDesign(21, 15, 45);
    const y = gaussianVector(22, 15);
    const target = minNorm(X, y).coef;
    let previous = Number.POSITIVE_INFINITY;
    for (const epsilon of [0.3, 0.1, 0.01, 0.001]) {
      const distance = relativeError(adversarialTraining(X, y, { epsilon, norm: 'l2' }).coef, target);
      expect(distance).toBeLessThanOrEqual(previous + 1e-9);
      previous = distance;
    }
    expect(previous).toBeLessThan(1e-6);
  });

  it('gives θ = 0 exactly above ε₀ = ‖Xᵀy‖/‖y‖₁ and least squares at ε = 0', () => {
    const X = gaussianDesign(23, 10, 6);
    const y = gaussianVector(24, 10);
    const zero = adversarialTraining(X, y, { epsilon: 10, norm: 'linf' });
    expect(Array.from(zero.coef).every((c) => c === 0)).toBe(true);
    expect(zero.dualityGap).toBe(0);
    const below = adversarialTraining(X, y, { epsilon: zero.epsilonZero * 0.9, norm: 'linf' });
    expect(below.coef.some((c) => c !== 0)).toBe(true);
    const leastSquares = adversarialTraining(X, y, { epsilon: 0, norm: 'l2' });
    expect(relativeError(leastSquares.coef, minNorm(X, y).coef)).toBe(0);
  });

  it('reports iterations and stops at maxIterations without claiming convergence', () => {
    const X = gaussianDesign(25, 30, 8);
    const y = gaussianVector(26, 30);
    const capped = adversarialTraining(X, y, {
      epsilon: 0.3,
      norm: 'l2',
      maxIterations: 1,
      tolerance: 1e-14,
    });
    expect(capped.iterations).toBe(1);
    expect(capped.converged).toBe(false);
    expect(capped.relativeDualityGap).toBeGreaterThan(1e-14);
    const full = adversarialTraining(X, y, { epsilon: 0.3, norm: 'l2' });
    expect(full.iterations).toBeGreaterThan(1);
    expect(full.objective).toBeLessThanOrEqual(capped.objective);
  });

  it('rejects ε < 0, unknown norms and unknown options', () => {
    const X = gaussianDesign(27, 4, 3);
    const y = gaussianVector(28, 4);
    expect(() => adversarialTraining(X, y, { epsilon: -0.1, norm: 'l2' })).toThrow(LinearModelError);
    expect(() => adversarialTraining(X, y, { epsilon: -0.1, norm: 'l2' })).toThrow(
      /options.epsilon: is -0.1/,
    );
    expect(() => adversarialTraining(X, y, { epsilon: 0.1, norm: 'l1' as PerturbationNorm })).toThrow(
      /options.norm: is "l1"; expected 'l2' or 'linf'/,
    );
    expect(() =>
      adversarialTraining(X, y, { epsilon: 0.1, norm: 'l2', tol: 1 } as unknown as {
        epsilon: number;
        norm: 'l2';
      }),
    ).toThrow(/unknown option "tol"/);
    expect(() => adversarialTraining(X, y, { epsilon: 0.1, norm: 'l2', maxIterations: 0 })).toThrow(
      /options.maxIterations/,
    );
    expect(() => adversarialObjective(X, y, new Float64Array(2), { epsilon: 0.1, norm: 'l2' })).toThrow(
      /theta: has length 2, expected 3/,
    );
  });
});
