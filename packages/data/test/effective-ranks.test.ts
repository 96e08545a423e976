import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benignDiagnostics, covarianceEigenvalues, DataError, effectiveRanks } from '../src/index.js';
import golden from './fixtures/theory-effective-ranks.json' with { type: 'json' };

describe('effectiveRanks', () => {
  it('matches golden/theory.json (numpy) for the spiked spectrum', () => {
    const { b, n, r: rGolden, R: RGolden, kstar } = golden.effectiveRanks;
    const result = effectiveRanks(golden.eigenvalues, n, b);
    expect(result.kstar).toBe(kstar);
    expect(result.r.length).toBe(rGolden.length);
    for (let k = 0; k < rGolden.length; k++) {
      expect(result.r[k]).toBeCloseTo(rGolden[k] as number, 9);
      expect(
        Math.abs((result.R[k] as number) - (RGolden[k] as number)) / (RGolden[k] as number),
      ).toBeLessThan(1e-12);
    }
  });

  it('k* is the first k with r_k ≥ b·n (the TSDoc example)', () => {
    const { r, kstar } = effectiveRanks([1, 1, 0.01, 0.01, 0.01], 2, 1.25);
    expect(Array.from(r)).toEqual([2.0300000000000002, 1.03, 3, 2, 1]);
    expect(kstar).toBe(2);
    // r_0 = 2.03 already reaches b·n = 2 at b = 1, so k* drops to 0.
    expect(effectiveRanks([1, 1, 0.01, 0.01, 0.01], 2, 1).kstar).toBe(0);
  });

  it('is null-k* when no k qualifies, and rejects bad input naming the argument', () => {
    expect(effectiveRanks([1, 1, 1], 10, 1).kstar).toBeNull();
    expect(effectiveRanks([1, 1, 1], 3, 1).kstar).toBe(0);
    expect(() => effectiveRanks([1, 2], 3, 1)).toThrow(/eigenvalues: entry 1 is 2, larger than entry 0/);
    expect(() => effectiveRanks([1, -1], 3, 1)).toThrow(/eigenvalues: entry 1 is -1/);
    expect(() => effectiveRanks([], 3, 1)).toThrow(DataError);
    expect(() => effectiveRanks([1, Number.NaN], 3, 1)).toThrow(/NaN/);
    expect(() => effectiveRanks([1], 0, 1)).toThrow(/^n: /);
    expect(() => effectiveRanks([1], 2, 0)).toThrow(/^b: /);
  });

  it('satisfies 1 ≤ r_k ≤ R_k ≤ p − k and k* is the first k with r_k ≥ bn (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        (values, n, b) => {
          const lambda = values.sort((x, y) => y - x);
          const { r, R, kstar } = effectiveRanks(lambda, n, b);
          const p = lambda.length;
          for (let k = 0; k < p; k++) {
            const slack = 1e-9 * (p - k);
            expect(r[k] as number).toBeGreaterThanOrEqual(1 - slack);
            // R_k ≥ r_k because Σλ² ≤ λ_{k+1} Σλ, and R_k ≤ p − k by Cauchy–Schwarz.
            expect(R[k] as number).toBeGreaterThanOrEqual((r[k] as number) * (1 - 1e-9));
            expect(R[k] as number).toBeLessThanOrEqual(p - k + slack);
          }
          if (kstar === null) expect(Array.from(r).every((value) => value < b * n)).toBe(true);
          else {
            expect(r[kstar] as number).toBeGreaterThanOrEqual(b * n);
            for (let k = 0; k < kstar; k++) expect(r[k] as number).toBeLessThan(b * n);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('benignDiagnostics', () => {
  it('calls the Theory §7 design benign at large n and explains the numbers', () => {
    const spec = { covariance: { kind: 'spikedScaled', n: 800, a: 1.5, b: 1, s: 5 } } as const;
    const report = benignDiagnostics(spec, 800);
    const eigenvalues = covarianceEigenvalues(spec.covariance);
    const ranks = effectiveRanks(eigenvalues, 800, 1);
    expect(report.p).toBe(22633);
    expect(report.kstar).toBe(ranks.kstar);
    expect(report.r0OverN).toBeCloseTo((ranks.r[0] as number) / 800, 12);
    expect(report.nOverRkStar).toBeCloseTo(800 / (ranks.R[report.kstar as number] as number), 12);
    expect(report.traceSigma).toBeCloseTo(5 + 22628 / 800, 9);
    expect(report.minNormSquaredNormLowerBound).toBeCloseTo((0.25 * 800) / report.traceSigma, 12);
    expect(report.thetaStarNorm).toBe(1);
    expect(report.verdict).toBe('benign');
    expect(report.explanation).toMatch(/benign regime/);
  });

  it('is borderline at small n and not benign for isotropic or p ≤ n designs', () => {
    expect(
      benignDiagnostics({ covariance: { kind: 'spikedScaled', n: 50, a: 1.5, b: 1, s: 5 } }, 50).verdict,
    ).toBe('borderline');
    const isotropic = benignDiagnostics({ covariance: { kind: 'isotropic', p: 1000 } }, 100);
    expect(isotropic.verdict).toBe('not benign');
    expect(isotropic.explanation).toMatch(/r0\/n = 10\.0 is large/);
    const underparameterized = benignDiagnostics({ covariance: { kind: 'isotropic', p: 50 } }, 100);
    expect(underparameterized.kstar).toBeNull();
    expect(underparameterized.explanation).toMatch(/not overparameterized/);
    expect(() => benignDiagnostics({ covariance: { kind: 'isotropic', p: 50 } }, 0)).toThrow(/^n: /);
    expect(() =>
      benignDiagnostics({ covariance: { kind: 'isotropic', p: 50 } }, 5, { c: 1 } as never),
    ).toThrow(/options\.c/);
  });
});
