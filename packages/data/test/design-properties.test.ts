import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CovarianceSpec,
  covarianceEigenvalues,
  deriveSeed,
  makeDesign,
  resolveDesignSpec,
} from '../src/index.js';

const covarianceArbitrary: fc.Arbitrary<CovarianceSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('isotropic' as const),
    p: fc.integer({ min: 1, max: 60 }),
    scale: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  }),
  fc
    .record({
      p: fc.integer({ min: 1, max: 60 }),
      s: fc.integer({ min: 0, max: 60 }),
      tail: fc.double({ min: 1e-6, max: 1, noNaN: true }),
    })
    .map(({ p, s, tail }) => ({ kind: 'spiked' as const, p, s: Math.min(s, p), tail })),
  fc.record({
    kind: fc.constant('spikedScaled' as const),
    n: fc.integer({ min: 1, max: 40 }),
    a: fc.double({ min: 0.5, max: 1.6, noNaN: true }),
    b: fc.double({ min: 0, max: 2, noNaN: true }),
    s: fc.integer({ min: 0, max: 8 }),
  }),
  fc.record({
    kind: fc.constant('powerLaw' as const),
    p: fc.integer({ min: 1, max: 60 }),
    a: fc.double({ min: 0, max: 3, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('bartlett' as const),
    p: fc.integer({ min: 1, max: 60 }),
    beta: fc.double({ min: 0, max: 4, noNaN: true }),
  }),
);

describe('design properties', () => {
  it('every valid covariance has positive, non-increasing eigenvalues, and resolving is idempotent', () => {
    fc.assert(
      fc.property(covarianceArbitrary, (covariance) => {
        const eigenvalues = covarianceEigenvalues(covariance);
        for (let j = 0; j < eigenvalues.length; j++) {
          expect(eigenvalues[j] as number).toBeGreaterThan(0);
          if (j > 0) expect(eigenvalues[j] as number).toBeLessThanOrEqual(eigenvalues[j - 1] as number);
        }
        const resolved = resolveDesignSpec({ covariance });
        expect(resolveDesignSpec(resolved)).toEqual(resolved);
        expect(Math.hypot(...makeDesign(resolved).thetaStar)).toBeCloseTo(1, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('distinct labels give distinct seeds (no collisions among random labels)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 50 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (labels, seed) => {
          const seeds = new Set(labels.map((label) => deriveSeed(seed, label)));
          expect(seeds.size).toBe(labels.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
